-- The site version (SiteVersion): one number that changes whenever anything a public page
-- shows changes. A service whose database has not got it yet names, in
-- bcs.pages.schema-version, the Flyway version at which it is created (SiteVersionSchema);
-- the service's next migration adds the triggers on its own tables. Written once here so
-- that every service bumps it the same way. This file is part of applied migrations: never
-- change it (its checksum is in the services' schema history); add a new file instead.
create table site_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);
insert into site_version (version) values (1);

-- Bumps the number once per transaction, however many rows it writes. Called by the
-- triggers below and by a service's own trigger functions that decide first whether a
-- change is public at all (a write to a table most of whose rows are on no page).
create function site_version_changed() returns void language plpgsql as $$
begin
    if coalesce(current_setting('bcs.site_version_bumped', true), '') <> 'yes' then
        perform set_config('bcs.site_version_bumped', 'yes', true);
        update site_version set version = version + 1;
    end if;
end;
$$;

-- For a service's triggers: deferred constraint triggers (the row lock on site_version is
-- then taken last, just before the commit releases it, so a writer never holds it while
-- it waits for anything else) and statement triggers on truncate.
create function bump_site_version() returns trigger language plpgsql as $$
begin
    perform site_version_changed();
    return null;
end;
$$;
