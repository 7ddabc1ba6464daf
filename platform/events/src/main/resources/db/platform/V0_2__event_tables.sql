-- The event tables (docs/events.md) of every service that depends on platform/events: the outbox it
-- publishes from and the inbox of events it has handled.

-- Events written in the transaction of the change they report, published by the relay in id order.
create table event_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    aggregate_id text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    data         text        not null,
    traceparent  text,
    published_at timestamptz
);

-- The relay only ever reads the unpublished rows, in order.
create index event_outbox_pending_idx on event_outbox (id) where published_at is null;

-- Events each consumer has handled: written in the transaction of the effect, so a redelivered
-- event finds its row and has no second effect.
create table event_inbox (
    consumer   text        not null,
    event_id   text        not null,
    handled_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
