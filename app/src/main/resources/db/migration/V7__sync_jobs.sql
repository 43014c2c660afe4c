-- Long-running sync jobs (the Stripe backfill) with their checkpoint and progress. The job's
-- execution is a db-scheduler task whose instance id is this row's id; this row is what survives
-- a crash: the run continues after `cursor_invoice_id`, the last invoice it applied.
create table sync_job (
  id                 varchar(36)  primary key,
  workspace_id       varchar(36)  not null references workspace (id),
  kind               varchar(32)  not null,
  status             varchar(16)  not null,
  -- workspace and kind while queued or running, else null: at most one active job per kind.
  active_key         varchar(80)  unique,
  -- Invoices created at or after this instant are left to webhooks: fixed at start, so pages
  -- do not shift while new invoices are created.
  window_until       timestamp with time zone not null,
  cursor_invoice_id  varchar(100),
  cursor_created     timestamp with time zone,
  oldest_created     timestamp with time zone,
  processed          bigint       not null,
  written            bigint       not null,
  unchanged          bigint       not null,
  skipped            bigint       not null,
  failed             bigint       not null,
  total_estimate     bigint,
  rate_per_second    double precision,
  attempts           int          not null,
  created_at         timestamp with time zone not null,
  started_at         timestamp with time zone,
  updated_at         timestamp with time zone not null,
  finished_at        timestamp with time zone,
  last_error         varchar(500)
);
create index sync_job_workspace_created_idx on sync_job (workspace_id, created_at);
