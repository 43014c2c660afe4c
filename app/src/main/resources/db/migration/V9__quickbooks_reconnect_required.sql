-- When Intuit refuses a connection's refresh token for good (invalid_grant after re-reading the
-- stored token, or the token expired), the connection is marked here and no instance sends its
-- tokens again until an admin reconnects (which writes a fresh row with the mark cleared).
alter table quickbooks_token add column reconnect_required_at timestamp with time zone;
