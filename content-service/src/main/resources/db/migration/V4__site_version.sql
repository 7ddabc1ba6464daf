-- One number that changes whenever anything a public page shows changes: the rendered
-- public pages (site.RenderedPages) are kept per version. The database bumps it itself for
-- every table a page reads, so no write path (the API, the admin tool, the scheduler, an
-- erasure, a migration) can forget it, and every replica of the service sees the change
-- at the same commit.
--
-- The triggers are deferred to commit time: the row lock on site_version is then taken
-- last, just before the commit releases it, so a writer never holds it while it waits for
-- anything else (no deadlock, no writer queued behind another's work). A transaction bumps
-- the number once, however many rows it writes.
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

create constraint trigger post_changes_site after insert or update or delete on post
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger post_revision_changes_site after insert or update or delete on post_revision
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger post_correction_changes_site after insert or update or delete on post_correction
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger micro_post_changes_site after insert or update or delete on micro_post
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger page_changes_site after insert or update or delete on page
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger media_changes_site after insert or update or delete on media
    deferrable initially deferred for each row execute function bump_site_version();

-- A truncate (an operator's reset) fires no row trigger; it bumps the number at once.
create trigger post_truncated_site after truncate on post
    for each statement execute function bump_site_version();
create trigger micro_post_truncated_site after truncate on micro_post
    for each statement execute function bump_site_version();
create trigger page_truncated_site after truncate on page
    for each statement execute function bump_site_version();
