-- What bumps the site version (platform/pages; the table and bump_site_version() come with
-- version 8, bcs.pages.schema-version): the tables the public meeting pages read, /events,
-- a meeting's page and the calendar files. A meeting's page shows how many places are
-- taken and how many wait, so an answer bumps too, but a reminder sent (rsvp.reminded_at)
-- does not. Applications, members, profiles, digests and the mail outbox are on no page
-- kept (the directory and a member's pages are for signed-in readers).
create constraint trigger meeting_changes_site after insert or update or delete on meeting
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger rsvp_changes_site after insert or delete or update of status, meeting_id on rsvp
    deferrable initially deferred for each row execute function bump_site_version();

-- A truncate (an operator's reset) fires no row trigger; it bumps the number at once.
create trigger meeting_truncated_site after truncate on meeting
    for each statement execute function bump_site_version();
create trigger rsvp_truncated_site after truncate on rsvp
    for each statement execute function bump_site_version();
