-- The inbox is its own job queue: instead of one db-scheduler job per event, every instance
-- drains it in batches. An event is due at next_attempt_at (its arrival, later a retry time after
-- a failure); an instance takes a batch by writing its claim and a lease on it, and another
-- instance takes what is left only once the lease has run out (the first instance died).
alter table webhook_inbox add column next_attempt_at timestamp with time zone;
alter table webhook_inbox add column claimed_by varchar(36);
alter table webhook_inbox add column claimed_until timestamp with time zone;
update webhook_inbox set next_attempt_at = received_at;
alter table webhook_inbox alter column next_attempt_at set not null;
create index webhook_inbox_due_idx on webhook_inbox (processed_at, next_attempt_at);
-- The health block's "last event received" reads this one; nothing else reads received_at order.
drop index webhook_inbox_unprocessed_idx;
create index webhook_inbox_received_idx on webhook_inbox (workspace_id, provider, received_at);
-- The per-event jobs and their sweep are gone; the events they were for are still unprocessed
-- in the inbox, so the drain applies them.
delete from scheduled_tasks where task_name in ('webhook-event', 'webhook-inbox-sweep');
