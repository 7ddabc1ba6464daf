-- Members' profiles, each field with who may see it, and reminders of meetings sent.

-- A member's profile, made from their application the first time they open /network/me.
-- Each field has its own visibility: private (nobody but the member), staff, members (members
-- and staff), public (anyone, and search). Private by default: security researchers may not
-- want to be known as such.
create table profile (
    member_id              uuid primary key references member (id),
    display_name           text        not null,
    affiliation            text        not null,
    discipline             text        not null,
    country                text        not null,
    topics                 text[]      not null,
    bio                    text        not null,
    orcid                  text,
    name_visibility        text        not null default 'private',
    affiliation_visibility text        not null default 'private',
    discipline_visibility  text        not null default 'private',
    country_visibility     text        not null default 'private',
    topics_visibility      text        not null default 'private',
    bio_visibility         text        not null default 'private',
    orcid_visibility       text        not null default 'private',
    -- In the directory only by the member's choice (recorded in the consent ledger too).
    listed                 boolean     not null default false,
    updated_at             timestamptz not null
);

create index profile_listed_idx on profile (listed) where listed;

-- Leaving the network: when, and the account is disabled by the account job (status
-- 'disable-pending' in account_provisioning until Keycloak has done it).
alter table member add column left_at timestamptz;

-- A reminder is mailed once per attendee, the day before; a change of time sends it again.
alter table rsvp add column reminded_at timestamptz;
