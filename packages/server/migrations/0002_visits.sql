-- The patient's whole visit: managing a booking by a secret token, holds on a chosen time, durable jobs (messages,
-- reminders, survey invitations, waitlist offers), survey responses linked to their visit, and the waitlist.

-- What a booking became after it was made: the language its messages are written in, the channels they go by, a
-- sequence raised by every change (the calendar entry's SEQUENCE), and how it was cancelled.
alter table bookings add column language text not null default 'en';
alter table bookings add column notifications jsonb not null default '{"email": false, "sms": false}';
alter table bookings add column sequence integer not null default 0;
alter table bookings add column cancelled_at timestamptz;
alter table bookings add column cancelled_by text;
-- What the patient typed when cancelling: patient data, shown to staff only.
alter table bookings add column cancel_reason text;

-- The form (a survey's id) a patient is asked to fill in before this kind of visit.
alter table visit_types add column questionnaire text;

-- The secrets handed to patients (a booking's manage link, a survey invitation, a waitlist place, a waitlist offer),
-- by their SHA-256 only: a copy of this table lets nobody act for a patient.
create table access_tokens (
  sha256 text primary key,
  purpose text not null check (purpose in ('manage', 'survey', 'waitlist', 'offer')),
  booking_id text references bookings (id) on delete cascade,
  survey_id text,
  waitlist_id text,
  offer_id text,
  created_at timestamptz not null,
  expires_at timestamptz
);
create index access_tokens_by_booking on access_tokens (booking_id);

-- The advisory lock key of one slot (a provider's time): every transaction that claims a slot, by a booking or a
-- hold, takes it before looking at both tables, so exactly one claim wins.
create function slot_lock(p_provider_id text, p_start timestamptz) returns bigint
language sql stable as $$
  select hashtextextended(p_provider_id || '|' || extract(epoch from p_start)::text, 0)
$$;

-- A time held for one patient while they type. Expired rows are ignored and cleared by later claims.
create table holds (
  id text primary key,
  slot_id text not null,
  provider_id text not null,
  start_at timestamptz not null,
  expires_at timestamptz not null,
  created_at timestamptz not null
);
create index holds_by_slot on holds (provider_id, start_at);

-- Work for later that must survive a restart and run once however many server processes share the database:
-- messages, reminders, survey invitations, waitlist offers. A process claims due rows with FOR UPDATE SKIP LOCKED
-- and a lease; `dedupe_key` makes planning the same work twice a no-op. Payloads hold ids, never patient data;
-- `last_error` holds an error class and code, never a message (it can quote an address).
create table jobs (
  id text primary key,
  kind text not null,
  dedupe_key text not null unique,
  booking_id text,
  payload jsonb not null default '{}',
  run_at timestamptz not null,
  status text not null check (status in ('pending', 'running', 'done', 'failed', 'skipped')),
  attempts integer not null default 0,
  max_attempts integer not null,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index jobs_due on jobs (run_at) where status in ('pending', 'running');
create index jobs_by_booking on jobs (booking_id);

-- A survey response sent through an invitation belongs to that visit: at most one per visit and survey.
alter table survey_responses add column booking_id text;
create unique index survey_responses_one_per_visit on survey_responses (booking_id, survey_id)
  where booking_id is not null;

-- Patients waiting for an earlier time: who, for which provider, visit type and days, and a booking to move.
create table waitlist (
  id text primary key,
  -- The order patients joined in (created_at ties under one clock tick; offers go first come first).
  place bigint generated always as identity,
  provider_id text not null,
  visit_type_id text not null,
  first_day date not null,
  last_day date not null check (last_day >= first_day),
  patient jsonb not null,
  consent jsonb not null,
  language text not null,
  notifications jsonb not null,
  booking_id text references bookings (id) on delete set null,
  status text not null check (status in ('waiting', 'booked', 'left', 'expired')),
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index waitlist_waiting on waitlist (provider_id, visit_type_id, place) where status = 'waiting';

-- A freed time offered to one waitlisted patient until `expires_at`; the first claim of the time wins.
create table waitlist_offers (
  id text primary key,
  waitlist_id text not null references waitlist (id) on delete cascade,
  slot_id text not null,
  provider_id text not null,
  start_at timestamptz not null,
  visit_type_id text not null,
  round integer not null,
  expires_at timestamptz not null,
  status text not null check (status in ('open', 'claimed', 'gone')),
  created_at timestamptz not null,
  unique (waitlist_id, slot_id)
);
create index waitlist_offers_by_slot on waitlist_offers (provider_id, start_at);

-- The booking statement of 0001, now also: the slot's lock, live holds of other patients refused (the patient's own
-- hold consumed), the manage token's hash stored, and the booking's jobs planned, all in one round trip.
drop function book_slot(text, text, jsonb, timestamptz, text, text, text, text, text, timestamptz, timestamptz, jsonb,
                        jsonb);
create function book_slot(
  p_key text,
  p_request_sha256 text,
  p_response jsonb,
  p_at timestamptz,
  p_id text,
  p_slot_id text,
  p_provider_id text,
  p_location_id text,
  p_visit_type_id text,
  p_start timestamptz,
  p_end timestamptz,
  p_patient jsonb,
  p_consent jsonb,
  p_hold_id text,
  p_manage_sha256 text,
  p_language text,
  p_notifications jsonb,
  p_jobs jsonb
) returns table (status integer, response jsonb)
language plpgsql as $$
#variable_conflict use_column
declare
  previous idempotency_keys%rowtype;
begin
  insert into idempotency_keys (scope, key, request_sha256, status, response, created_at)
  values ('booking', p_key, p_request_sha256, 201, p_response, p_at)
  on conflict (scope, key) do nothing;
  if not found then
    select * into previous from idempotency_keys k where k.scope = 'booking' and k.key = p_key;
    if previous.request_sha256 <> p_request_sha256 then
      raise exception 'the idempotency key was used for another request' using errcode = 'FD422';
    end if;
    return query select previous.status, previous.response;
    return;
  end if;
  perform pg_advisory_xact_lock(slot_lock(p_provider_id, p_start));
  if exists (select 1 from holds h where h.provider_id = p_provider_id and h.start_at = p_start
             and h.expires_at > p_at and h.id is distinct from p_hold_id) then
    raise exception 'the slot is held' using errcode = 'FD409';
  end if;
  delete from holds h where h.provider_id = p_provider_id and h.start_at = p_start;
  insert into bookings (id, slot_id, provider_id, location_id, visit_type_id, start_at, end_at, status, patient,
                        consent, record, created_at, updated_at, language, notifications)
  values (p_id, p_slot_id, p_provider_id, p_location_id, p_visit_type_id, p_start, p_end, 'booked', p_patient,
          p_consent, p_response, p_at, p_at, p_language, p_notifications)
  on conflict (provider_id, start_at) where status = 'booked' do nothing;
  if not found then
    raise exception 'the slot is taken' using errcode = 'FD409';
  end if;
  if p_manage_sha256 is not null then
    insert into access_tokens (sha256, purpose, booking_id, created_at) values (p_manage_sha256, 'manage', p_id, p_at);
  end if;
  insert into jobs (id, kind, dedupe_key, booking_id, payload, run_at, status, max_attempts, created_at, updated_at)
  select j.id, j.kind, j.dedupe_key, p_id, j.payload, j.run_at, 'pending', j.max_attempts, p_at, p_at
  from jsonb_to_recordset(p_jobs) as j(id text, kind text, dedupe_key text, payload jsonb, run_at timestamptz,
                                       max_attempts integer)
  on conflict (dedupe_key) do nothing;
  return query select 201, p_response;
end;
$$;

-- The survey response statement of 0001, now also linking the response to its visit: a second response of the same
-- visit to the same survey raises FD409 (the partial unique index decides, whichever process sends it).
drop function store_survey_response(text, text, text, text, jsonb, timestamptz);
create function store_survey_response(
  p_key text,
  p_request_sha256 text,
  p_id text,
  p_survey_id text,
  p_response jsonb,
  p_at timestamptz,
  p_booking_id text
) returns table (status integer, response jsonb)
language plpgsql as $$
#variable_conflict use_column
declare
  previous idempotency_keys%rowtype;
  receipt jsonb := jsonb_build_object('id', p_id, 'status', 'received');
begin
  insert into idempotency_keys (scope, key, request_sha256, status, response, created_at)
  values ('survey-response', p_key, p_request_sha256, 201, receipt, p_at)
  on conflict (scope, key) do nothing;
  if not found then
    select * into previous from idempotency_keys k where k.scope = 'survey-response' and k.key = p_key;
    if previous.request_sha256 <> p_request_sha256 then
      raise exception 'the idempotency key was used for other answers' using errcode = 'FD422';
    end if;
    return query select 200, jsonb_set(previous.response, '{status}', '"duplicate"');
    return;
  end if;
  insert into survey_responses (id, survey_id, response, received_at, booking_id)
  values (p_id, p_survey_id, p_response, p_at, p_booking_id)
  on conflict (booking_id, survey_id) where booking_id is not null do nothing;
  if not found then
    raise exception 'the visit already has a response to this survey' using errcode = 'FD409';
  end if;
  return query select 201, receipt;
end;
$$;
