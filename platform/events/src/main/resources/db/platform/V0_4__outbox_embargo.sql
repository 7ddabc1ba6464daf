-- Embargoed announcements (docs/events.md, "Embargo"): one event goes out under one id on several
-- topics (at once on bcs.embargoed for trusted partners, at the embargo's end on bcs.public and the
-- service's own topic), so an id is unique per topic rather than in the whole table.
alter table event_outbox drop constraint event_outbox_event_id_key;
alter table event_outbox add constraint event_outbox_topic_event_id_key unique (topic, event_id);

-- A row with not_before in the future is held: the relay leaves it, and every later row of the
-- same aggregate on the same topic (their order on the partition stays), until then.
alter table event_outbox add column not_before timestamptz;

-- The relay asks, for each row it is about to send, whether a held row comes before it.
create index event_outbox_held_idx on event_outbox (topic, aggregate_id, id)
    where published_at is null and not_before is not null;
