-- Keys of the admin tool's forms already acted on, and where each sent the browser: the same
-- form sent twice (a double click, a resent page) does its work once and leads to the same place.
-- Kept two days (FormKeys.forgetOld).
create table admin_form_key (
    key      uuid        not null,
    action   text        not null,
    location text        not null,
    used_at  timestamptz not null,
    primary key (key, action)
);

create index admin_form_key_used_idx on admin_form_key (used_at);
