-- Digests: what each member asked for, and the news on the suite's topics they are made of.

-- A member's digest: the taxonomy's topics they chose and how often. The unsubscribe token is
-- kept as it is (not hashed) because every digest mail carries it; it can do one thing only,
-- end this digest.
create table digest_subscription (
    member_id         uuid primary key references member (id),
    topics            text[]      not null,
    frequency         text        not null,
    unsubscribe_token text        not null unique,
    subscribed_at     timestamptz not null,
    last_sent_at      timestamptz
);

-- News announced by the other services (posts, developments, papers), one row per item: the
-- same item announced twice is one row.
create table digest_item (
    kind         text        not null,
    item_id      text        not null,
    title        text        not null,
    summary      text        not null,
    url          text        not null,
    topics       text[]      not null,
    published_at timestamptz not null,
    received_at  timestamptz not null,
    primary key (kind, item_id)
);

create index digest_item_received_idx on digest_item (received_at);

-- Headers a message needs besides the usual ones (List-Unsubscribe for digests).
alter table mail_outbox add column headers jsonb;
