-- The network's applications, members, their consents and the accounts still to be created.

-- An application to join. Its id becomes the member's id once approved. The email is stored in
-- lower case; at most one open (unverified or pending) application per address.
create table application (
    id                      uuid primary key,
    email                   text        not null,
    given_name              text        not null,
    family_name             text        not null,
    affiliation             text        not null,
    discipline              text        not null,
    career_stage            text        not null,
    country                 text        not null,
    interests               text[]      not null,
    orcid                   text,
    statement               text        not null,
    code_of_conduct_version text        not null,
    status                  text        not null,
    -- SHA-256 of the link's token: the link itself is only in the applicant's mailbox.
    verification_hash       text unique,
    submitted_at            timestamptz not null,
    expires_at              timestamptz not null,
    verified_at             timestamptz,
    decided_at              timestamptz,
    decided_by              text,
    decision_reason         text,
    note                    text
);

-- Keys of the submissions already received: the same form sent twice has one effect.
create table application_submission (
    submission_key text primary key,
    received_at    timestamptz not null
);

create unique index application_open_email_idx on application (email)
    where status in ('unverified', 'pending');
create index application_status_idx on application (status, submitted_at);

-- Members: approved applicants. keycloak_user_id is filled once their account exists.
create table member (
    id               uuid primary key references application (id),
    email            text        not null,
    status           text        not null,
    joined_at        timestamptz not null,
    keycloak_user_id text
);

create unique index member_active_email_idx on member (email) where status = 'active';

-- The consent ledger: one row per purpose given (or withdrawn), with the text version agreed to.
create table consent (
    id           bigint generated always as identity primary key,
    subject_id   uuid        not null references application (id) on delete cascade,
    purpose      text        not null,
    text_version text        not null,
    given_at     timestamptz not null,
    given_how    text        not null,
    withdrawn_at timestamptz
);

create index consent_subject_idx on consent (subject_id);

-- Accounts to create in Keycloak for approved members: the approval is recorded at once, the
-- account made by a job that retries until Keycloak answers (AccountProvisioning).
create table account_provisioning (
    member_id          uuid primary key references member (id),
    status             text        not null,
    attempts           int         not null default 0,
    next_attempt_at    timestamptz not null,
    last_error         text,
    keycloak_user_id   text,
    invitation_sent_at timestamptz,
    created_at         timestamptz not null,
    done_at            timestamptz
);

create index account_provisioning_due_idx on account_provisioning (next_attempt_at) where status = 'pending';

-- Mail waiting to be sent: written in the transaction of the change it reports, sent by
-- MailRelay, so a rolled-back change mails nothing and a committed one is not lost when the
-- SMTP server is away.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    queued_at       timestamptz not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);

create index mail_outbox_pending_idx on mail_outbox (next_attempt_at) where sent_at is null;
