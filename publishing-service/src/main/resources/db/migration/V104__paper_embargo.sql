-- A paper whose first publication was announced to trusted partners ahead, under embargo until
-- its scheduled time (docs/partners.md, "Embargo"): the announcement's id, to recall it if the
-- schedule is called off, and so that publishing does not announce the paper a second time.
create table paper_embargo (
    paper_id     uuid primary key references paper (id) on delete cascade,
    event_id     uuid        not null,
    until        timestamptz not null,
    announced_at timestamptz not null
);
