-- A recalled embargo (docs/partners.md, "Embargo"): the announcement never takes a place in the
-- public log, and its deliveries not yet made are called off rather than failed.
alter table partner_event add column recalled_at timestamptz;

alter table partner_delivery drop constraint partner_delivery_status_check;
alter table partner_delivery add constraint partner_delivery_status_check
    check (status in ('pending', 'delivered', 'failed', 'recalled'));
