-- Sources analysts follow, with what conditional GET and backoff need and their health.
create table source (
    id                   uuid primary key,
    name                 text not null,
    url                  text not null unique,
    poll_every_seconds   integer not null check (poll_every_seconds >= 60),
    enabled              boolean not null default true,
    etag                 text,
    last_modified        text,
    next_poll_at         timestamptz not null,
    consecutive_failures integer not null default 0,
    last_polled_at       timestamptz,
    last_success_at      timestamptz,
    last_status          text,
    last_error_at        timestamptz,
    last_error           text,
    items_seen           bigint not null default 0,
    created_at           timestamptz not null,
    created_by           text not null
);
create index source_due on source (next_poll_at) where enabled;

-- One row per article, however many sources reported it.
create table item (
    id            uuid primary key,
    canonical_url text not null unique,
    title         text not null,
    title_key     text not null,
    title_bands   integer[] not null,
    summary       text not null,
    doi           text,
    published_at  timestamptz,
    first_seen_at timestamptz not null,
    status        text not null default 'new',
    flagged       boolean not null default false,
    tags          text[] not null default '{}',
    topics        text[] not null default '{}'
);
create unique index item_doi on item (doi) where doi is not null;
-- Near-duplicate candidates: items sharing a MinHash band value with a new title.
create index item_title_bands on item using gin (title_bands);
create index item_queue on item (status, first_seen_at desc);

-- Every source that reported an item, under the (canonical) address it used.
create table item_report (
    item_id    uuid not null references item (id) on delete cascade,
    source_id  uuid not null references source (id) on delete cascade,
    url        text not null,
    title      text not null,
    matched_by text not null check (matched_by in ('first', 'url', 'doi', 'title')),
    seen_at    timestamptz not null,
    primary key (item_id, source_id, url)
);
create index item_report_url on item_report (url);
create index item_report_source on item_report (source_id);
