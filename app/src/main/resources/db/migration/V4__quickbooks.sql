-- A workspace's QuickBooks OAuth connection. The tokens themselves are sealed in vault_secret
-- (name 'quickbooks.oauth_tokens', written in the same transaction); this row carries what
-- compare-and-swap and health banners need. Every write bumps version, and a write only lands if
-- version is still what the writer read, so instances never overwrite a newer refresh token and
-- only one of them refreshes at a time (refresh_lease_until).
create table quickbooks_token (
  workspace_id             varchar(36) primary key references workspace (id),
  realm_id                 varchar(32) not null,
  version                  bigint      not null,
  access_expires_at        timestamp with time zone not null,
  refresh_expires_at       timestamp with time zone not null,
  refresh_hard_expires_at  timestamp with time zone,
  refresh_lease_until      timestamp with time zone,
  updated_at               timestamp with time zone not null
);
