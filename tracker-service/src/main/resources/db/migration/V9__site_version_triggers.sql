-- What bumps the site version (platform/pages; the table and bump_site_version() come
-- with version 8, bcs.pages.schema-version): every table the public pages read, the
-- tracker's list, a development's page, trends, the feed and the S&T review exports, all
-- made from the gate's public view.
--
-- Developments, their items' links, assessments and the publication gate change only when
-- an analyst acts: any write bumps. Items, their reports and sources are written by every
-- poll of every source; only the few rows a public page shows bump: a report (shown as
-- evidence) or an item's dates (which date a development in trends and reviews) of an item
-- in a published development, and a source's name (shown beside its reports). Triage and
-- its rules, suggestions and watchlists are on no public page.
create constraint trigger development_changes_site after insert or update or delete on development
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger development_item_changes_site after insert or update or delete on development_item
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger assessment_changes_site after insert or update or delete on assessment
    deferrable initially deferred for each row execute function bump_site_version();
create constraint trigger publication_changes_site after insert or update or delete on publication
    deferrable initially deferred for each row execute function bump_site_version();

-- Whether an item is evidence of a published development, at the commit (the triggers are
-- deferred, so a report added in the transaction that publishes counts as well).
create function item_is_public(item_id uuid) returns boolean language sql stable as $$
    select exists (select 1 from development_item di join development d on d.id = di.development_id
                   where di.item_id = $1 and d.status = 'published')
$$;

create function item_report_changes_site() returns trigger language plpgsql as $$
begin
    if (tg_op <> 'INSERT' and item_is_public(old.item_id)) or (tg_op <> 'DELETE' and item_is_public(new.item_id)) then
        perform site_version_changed();
    end if;
    return null;
end;
$$;

create function item_changes_site() returns trigger language plpgsql as $$
begin
    if item_is_public(new.id) then
        perform site_version_changed();
    end if;
    return null;
end;
$$;

create constraint trigger item_report_changes_site after insert or update or delete on item_report
    deferrable initially deferred for each row execute function item_report_changes_site();
create constraint trigger item_changes_site after update of published_at, first_seen_at on item
    deferrable initially deferred for each row
    when (old.published_at is distinct from new.published_at or old.first_seen_at is distinct from new.first_seen_at)
    execute function item_changes_site();
create constraint trigger source_renamed_site after update of name on source
    deferrable initially deferred for each row when (old.name is distinct from new.name)
    execute function bump_site_version();

-- A truncate (an operator's reset) fires no row trigger; it bumps the number at once.
create trigger development_truncated_site after truncate on development
    for each statement execute function bump_site_version();
create trigger development_item_truncated_site after truncate on development_item
    for each statement execute function bump_site_version();
create trigger assessment_truncated_site after truncate on assessment
    for each statement execute function bump_site_version();
create trigger publication_truncated_site after truncate on publication
    for each statement execute function bump_site_version();
create trigger item_report_truncated_site after truncate on item_report
    for each statement execute function bump_site_version();
