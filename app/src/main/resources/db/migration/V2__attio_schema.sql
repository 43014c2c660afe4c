-- Where a workspace's invoices live in Attio: the object and, per invoice field, the attribute.
-- Only the admin's overrides are stored; fields left out use their default slugs.

create table attio_schema_mapping (
  workspace_id    varchar(36)  primary key references workspace (id),
  object_slug     varchar(64)  not null,
  currency_code   varchar(3)   not null,
  attribute_slugs varchar(4000) not null,
  updated_at      timestamp with time zone not null
);
