-- An entry of the partner event log meant for one partner only (a watchlist alert: it names the
-- partner's own watchlist): audience is that partner, null is everyone. Such an entry takes its
-- position (public_seq) from the same sequence under the same writer lock, so the partner's own
-- view of the log pages with one cursor; every other reader skips the position. The entry goes
-- with its partner.
alter table partner_event add column audience uuid references partner (id) on delete cascade;

create index partner_event_audience on partner_event (audience, public_seq) where audience is not null;
