-- Partner subscriptions: partners, their webhook endpoints with filters and signing secrets,
-- the log of every public event (the pull log), and each event's delivery to each endpoint with
-- every attempt. Versions from V100 are the partner feature's; papers use V1 to V49.

create table partner (
    id            uuid primary key,
    name          text not null check (length(name) between 1 and 200),
    contact_email text not null check (length(contact_email) between 3 and 320),
    -- The partner's Keycloak client: its tokens carry it as azp.
    client_id     text not null unique check (length(client_id) between 1 and 255),
    created_at    timestamptz not null,
    created_by    text not null
);

create table partner_endpoint (
    id              uuid primary key,
    partner_id      uuid not null references partner (id) on delete cascade,
    url             text not null check (length(url) <= 2000),
    description     text not null default '' check (length(description) <= 500),
    -- Filters: an empty array means any.
    event_types     text[] not null default '{}',
    regimes         text[] not null default '{}',
    topics          text[] not null default '{}',
    enabled         boolean not null default true,
    disabled_reason text,
    -- Set by the first failure after a success; an endpoint failing for long is disabled.
    failing_since   timestamptz,
    created_at      timestamptz not null
);

create index partner_endpoint_partner on partner_endpoint (partner_id);

-- The secrets that sign an endpoint's deliveries: the current one (expires_at null) and, while
-- a rotation runs, the previous one until it expires.
create table partner_endpoint_secret (
    endpoint_id uuid not null references partner_endpoint (id) on delete cascade,
    secret      text not null,
    created_at  timestamptz not null,
    expires_at  timestamptz,
    primary key (endpoint_id, created_at)
);

-- Every public event once, in the order partners page through it. seq comes from an identity
-- taken at insert while rows become visible at commit; writers take a transaction lock before
-- the insert (PartnerEventLog), so seq order is commit order and a reader that has passed seq N
-- never later finds a row below N appear.
create table partner_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid not null unique,
    type        text not null,
    subject     text,
    occurred_at timestamptz not null,
    -- The CloudEvent in structured JSON, exactly the bytes that are signed and delivered.
    envelope    text not null,
    regimes     text[] not null default '{}',
    topics      text[] not null default '{}',
    logged_at   timestamptz not null
);

create index partner_event_type on partner_event (type, seq);

create table partner_delivery (
    id              bigint generated always as identity primary key,
    event_seq       bigint not null references partner_event (seq) on delete cascade,
    endpoint_id     uuid not null references partner_endpoint (id) on delete cascade,
    status          text not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz,
    -- A worker that took the delivery holds it until then; another replica may take it after.
    leased_until    timestamptz,
    delivered_at    timestamptz,
    unique (endpoint_id, event_seq)
);

create index partner_delivery_due on partner_delivery (next_attempt_at) where status = 'pending';

create table partner_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  bigint not null references partner_delivery (id) on delete cascade,
    attempted_at timestamptz not null,
    status       integer not null,
    latency_ms   integer not null,
    excerpt      text not null default '',
    error        text
);

create index partner_attempt_delivery on partner_attempt (delivery_id, attempted_at);
