-- Who changed what in a service: every write records its actor (the user id from the
-- access token, or the service itself for scheduled work), the action and its target.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    target      text        not null,
    detail      jsonb
);

create index audit_log_target_idx on audit_log (target, occurred_at desc);
