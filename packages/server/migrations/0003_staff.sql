-- The clinic's side: staff accounts and their sessions, API tokens for integrations, the sign-in throttle, marks on
-- bookings, PHQ-9 flags handled, clinic settings, and the audit trail of every read and change of patient data
-- (packages/server/src/staff).

-- A person at the clinic. Passwords are argon2id hashes (PHC strings); e-mail addresses are kept lower-cased.
create table staff_accounts (
  id text primary key,
  email text not null unique,
  display_name text not null,
  role text not null check (role in ('front-desk', 'clinician', 'admin')),
  password_hash text not null,
  disabled_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- A signed-in browser. Only the SHA-256 of the session id is stored: a copy of this table signs nobody in.
create table staff_sessions (
  id_sha256 text primary key,
  staff_id text not null references staff_accounts (id) on delete cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  -- The absolute end; the idle end is last_seen_at plus the idle timeout (a server setting).
  expires_at timestamptz not null
);
create index staff_sessions_by_staff on staff_sessions (staff_id);

-- An integration's bearer token: its SHA-256, what it may do, until when, and whether it was revoked.
create table staff_api_tokens (
  id text primary key,
  name text not null,
  secret_sha256 text not null unique,
  scopes text[] not null,
  created_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Failed sign-ins per account (the SHA-256 of the e-mail typed, so unknown addresses count alike) and per client
-- (the SHA-256 of its address): the throttle slows and then locks both.
create table staff_sign_in_failures (
  key text primary key,
  failures integer not null,
  last_failure_at timestamptz not null,
  locked_until timestamptz
);

-- What the front desk marked: the patient arrived, or did not come. No row: still expected.
create table booking_attendance (
  booking_id text primary key references bookings (id) on delete cascade,
  status text not null check (status in ('arrived', 'no-show')),
  marked_at timestamptz not null,
  marked_by text not null
);

-- A survey response belongs to the visit it is about, when it is known (the survey after a visit).
alter table survey_responses add column if not exists booking_id text;
create index if not exists survey_responses_by_booking on survey_responses (booking_id);

-- A PHQ-9 answer flagged for a clinician (item 9 above 0) stays flagged until someone marks it handled here.
create table survey_flags_handled (
  response_id text primary key references survey_responses (id) on delete cascade,
  handled_by text not null,
  handled_at timestamptz not null,
  note text
);

-- Settings the clinic changes from the console (they survive a re-import of the clinic file).
create table clinic_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null,
  updated_by text not null
);

-- Who read or changed what, when and from where. Rows are appended and never changed: the triggers below refuse
-- UPDATE, DELETE and TRUNCATE for every role, the table's owner included.
create table audit_events (
  seq bigint generated always as identity primary key,
  id text not null unique,
  at timestamptz not null,
  actor_kind text not null check (actor_kind in ('staff', 'token', 'system', 'anonymous')),
  actor_id text,
  action text not null,
  outcome text not null check (outcome in ('success', 'failure')),
  resource_type text,
  resource_ids text[] not null default '{}',
  client_address text,
  user_agent text,
  details jsonb not null default '{}'
);
create index audit_events_by_time on audit_events (at);
create index audit_events_by_resource on audit_events using gin (resource_ids);

create function audit_events_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'the audit trail is append-only' using errcode = 'FD403';
end;
$$;

create trigger audit_events_no_change before update or delete on audit_events
  for each row execute function audit_events_append_only();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function audit_events_append_only();
revoke update, delete, truncate on audit_events from public;
