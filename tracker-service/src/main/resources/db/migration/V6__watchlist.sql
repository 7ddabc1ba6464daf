-- What a member or a partner watches: one watchlist each, fields and regimes of the taxonomy.
-- A member is named by their account id (the token's subject), a partner by publishing-service's
-- partner id; the alerts (watchlist.matched) carry the same.
create table watchlist (
    id         uuid primary key,
    owner_kind text not null check (owner_kind in ('member', 'partner')),
    owner_id   text not null,
    fields     text[] not null,
    regimes    text[] not null,
    updated_at timestamptz not null,
    unique (owner_kind, owner_id)
);
