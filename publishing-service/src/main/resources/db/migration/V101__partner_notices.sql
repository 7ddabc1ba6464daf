-- Mail to a partner's contact about one of its endpoints (it was disabled), queued in the
-- transaction that disabled it and sent by PartnerNotices: no notice for a change that rolled
-- back, none lost while the SMTP server is away, and one per disabling.
create table partner_notice (
    id              bigint generated always as identity primary key,
    endpoint_id     uuid        not null references partner_endpoint (id) on delete cascade,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    queued_at       timestamptz not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text
);

create index partner_notice_due on partner_notice (next_attempt_at) where sent_at is null;
