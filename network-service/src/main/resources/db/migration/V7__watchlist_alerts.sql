-- Developments a member's watchlist in the tracker asked for (watchlist.matched), kept for the
-- member's next digest whatever their digest topics. One row per watchlist and development: the
-- same match announced twice is one row. Personal (it says what a member watches): exported with
-- the member's data, and deleted when they leave or are erased.
create table digest_watchlist_alert (
    watchlist_id   text        not null,
    development_id text        not null,
    member_id      uuid        not null references member (id),
    title          text        not null,
    summary        text        not null,
    url            text        not null,
    published_at   timestamptz not null,
    received_at    timestamptz not null,
    primary key (watchlist_id, development_id)
);

create index digest_watchlist_alert_member_idx on digest_watchlist_alert (member_id, received_at);
