-- The narrower copies of an image that readers ask for with ?w=, made once at upload. Serving
-- them is a read: the public path never decodes an image (decoding on request let a few
-- anonymous readers exhaust the service's small heap).
create table media_variant (
    media_id     uuid  not null references media (id) on delete cascade,
    width        int   not null,
    height       int   not null,
    content_type text  not null,
    bytes        bytea not null,
    primary key (media_id, width)
);
