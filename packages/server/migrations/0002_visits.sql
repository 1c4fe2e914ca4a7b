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

-- 0001 once created book_slot and store_survey_response with fewer parameters; R__functions.sql now defines them
-- (an overload would be ambiguous). A database made before that file existed has the old ones: drop them.
drop function if exists book_slot(text, text, jsonb, timestamptz, text, text, text, text, text, timestamptz,
                                  timestamptz, jsonb, jsonb);
drop function if exists store_survey_response(text, text, text, text, jsonb, timestamptz);
