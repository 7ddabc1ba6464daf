-- Near-duplicate candidates are looked for only among items published within the title
-- rule's window (45 days either side); this lets the database read just those weeks
-- instead of every item sharing a band of common words.
create index item_published_at on item (published_at);
