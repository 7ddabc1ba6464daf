-- A small aggregate for the tests of the event plumbing, and the effect its consumer has.
create table note (
    id       text primary key,
    title    text not null,
    revision int  not null
);

create table note_effect (
    seq      bigint generated always as identity primary key,
    event_id text not null,
    note_id  text not null,
    title    text not null,
    revision int  not null,
    trace_id text
);
