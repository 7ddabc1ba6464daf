-- Treaty meetings papers are written for: a BWC or CWC Meeting of States Parties, a Review
-- Conference, a Working Group session. (The network's own meetings live in network-service.)
create table treaty_meeting (
    slug       text primary key,
    name       text not null,
    regime     text not null,
    starts_on  date not null,
    ends_on    date not null,
    place      text not null,
    created_at timestamptz not null
);

-- A briefing paper: a row of workflow state. Its text lives in versions. working_version is the
-- version the workflow is about; published_version the newest one readers see (null until the
-- first publication). After a publication a new version starts as a draft while the published
-- one stays up.
create table paper (
    id                 uuid primary key,
    slug               text not null unique,
    state              text not null check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REVISIONS',
                           'APPROVED', 'CLEARED', 'SCHEDULED', 'PUBLISHED', 'WITHDRAWN')),
    working_version    int not null,
    published_version  int,
    series_number      int unique,
    scheduled_at       timestamptz,
    first_published_at timestamptz,
    withdrawn_at       timestamptz,
    withdrawal_notice  text,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    created_by         text not null
);

create index paper_due on paper (scheduled_at) where state = 'SCHEDULED';
create index paper_public on paper (first_published_at desc) where published_version is not null;

create table paper_version (
    paper_id              uuid not null references paper (id),
    number                int not null,
    title                 text not null,
    abstract              text not null,
    body                  text not null,
    html                  text not null,
    -- [{name, affiliation, orcid, memberId}]: what is printed on the paper.
    authors               jsonb not null,
    topics                text[] not null,
    regimes               text[] not null,
    developments          text[] not null,
    licence               text not null,
    meeting_slug          text references treaty_meeting (slug),
    agenda_item           text,
    un_documents          text[] not null,
    distribution_deadline date,
    -- CSL-JSON items, formatted by the CSL processor.
    "references"          jsonb not null,
    -- The structured note of a version after the first: what changed (items), why, and the
    -- tracker developments that prompted it.
    change_what           text[] not null,
    change_why            text,
    change_developments   text[] not null,
    published_at          timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    primary key (paper_id, number)
);

-- A published version is the citable record: it never changes and is never deleted. The service
-- never tries; this trigger makes sure nothing else can either (a script, a migration, a bug).
create function paper_version_refuse_published_change() returns trigger
    language plpgsql as $$
begin
    raise exception 'version % of paper % is published and immutable', old.number, old.paper_id
        using errcode = 'integrity_constraint_violation';
end
$$;

create trigger paper_version_published_immutable
    before update or delete on paper_version
    for each row when (old.published_at is not null)
    execute function paper_version_refuse_published_change();

-- Series numbers ("Briefing Paper No. 7"): one counter row, taken under its row lock in the
-- publication's transaction, so numbers are gap-free (a rolled-back publication gives its number
-- back) and two concurrent publications never share one. A sequence would leave gaps.
create table series_counter (
    id   int primary key check (id = 1),
    last int not null
);
insert into series_counter (id, last) values (1, 0);

-- Review rounds: each round reviews one version.
create table review_round (
    paper_id  uuid not null references paper (id),
    number    int not null,
    version   int not null,
    opened_at timestamptz not null,
    closed_at timestamptz,
    outcome   text,
    primary key (paper_id, number)
);

create table review_assignment (
    id             uuid primary key,
    paper_id       uuid not null references paper (id),
    round          int not null,
    reviewer_id    text,
    reviewer_name  text not null,
    reviewer_email text,
    affiliation    text,
    due_on         date not null,
    conflict       text,
    recommendation text check (recommendation in ('ACCEPT', 'MINOR_REVISIONS', 'MAJOR_REVISIONS', 'REJECT')),
    comments       text,
    reviewed_at    timestamptz,
    assigned_at    timestamptz not null,
    foreign key (paper_id, round) references review_round (paper_id, number)
);

-- The separate dual-use review of an approved version: decision and rationale, kept.
create table dual_use_review (
    id          bigint generated always as identity primary key,
    paper_id    uuid not null references paper (id),
    version     int not null,
    decision    text not null check (decision in ('CLEAR', 'REVISE')),
    rationale   text not null,
    decided_at  timestamptz not null,
    decided_by  text not null
);

-- Every workflow step taken, for the paper's history in the admin tool.
create table paper_step (
    id         bigint generated always as identity primary key,
    paper_id   uuid not null references paper (id),
    step       text not null,
    from_state text not null,
    to_state   text not null,
    version    int not null,
    note       text,
    at         timestamptz not null,
    by_name    text not null
);
create index paper_step_paper on paper_step (paper_id, id);
