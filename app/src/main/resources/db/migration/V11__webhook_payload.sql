-- The raw body of each event moves out of the inbox row into a table of its own. The drain reads
-- and updates inbox rows many times (claim, applied, retry); with the body in them, every read of
-- a page the database had evicted deserialised every body on it, and every rewrite copied them:
-- on H2 that was a third of the drain's CPU and most of the garbage that lived long enough to
-- lengthen the GC pauses the webhook endpoint waits on. A body is written once, with its event,
-- and read only by people.
create table webhook_payload (
  provider  varchar(16)  not null,
  event_id  varchar(100) not null,
  payload   text         not null,
  primary key (provider, event_id),
  foreign key (provider, event_id) references webhook_inbox (provider, event_id) on delete cascade
);
insert into webhook_payload (provider, event_id, payload)
  select provider, event_id, payload from webhook_inbox;
alter table webhook_inbox drop column payload;
