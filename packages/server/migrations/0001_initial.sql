-- Frontdesk's first schema: the clinic's public data (replaced as a whole by `frontdesk-server import`), the
-- bookings and survey responses patients send, and the idempotency records that make every POST safe to retry.
-- Migrations run in order at start, each numbered file once, then the repeatable R__ files every time, inside one
-- transaction (packages/server/src/db/migrate.ts).

-- The clinic. Each record is the contract's JSON as imported (validated with @frontdesk/core's schemas); the
-- columns beside it are what the server filters, joins or orders on.
create table organization (
  id text primary key,
  record jsonb not null,
  -- Booking horizon, minimum notice and other clinic settings (packages/server/src/clinic/file.ts).
  settings jsonb not null default '{}'
);

create table locations (
  id text primary key,
  position integer not null,
  time_zone text not null,
  record jsonb not null
);

create table providers (
  id text primary key,
  position integer not null,
  record jsonb not null
);

create table visit_types (
  id text primary key,
  position integer not null,
  record jsonb not null,
  -- What to tell a patient before this kind of visit, added to the booking's instructions.
  preparation text
);

create table plans (
  id text primary key,
  position integer not null,
  record jsonb not null
);

-- One line of the price list (CMS price transparency fields, integer cents), and the exact rate per plan.
create table prices (
  service text primary key,
  record jsonb not null
);

create table plan_rates (
  service text not null references prices (service) on delete cascade,
  plan_id text not null references plans (id) on delete cascade,
  rate_cents bigint not null check (rate_cents >= 0),
  primary key (service, plan_id)
);

create table surveys (
  id text primary key,
  position integer not null,
  kind text not null,
  title text not null,
  questionnaire jsonb not null
);

-- When a provider sees patients: a weekly block of local wall-clock time, cut into slots. Slots are never stored;
-- they are computed from these rules for the window asked, minus closures and bookings.
create table availability_rules (
  id text primary key,
  provider_id text not null references providers (id) on delete cascade,
  -- Null for video visits, which happen in `time_zone` (the provider's own).
  location_id text references locations (id) on delete cascade,
  time_zone text not null,
  -- ISO weekdays: 1 is Monday, 7 is Sunday.
  weekdays smallint[] not null,
  start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  slot_minutes integer not null check (slot_minutes between 5 and 1440),
  visit_type_ids text[] not null,
  valid_from date,
  valid_until date
);
create index availability_rules_by_provider on availability_rules (provider_id);

-- Days nobody is seen: clinic holidays (no provider, no location), a closed office (a location), a provider's
-- vacation (a provider). Local calendar dates, both inclusive.
create table closures (
  id text primary key,
  provider_id text references providers (id) on delete cascade,
  location_id text references locations (id) on delete cascade,
  first_day date not null,
  last_day date not null check (last_day >= first_day),
  reason text
);

-- Patient data. Bookings keep no foreign key to the clinic's tables: a re-import that drops a provider must not
-- lose or block the bookings made with them; `record` is the booking as the patient was told it.
create table bookings (
  id text primary key,
  slot_id text not null,
  provider_id text not null,
  location_id text,
  visit_type_id text not null,
  start_at timestamptz not null,
  end_at timestamptz not null,
  status text not null check (status in ('booked', 'cancelled')),
  patient jsonb not null,
  consent jsonb not null,
  record jsonb not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The database itself guarantees one booking per provider and start: a second insert for a taken time conflicts.
create unique index bookings_one_per_slot on bookings (provider_id, start_at) where status = 'booked';
create index bookings_by_start on bookings (start_at);

create table survey_responses (
  id text primary key,
  survey_id text not null,
  response jsonb not null,
  received_at timestamptz not null
);
create index survey_responses_by_survey on survey_responses (survey_id, received_at);

-- Every POST that creates something: the key the client sent, the SHA-256 of the request it came with, and the
-- answer given. The same key and request get the same answer; the same key with another request is refused.
create table idempotency_keys (
  scope text not null,
  key text not null,
  request_sha256 text not null,
  status integer not null,
  response jsonb not null,
  created_at timestamptz not null,
  primary key (scope, key)
);

-- The statements that book and store a response in one round trip are functions: they live in
-- R__functions.sql, which is applied after these migrations at every start.
