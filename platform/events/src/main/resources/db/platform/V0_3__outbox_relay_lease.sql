-- Which relay publishes (docs/events.md, "The relay"): one lease row, taken and given back in short
-- statements of their own, so that no transaction and no lock stays open while a relay waits for the
-- broker. The expiry is the database's clock, the same for every replica; a relay that dies
-- mid-round is replaced once its lease has run out.
create table event_relay_lease (
    name       text        primary key,
    holder     text        not null,
    expires_at timestamptz not null
);

-- The relay's horizon reads the outbox sequence's last value as "every id up to here has been
-- handed out". A session cache would hand out ranges ahead of time and break that, so the
-- sequence keeps the default of one value at a time, stated here so nobody tunes it away.
alter table event_outbox alter column id set cache 1;
