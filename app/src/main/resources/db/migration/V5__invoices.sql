-- The local mirror of every invoice Invoicebridge created or heard of, one row per provider
-- invoice. Amounts are in the currency's minor unit, as the providers report them.
create table invoice (
  id                  varchar(36)  primary key,
  workspace_id        varchar(36)  not null references workspace (id),
  provider            varchar(16)  not null,
  provider_invoice_id varchar(100) not null,
  number              varchar(100),
  status              varchar(16)  not null,
  total               bigint       not null,
  amount_due          bigint       not null,
  amount_paid         bigint       not null,
  amount_remaining    bigint       not null,
  currency            varchar(3)   not null,
  due_date            date,
  hosted_invoice_url  varchar(1000),
  record_object       varchar(64),
  record_id           varchar(64),
  recipient_record_id varchar(64),
  company_record_id   varchar(64),
  deal_record_id      varchar(64),
  customer_email      varchar(512),
  attio_values_hash   varchar(64),
  version             bigint       not null,
  created_at          timestamp with time zone not null,
  updated_at          timestamp with time zone not null,
  unique (workspace_id, provider, provider_invoice_id)
);
create index invoice_workspace_created_idx on invoice (workspace_id, created_at);

-- Idempotency-Key of POST /api/v1/invoices: the key, a hash of the request it came with and the
-- invoice id it stands for. A row without a finished_at is a request still in progress.
create table invoice_request (
  workspace_id    varchar(36)  not null references workspace (id),
  idempotency_key varchar(255) not null,
  request_hash    varchar(64)  not null,
  invoice_id      varchar(36)  not null,
  created_at      timestamp with time zone not null,
  finished_at     timestamp with time zone,
  primary key (workspace_id, idempotency_key)
);

-- Provider webhook events as received (verified), before any processing: an event is stored
-- here before the 2xx answer, and applied once thanks to the unique event id.
create table webhook_inbox (
  provider      varchar(16)   not null,
  event_id      varchar(100)  not null,
  workspace_id  varchar(36)   not null references workspace (id),
  event_type    varchar(100)  not null,
  object_id     varchar(100),
  payload       text          not null,
  received_at   timestamp with time zone not null,
  processed_at  timestamp with time zone,
  attempts      int           not null,
  last_error    varchar(500),
  primary key (provider, event_id)
);
create index webhook_inbox_unprocessed_idx on webhook_inbox (processed_at, received_at);
