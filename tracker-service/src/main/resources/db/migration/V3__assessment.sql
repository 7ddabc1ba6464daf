-- Each analyst's assessment of a development; every change is a new row (a version), never an
-- update, so what was judged, by whom and when stays readable.
create table assessment (
    development_id uuid not null references development (id) on delete cascade,
    assessor_id    text not null,
    assessor_name  text not null,
    version        integer not null check (version >= 1),
    recorded_at    timestamptz not null,
    field          text not null,
    provisions     text[] not null,
    implications   text[] not null,
    trl            integer not null check (trl between 1 and 9),
    likelihood     integer not null check (likelihood between 1 and 5),
    impact         integer not null check (impact between 1 and 5),
    confidence     text not null check (confidence in ('low', 'medium', 'high')),
    hard_measures  text[] not null,
    soft_measures  text[] not null,
    rationale      text not null,
    item_ids       uuid[] not null check (cardinality(item_ids) >= 1),
    primary key (development_id, assessor_id, version)
);
create index assessment_latest on assessment (development_id, assessor_id, version desc);
