-- The network's own meetings (under /events) and the members' answers to them.

create table meeting (
    id                     uuid primary key,
    slug                   text        not null unique,
    title                  text        not null,
    summary                text        not null,
    agenda                 text        not null,
    speakers               text[]      not null,
    starts_at              timestamptz not null,
    ends_at                timestamptz not null,
    -- The IANA zone the meeting is held in: times are shown, and were entered, in it.
    time_zone              text        not null,
    venue                  text,
    -- Given only to attendees with a place.
    online_url             text,
    capacity               int         not null,
    registration_closes_at timestamptz not null,
    topics                 text[]      not null,
    status                 text        not null,
    -- Raised on every change, as SEQUENCE in the calendar files.
    sequence               int         not null default 0,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

create index meeting_starts_idx on meeting (starts_at);

-- Who answers in which order: the place in the queue decides who is promoted from the waitlist.
create sequence rsvp_queue;

create table rsvp (
    meeting_id     uuid        not null references meeting (id),
    attendee_id    text        not null,
    attendee_name  text        not null,
    attendee_email text,
    status         text        not null,
    queue_position bigint      not null,
    responded_at   timestamptz not null,
    primary key (meeting_id, attendee_id)
);

create index rsvp_waiting_idx on rsvp (meeting_id, queue_position) where status = 'waiting';
