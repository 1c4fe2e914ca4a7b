-- The server's SQL functions, each written once. Unlike the numbered migrations (each applied once), this file is
-- applied after them at every start (packages/server/src/db/migrate.ts), so every statement here must be repeatable:
-- `create or replace`. Changing a function is editing it here; changing its parameters or result needs a numbered
-- migration that drops the old one first (`create or replace` cannot change a signature).

-- The advisory lock key of one slot (a provider's time): every transaction that claims a slot, by a booking or a
-- hold, takes it before looking at both tables, so exactly one claim wins.
create or replace function slot_lock(p_provider_id text, p_start timestamptz) returns bigint
language sql stable as $$
  select hashtextextended(p_provider_id || '|' || extract(epoch from p_start)::text, 0)
$$;

-- Claims an idempotency key for a request: null when the key is new (its record now holds `p_status` and
-- `p_response`); the record first stored when the key was used before by the same request; SQLSTATE FD422 with
-- `p_reused` as the message when it was used for another request. A concurrent claim of the same key waits on the
-- primary key.
create or replace function claim_idempotency_key(
  p_scope text,
  p_key text,
  p_request_sha256 text,
  p_status integer,
  p_response jsonb,
  p_at timestamptz,
  p_reused text
) returns idempotency_keys
language plpgsql as $$
#variable_conflict use_column
declare
  previous idempotency_keys%rowtype;
begin
  insert into idempotency_keys (scope, key, request_sha256, status, response, created_at)
  values (p_scope, p_key, p_request_sha256, p_status, p_response, p_at)
  on conflict (scope, key) do nothing;
  if found then
    return null;
  end if;
  select * into previous from idempotency_keys k where k.scope = p_scope and k.key = p_key;
  if previous.request_sha256 <> p_request_sha256 then
    raise exception '%', p_reused using errcode = 'FD422';
  end if;
  return previous;
end;
$$;

-- A booking in one statement, so one round trip: the idempotency key, the slot's lock, live holds of other patients
-- refused (the patient's own hold consumed), the booking, whose partial unique index refuses a taken slot, the
-- manage token's hash, and the booking's jobs. Raising rolls all back. Answers: the new booking (201), or the answer
-- first given for this key; SQLSTATE FD409 when the slot is held or taken, FD422 when the key was used for another
-- request.
create or replace function book_slot(
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
  previous := claim_idempotency_key('booking', p_key, p_request_sha256, 201, p_response, p_at,
                                    'the idempotency key was used for another request');
  if previous.key is not null then
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

-- A survey response in one statement, the same way: its idempotency key, then the response, linked to its visit
-- when it came through an invitation. A repeat with the same key and answers gets the first receipt as `duplicate`
-- (200); other answers under the key raise FD422; a second response of the same visit to the same survey raises
-- FD409 (the partial unique index decides, whichever process sends it).
create or replace function store_survey_response(
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
  previous := claim_idempotency_key('survey-response', p_key, p_request_sha256, 201, receipt, p_at,
                                    'the idempotency key was used for other answers');
  if previous.key is not null then
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

-- The numeric score of one answer in a stored QuestionnaireResponse: the first answer of the item `link_id`
-- (wherever it is nested), an integer or decimal as it is, a coding through `ordinals` (code -> score). Null when
-- the item has no answer or the answer has no score.
create or replace function fd_answer_score(response jsonb, link_id text, ordinals jsonb) returns numeric
language sql immutable as $$
  select case
    when answer ? 'valueInteger' and jsonb_typeof(answer -> 'valueInteger') = 'number' then (answer ->> 'valueInteger')::numeric
    when answer ? 'valueDecimal' and jsonb_typeof(answer -> 'valueDecimal') = 'number' then (answer ->> 'valueDecimal')::numeric
    when answer ? 'valueCoding' then (ordinals ->> (answer -> 'valueCoding' ->> 'code'))::numeric
  end
  from jsonb_path_query_first(
    response,
    'strict $.**.item[*] ? (@.linkId == $id).answer[0]',
    jsonb_build_object('id', link_id),
    true
  ) as answer
$$;
