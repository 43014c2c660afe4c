-- A workspace's sync preferences. A workspace without a row has the defaults: invoices synced into
-- Attio, no person created for an unmatched customer email.
create table workspace_settings (
  workspace_id          varchar(36) primary key references workspace (id),
  sync_invoices         boolean     not null,
  create_missing_people boolean     not null,
  updated_at            timestamp with time zone not null
);

-- What the latest check found beside reachability: 'test' or 'live' for Stripe, and the
-- permissions the key lacks as 'id|Dashboard name' pairs joined by commas (never the key).
alter table workspace_connection add column environment varchar(16);
alter table workspace_connection add column missing_permissions varchar(1000);

-- Sandbox connections an admin disconnected: start-up does not connect them again.
create table sandbox_opt_out (
  workspace_id  varchar(36) not null references workspace (id),
  kind          varchar(16) not null,
  opted_out_at  timestamp with time zone not null,
  primary key (workspace_id, kind)
);

-- Webhook deliveries refused (signature not proven), counted per workspace and hour. Nothing of
-- the delivery itself is kept.
create table webhook_rejection (
  workspace_id  varchar(36) not null references workspace (id),
  provider      varchar(16) not null,
  hour_start    timestamp with time zone not null,
  rejections    int         not null,
  last_reason   varchar(40) not null,
  primary key (workspace_id, provider, hour_start)
);

-- Until when the previous webhook signing secret (sealed in the vault next to the current one)
-- still verifies deliveries, after the endpoint was re-created with a new secret.
create table webhook_secret_grace (
  workspace_id  varchar(36) not null references workspace (id),
  provider      varchar(16) not null,
  valid_until   timestamp with time zone not null,
  primary key (workspace_id, provider)
);
