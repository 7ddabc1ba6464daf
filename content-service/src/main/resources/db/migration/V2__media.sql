-- Images uploaded for posts, stored re-encoded (no metadata). Small and few: kept in the
-- service's own database so that backups and replicas need nothing else.
create table media (
    id           uuid primary key,
    content_type text        not null,
    width        int         not null,
    height       int         not null,
    bytes        bytea       not null,
    created_at   timestamptz not null,
    created_by   text        not null
);
