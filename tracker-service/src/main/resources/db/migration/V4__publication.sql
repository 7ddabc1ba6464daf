-- What readers may see of a development, and the information-hazard gate in front of it.
-- public_summary is the text being written; reviewed_summary the one a second analyst
-- reviewed, which is what a hazard-flagged development shows: an edit waits for its review.
create table publication (
    development_id     uuid primary key references development (id) on delete cascade,
    hazard             boolean not null default false,
    hazard_by          text,
    hazard_at          timestamptz,
    public_summary     text not null default '',
    public_summary_by  text,
    public_summary_at  timestamptz,
    reviewed_summary   text,
    reviewed_by        text,
    reviewed_at        timestamptz,
    first_published_at timestamptz,
    published_at       timestamptz
);
