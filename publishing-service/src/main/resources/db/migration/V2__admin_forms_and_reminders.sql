-- The admin tool's forms each carry a key drawn when the page was shown. The first POST
-- with a key does the work and records where it led; a second one (a double click, a
-- resent form) is sent to the same place and does nothing. Scoped by the form's action, as
-- one page holds several forms under one key.
create table admin_form_key (
    key     uuid not null,
    action  text not null,
    location text not null,
    used_at timestamptz not null,
    primary key (key, action)
);
create index admin_form_key_used on admin_form_key (used_at);

-- Reviewer reminders: one row per assignment and kind (BEFORE the due date, AFTER it). The
-- primary key makes each reminder a once-only thing whatever replicas or restarts do.
create table review_reminder (
    assignment_id uuid not null references review_assignment (id),
    kind          text not null check (kind in ('BEFORE', 'AFTER')),
    sent_at       timestamptz not null,
    primary key (assignment_id, kind)
);
