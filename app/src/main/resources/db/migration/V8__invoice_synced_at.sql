-- When a webhook job last read the invoice from its provider and finished applying that read
-- (the time the read started). An event received well before it needs no read of its own: the
-- read already reflects a state at least as new as the event's.
alter table invoice add column synced_at timestamp with time zone;
