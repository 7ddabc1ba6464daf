-- Blog posts. A post is a row of workflow state; its text lives in revisions, all kept.
-- live_revision: what readers see (null until first publication); head_revision: the newest
-- revision. When a published post has head <> live, an edit is staged and waits for review while
-- the live revision stays up.
create table post (
    id                 uuid primary key,
    slug               text not null unique,
    status             text not null check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    head_revision      int not null,
    live_revision      int,
    staged_in_review   boolean not null default false,
    scheduled_at       timestamptz,
    published_at       timestamptz,
    first_published_at timestamptz,
    updated_at         timestamptz not null,
    created_at         timestamptz not null,
    created_by         text not null
);

-- The scheduler's query: due rows only.
create index post_due on post (scheduled_at) where status = 'SCHEDULED';
create index post_published on post (published_at desc) where status = 'PUBLISHED';

create table post_revision (
    post_id          uuid not null references post (id) on delete cascade,
    number           int not null,
    title            text not null,
    summary          text not null,
    body             text not null,
    html             text not null,
    authors          text[] not null,
    topics           text[] not null,
    regimes          text[] not null,
    tags             text[] not null,
    cover_image      text,
    cover_alt        text,
    material_change  boolean not null default false,
    correction_note  text,
    restored_from    int,
    created_at       timestamptz not null,
    created_by       text not null,
    created_by_name  text not null,
    primary key (post_id, number)
);

-- Public correction notes: written when a revision marked as a material change goes live.
create table post_correction (
    post_id      uuid not null references post (id) on delete cascade,
    revision     int not null,
    note         text not null,
    corrected_at timestamptz not null,
    primary key (post_id, revision)
);

-- Mini-blog posts: short, rendered at write time; no revisions (an edit replaces the text and is
-- announced as an update).
create table micro_post (
    id            uuid primary key,
    text          text not null,
    html          text not null,
    topics        text[] not null,
    tags          text[] not null,
    reply_to      uuid references micro_post (id),
    status        text not null check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    scheduled_at  timestamptz,
    published_at  timestamptz,
    -- For drafted announcements: the upstream item (e.g. paper:<id>), so one item is announced once.
    announces     text unique,
    updated_at    timestamptz not null,
    created_at    timestamptz not null,
    created_by    text not null
);

create index micro_post_due on micro_post (scheduled_at) where status = 'SCHEDULED';
create index micro_post_published on micro_post (published_at desc) where status = 'PUBLISHED';
create index micro_post_reply_to on micro_post (reply_to);

-- Standing pages (about, contact, meeting reports); nav_order places them in the site navigation.
create table page (
    id          uuid primary key,
    slug        text not null unique,
    title       text not null,
    body        text not null,
    html        text not null,
    nav_order   int,
    updated_at  timestamptz not null,
    updated_by  text not null,
    created_at  timestamptz not null
);
