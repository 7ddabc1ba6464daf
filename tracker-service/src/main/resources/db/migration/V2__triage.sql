-- Triage rules: keyword or regex on title, summary or source -> tag, topic, dismiss or flag.
create table triage_rule (
    id         uuid primary key,
    name       text not null,
    field      text not null check (field in ('title', 'summary', 'source', 'any')),
    kind       text not null check (kind in ('keyword', 'regex')),
    pattern    text not null check (length(pattern) between 1 and 200),
    action     text not null check (action in ('tag', 'topic', 'dismiss', 'flag')),
    value      text,
    position   integer not null,
    enabled    boolean not null default true,
    created_at timestamptz not null,
    created_by text not null
);

-- Who last decided about an item by hand; rules never override an analyst.
alter table item add column triaged_by text, add column triaged_at timestamptz,
    add column matched_rules text[] not null default '{}';

-- A development gathers the items that report it; assessment and publication come with it.
create table development (
    id         uuid primary key,
    slug       text not null unique,
    title      text not null,
    summary    text not null default '',
    status     text not null default 'draft',
    created_at timestamptz not null,
    created_by text not null,
    updated_at timestamptz not null
);
create table development_item (
    development_id uuid not null references development (id) on delete cascade,
    item_id        uuid not null unique references item (id) on delete cascade,
    added_at       timestamptz not null,
    added_by       text not null,
    primary key (development_id, item_id)
);
