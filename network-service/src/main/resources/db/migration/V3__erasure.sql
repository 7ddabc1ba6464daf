-- Erasure: the Keycloak account is deleted by the same retrying job that makes accounts. Until it
-- is gone the row keeps the account's user name (the address), the one thing needed to find an
-- account whose id was never recorded; it is cleared when the deletion is done.
alter table account_provisioning add column username text;
