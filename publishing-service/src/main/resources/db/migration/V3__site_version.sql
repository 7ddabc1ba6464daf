-- One number that changes whenever anything a public page shows changes (the papers, their
-- versions with authors, references and withdrawal notices, the treaty meetings): the public
-- pages (platform/pages) are kept per version, here and at the gateway. The database bumps
-- it itself, so no write path (the API, the admin tool, the scheduler's publications, a
-- migration) can forget it, and every replica sees the change at the same commit.
--
-- The triggers are deferred to commit time: the row lock on site_version is then taken
-- last, just before the commit releases it, so a writer never holds it while it waits for
-- anything else. A transaction bumps the number once, however many rows it writes.
-- Workflow tables (reviews, reminders, partners, embargoes) are on no public page.
create table site_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into site_version (version) values (1);

create function bump_site_version() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('bcs.site_version_bumped', true), '') <> 'yes' then
        perform set_config('bcs.site_version_bumped', 'yes', true);
        update site_version set version = version + 1;
    end if;
    return null;
end;
$$;

create constraint trigger paper_changes_site after insert or update or delete on paper
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger paper_version_changes_site after insert or update or delete on paper_version
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger treaty_meeting_changes_site after insert or update or delete on treaty_meeting
    deferrable initially deferred for each row execute function bump_site_version();

-- A truncate (an operator's reset) fires no row trigger; it bumps the number at once.
create trigger paper_truncated_site after truncate on paper
    for each statement execute function bump_site_version();
create trigger paper_version_truncated_site after truncate on paper_version
    for each statement execute function bump_site_version();
create trigger treaty_meeting_truncated_site after truncate on treaty_meeting
    for each statement execute function bump_site_version();
