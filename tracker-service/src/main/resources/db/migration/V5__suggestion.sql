-- Sources members suggest. The member is linked while they are in the network; on their
-- erasure the link (id and name) is removed and the suggestion itself stays for analysts.
create table source_suggestion (
    id            uuid primary key,
    url           text not null check (length(url) <= 2000),
    reason        text not null check (length(reason) between 1 and 1000),
    member_id     text,
    member_name   text,
    suggested_at  timestamptz not null,
    anonymised_at timestamptz
);
create index source_suggestion_member on source_suggestion (member_id) where member_id is not null;
