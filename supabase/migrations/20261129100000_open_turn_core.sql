-- open_turn_core: the turn's entry points dispatch through an allow-list, so a capability added
-- later is a function and a row, not a copy of bot_turn_save and bot_turn_load.
--
-- what is here:
--   1. bot_handlers: effect and lookup names mapped to functions (the allow-list)
--   2. member_roles: roles besides resident (leader of a unit, officer, council member); the
--      members.role column is carried over and no longer read
--   3. inbound_events keyed per bot and chat (an update id is only unique per bot), with an
--      index for the retention job
--   4. conversations keep the last turn's reply until it is delivered
--   5. the existing effects and the similar-nominations lookup behind the uniform signatures
--   6. bot_turn_load, bot_turn_fetch and bot_turn_save with the new contract (the old ones are
--      dropped: their signatures change), bot_replies_delivered, bot_forget_processed_events
--   7. bot_applied_migrations: what the database has applied, for the start-up check
--   8. one clock for the whole bot: bot_now() (CLOCK_OFFSET shifts it to try deadlines on one
--      machine), used for the catalog's current phase
--   9. rls and grants
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. the allow-list ------------------------------------------------------------------------------

-- an effect runs in bot_turn_save's transaction as fn(member, effect jsonb, context jsonb);
-- a lookup runs in bot_turn_load (with the turn's input) or bot_turn_fetch as
-- fn(member, request jsonb, input text). both return jsonb.
create table public.bot_handlers (
  kind text not null check (kind in ('effect', 'lookup')),
  name text not null check (name ~ '^[a-z][a-z0-9_]*$'),
  fn regprocedure not null,
  primary key (kind, name)
);

-- calls the handler registered for (kind, name); an unknown name is a programming error
create function public.bot_dispatch(p_kind text, p_name text, p_member public.members, p_payload jsonb, p_extra jsonb)
returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_fn regprocedure;
  v_result jsonb;
begin
  select fn into v_fn from bot_handlers where kind = p_kind and name = p_name;
  if v_fn is null then
    raise exception 'bot_dispatch: unknown % type %', p_kind, coalesce(p_name, '(none)')
      using hint = 'register it in bot_handlers';
  end if;
  if p_kind = 'effect' then
    execute format('select %s($1, $2, $3)', v_fn::oid::regproc) into v_result using p_member, p_payload, p_extra;
  else
    execute format('select %s($1, $2, $3)', v_fn::oid::regproc) into v_result using p_member, p_payload, p_extra ->> 'input';
  end if;
  return v_result;
end
$$;

-- 2. roles -----------------------------------------------------------------------------------------

create table public.member_roles (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references public.members (id) on delete cascade,
  ward_id uuid not null references public.wards (id),
  role text not null check (role in ('leader', 'officer', 'council')),
  -- a leader leads one unit; officers and council members belong to the whole ward
  unit_id uuid references public.units (id),
  granted_by uuid references public.members (id) on delete set null,
  granted_at timestamptz not null default now(),
  revoked_by uuid references public.members (id) on delete set null,
  revoked_at timestamptz,
  check ((role = 'leader') = (unit_id is not null))
);
create unique index member_roles_live_idx on public.member_roles (member_id, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid))
  where revoked_at is null;
create index member_roles_unit_idx on public.member_roles (unit_id) where revoked_at is null;

insert into public.member_roles (member_id, ward_id, role, unit_id)
select id, ward_id, role, case when role = 'leader' then unit_id end
  from public.members
 where role in ('officer', 'leader') and (role = 'officer' or unit_id is not null);

-- the roles a member holds now, as the turn sees them: [{role, unitId}]
create function public.member_roles_json(p_member_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'unitId', r.unit_id) order by r.role, r.unit_id), '[]'::jsonb)
    from member_roles r where r.member_id = p_member_id and r.revoked_at is null
$$;

-- 3. inbound events per bot and chat ------------------------------------------------------------

alter table public.inbound_events drop constraint inbound_events_pkey;
alter table public.inbound_events add column scope text not null default '';
alter table public.inbound_events add primary key (channel, scope, event_id);
create index inbound_events_processed_idx on public.inbound_events (processed_at);

-- 4. the last reply of a chat, kept until delivered -----------------------------------------------

-- a redelivered event gets its reply again when the first send failed ('failed', reported by the
-- channel) or when the process that was sending it is gone ('pending' for longer than a send
-- takes); while another live process may still be sending it, the caller waits and looks again.
alter table public.conversations add column last_event_id text;
-- {plan, result}: the reply as data (messages, renderer and its arguments) and the effect's result
alter table public.conversations add column last_reply jsonb;
alter table public.conversations add column reply_state text not null default 'delivered'
  check (reply_state in ('pending', 'failed', 'delivered'));
-- the process that saved the turn and sends its reply, and when it saved it
alter table public.conversations add column reply_owner text;
alter table public.conversations add column reply_at timestamptz;

-- 5. the existing effects and lookup behind the uniform signatures ----------------------------------

create function public.fx_submit_nomination(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_submit_nomination(p_member, p_effect) $$;

create function public.fx_endorse(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_endorse(p_member, p_effect) $$;

create function public.fx_status(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_status(p_member, p_effect) $$;

create function public.fx_mine(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_mine(p_member) $$;

-- the member's language; the engine only offers vi and en, anything else is a bug
create function public.fx_set_locale(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
begin
  if coalesce(p_effect ->> 'locale', '') not in ('vi', 'en') then
    raise exception 'fx_set_locale: unsupported locale %', p_effect ->> 'locale';
  end if;
  update members set locale = p_effect ->> 'locale', updated_at = now() where id = p_member.id;
  return jsonb_build_object('type', 'set_locale', 'status', 'ok', 'locale', p_effect ->> 'locale');
end
$$;

create function public.fx_link_create(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_link_create(p_member, p_context ->> 'channel') $$;

create function public.fx_link_redeem(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql
set search_path = public, pg_temp
as $$ select effect_link_redeem(p_member, p_context ->> 'channel', p_effect) $$;

-- nominations like the typed name (and like the question's quick answer) in a campaign and unit
create function public.lookup_similar_nominations(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, extensions, pg_temp
as $$
  select jsonb_build_object(
    'matches', similar_nominations(try_uuid(p_request ->> 'campaignId'), try_uuid(p_request ->> 'unitId'), p_member.id, p_input),
    'quickMatches', similar_nominations(try_uuid(p_request ->> 'campaignId'), try_uuid(p_request ->> 'unitId'), p_member.id,
                                        p_request ->> 'quickName'))
$$;

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'submit_nomination', 'public.fx_submit_nomination(public.members, jsonb, jsonb)'),
  ('effect', 'endorse', 'public.fx_endorse(public.members, jsonb, jsonb)'),
  ('effect', 'status', 'public.fx_status(public.members, jsonb, jsonb)'),
  ('effect', 'mine', 'public.fx_mine(public.members, jsonb, jsonb)'),
  ('effect', 'set_locale', 'public.fx_set_locale(public.members, jsonb, jsonb)'),
  ('effect', 'link_create', 'public.fx_link_create(public.members, jsonb, jsonb)'),
  ('effect', 'link_redeem', 'public.fx_link_redeem(public.members, jsonb, jsonb)'),
  ('lookup', 'similar_nominations', 'public.lookup_similar_nominations(public.members, jsonb, text)');

-- 6. the entry points --------------------------------------------------------------------------

drop function public.bot_turn_load(text, text, text, text, text, text, jsonb, text);
drop function public.bot_turn_save(uuid, int, jsonb, text, text, uuid, jsonb);

-- replies the channels delivered: [{c: conversation id, e: event id}]; piggybacked on the next
-- call of the process, so marking them costs no round trip of its own under load
create function public.bot_mark_delivered(p_items jsonb) returns void
language sql
set search_path = public, pg_temp
as $$
  update conversations c set reply_state = 'delivered'
    from jsonb_array_elements(case when jsonb_typeof(p_items) = 'array' then p_items else '[]'::jsonb end) x
   where c.id = try_uuid(x ->> 'c') and c.last_event_id = x ->> 'e' and c.reply_state <> 'delivered'
$$;

-- a reply the channel could not send (the platform failed or timed out): the event's next
-- delivery gets it again at once
create function public.bot_reply_failed(p_conversation_id uuid, p_event_id text) returns void
language sql
security definer
set search_path = public, pg_temp
as $$
  update conversations set reply_state = 'failed'
   where id = p_conversation_id and last_event_id = p_event_id and reply_state = 'pending'
$$;

-- the same, as its own call (when the process has been idle for a moment)
create function public.bot_replies_delivered(p_items jsonb) returns void
language sql
security definer
set search_path = public, pg_temp
as $$ select bot_mark_delivered(p_items) $$;

-- one round trip before a chat turn: who is speaking (and their roles), their conversation,
-- whether the event was seen before (and the reply it got, if that was not delivered), the
-- ward's catalog if the caller's copy is stale, and the lookup the state asked for, answered
-- with this input. it writes only on first contact, after a phase boundary, and to mark the
-- replies the caller delivered since its last call.
create function public.bot_turn_load(
  p_channel text,
  p_scope text,
  p_chat_id text,
  p_user_id text,
  p_locale_hint text,
  p_event_id text,
  p_input text,
  p_catalog_versions jsonb,
  p_default_ward text,
  p_delivered jsonb
) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_member members;
  v_new_member_id uuid;
  v_ward_id uuid;
  v_conv conversations;
  v_version int;
  v_stale_at timestamptz;
  v_catalog jsonb;
  v_data jsonb := '[]'::jsonb;
  v_duplicate boolean;
begin
  if jsonb_typeof(p_delivered) = 'array' and jsonb_array_length(p_delivered) > 0 then
    perform bot_mark_delivered(p_delivered);
  end if;

  select m.* into v_member
    from member_identities i join members m on m.id = i.member_id
   where i.channel = p_channel and i.external_id = p_user_id;

  if not found then
    -- first contact. two processes may get this person's first two messages at once: both
    -- create a member, only one identity insert wins, the loser removes its member and reads
    -- the winner's.
    select id into v_ward_id from wards where code = p_default_ward;
    if v_ward_id is null then
      select id into v_ward_id from wards order by created_at, code limit 1;
    end if;
    if v_ward_id is null then
      raise exception 'bot_turn_load: no ward exists; run the seed or create a ward first';
    end if;

    insert into members (ward_id, locale)
    values (v_ward_id, case when lower(coalesce(p_locale_hint, '')) like 'en%' then 'en' else 'vi' end)
    returning id into v_new_member_id;

    insert into member_identities (channel, external_id, member_id, chat_id)
    values (p_channel, p_user_id, v_new_member_id, p_chat_id)
    on conflict (channel, external_id) do nothing;

    select m.* into strict v_member
      from member_identities i join members m on m.id = i.member_id
     where i.channel = p_channel and i.external_id = p_user_id;
    if v_member.id <> v_new_member_id then
      delete from members where id = v_new_member_id;
    end if;
  end if;

  select * into v_conv from conversations where channel = p_channel and chat_id = p_chat_id;
  if not found then
    insert into conversations (channel, chat_id, member_id)
    values (p_channel, p_chat_id, v_member.id)
    on conflict (channel, chat_id) do nothing;
    select * into strict v_conv from conversations where channel = p_channel and chat_id = p_chat_id;
  end if;
  -- a private chat is one person's: another sender must never see or change its state
  if v_conv.member_id <> v_member.id then
    return jsonb_build_object('foreign', true);
  end if;

  -- the catalog: nothing to do when the caller's cached version is current, except noticing
  -- that a phase boundary passed since the catalog was built (one timestamp comparison)
  select catalog_version, catalog_stale_at into v_version, v_stale_at from wards where id = v_member.ward_id;
  if v_stale_at <= now() then
    update wards set catalog_version = catalog_version + 1, catalog_stale_at = null
     where id = v_member.ward_id and catalog_stale_at <= now();
    select catalog_version into v_version from wards where id = v_member.ward_id;
  end if;
  if p_catalog_versions is null
     or (p_catalog_versions ->> v_member.ward_id::text) is distinct from v_version::text then
    v_catalog := build_ward_catalog(v_member.ward_id);
  end if;

  v_duplicate := p_event_id is not null and exists (
    select 1 from inbound_events where channel = p_channel and scope = coalesce(p_scope, '') and event_id = p_event_id);

  if not v_duplicate and jsonb_typeof(v_conv.state -> 'lookup') = 'object' then
    v_data := jsonb_build_array(jsonb_build_object(
      'request', v_conv.state -> 'lookup',
      'result', bot_dispatch('lookup', v_conv.state -> 'lookup' ->> 'kind', v_member, v_conv.state -> 'lookup',
                             jsonb_build_object('input', p_input))));
  end if;

  return jsonb_build_object(
    'duplicate', v_duplicate,
    -- the reply a repeated event got, when it was not delivered: the caller sends it again, or
    -- waits while the process that saved it may still be sending it
    'pendingReply', case when v_duplicate and v_conv.last_event_id = p_event_id
                              and v_conv.reply_state <> 'delivered' and v_conv.last_reply is not null
                         then v_conv.last_reply || jsonb_build_object(
                                'state', v_conv.reply_state, 'owner', v_conv.reply_owner,
                                'ageMs', floor(extract(epoch from (clock_timestamp() - v_conv.reply_at)) * 1000)::bigint) end,
    'conversation', jsonb_build_object('id', v_conv.id, 'version', v_conv.version, 'state', v_conv.state),
    'member', jsonb_build_object('id', v_member.id, 'wardId', v_member.ward_id,
                                 'displayName', v_member.display_name, 'locale', v_member.locale,
                                 'roles', member_roles_json(v_member.id)),
    'catalog', v_catalog,
    'data', v_data);
end
$$;

-- fresh data for a question about to be shown (a third round trip, only where a step needs it)
create function public.bot_turn_fetch(p_member_id uuid, p_request jsonb) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_member members;
begin
  select * into strict v_member from members where id = p_member_id;
  return bot_dispatch('lookup', p_request ->> 'kind', v_member, p_request, '{}'::jsonb);
end
$$;

-- one transaction after a chat turn: check the version the turn was computed from and that the
-- conversation is this member's on this channel, record the event as processed, run the turn's
-- effect, store the next state and the reply (kept until delivered). a stale version or a
-- re-delivered event writes nothing, so a double press or a retried webhook is harmless.
create function public.bot_turn_save(
  p_conversation_id uuid,
  p_version int,
  p_state jsonb,
  p_channel text,
  p_scope text,
  p_event_id text,
  p_member_id uuid,
  p_effect jsonb,
  p_reply jsonb,
  p_owner text,
  p_delivered jsonb
) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_conv record;
  v_inserted int;
  v_member members;
  v_result jsonb;
  v_new_version int;
begin
  if p_state is null then
    raise exception 'bot_turn_save: p_state is required';
  end if;
  if jsonb_typeof(p_delivered) = 'array' and jsonb_array_length(p_delivered) > 0 then
    perform bot_mark_delivered(p_delivered);
  end if;

  -- the row lock also serialises turns of one chat across processes
  select version, member_id, channel into v_conv from conversations where id = p_conversation_id for update;
  if not found or v_conv.version <> p_version then
    return jsonb_build_object('ok', false, 'reason', 'stale');
  end if;

  -- the member may have been merged into another one (account linking) since the load: nothing
  -- is written yet, so the turn is simply re-run on a fresh load
  select * into v_member from members where id = p_member_id;
  if not found then
    return jsonb_build_object('ok', false, 'reason', 'stale');
  end if;
  if v_conv.member_id <> p_member_id or v_conv.channel <> p_channel then
    return jsonb_build_object('ok', false, 'reason', 'foreign');
  end if;

  if p_event_id is not null then
    insert into inbound_events (channel, scope, event_id) values (p_channel, coalesce(p_scope, ''), p_event_id)
    on conflict do nothing;
    get diagnostics v_inserted = row_count;
    if v_inserted = 0 then
      return jsonb_build_object('ok', false, 'reason', 'duplicate_event');
    end if;
  end if;

  if p_effect is not null and jsonb_typeof(p_effect) = 'object' then
    v_result := bot_dispatch('effect', p_effect ->> 'type', v_member, p_effect,
                             jsonb_build_object('channel', p_channel, 'conversationId', p_conversation_id,
                                                'eventId', p_event_id));
  end if;

  update conversations
     set state = p_state, version = version + 1, updated_at = now(),
         last_event_id = p_event_id,
         last_reply = case when p_reply is null then null
                           else jsonb_build_object('plan', p_reply, 'result', v_result) end,
         reply_state = case when p_reply is null then 'delivered' else 'pending' end,
         reply_owner = p_owner,
         reply_at = now()
   where id = p_conversation_id
  returning version into v_new_version;

  return jsonb_build_object('ok', true, 'version', v_new_version, 'effect', v_result);
end
$$;

-- retention: processed-event records are needed only while a platform may redeliver
create function public.bot_forget_processed_events(p_keep interval) returns int
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_count int;
begin
  delete from inbound_events where processed_at < now() - p_keep;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 7. the migrations a database has applied ---------------------------------------------------------

-- [{version, name, statements}] from the ledger the supabase cli and the bot both write; the bot
-- compares it with its migration files at start and refuses a database whose history differs
create function public.bot_applied_migrations() returns jsonb
language plpgsql stable
security definer
set search_path = public, pg_temp
as $$
declare
  v_rows jsonb;
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    return '[]'::jsonb;
  end if;
  execute 'select coalesce(jsonb_agg(jsonb_build_object(''version'', version, ''name'', name,
                                     ''statements'', to_jsonb(statements)) order by version), ''[]''::jsonb)
             from supabase_migrations.schema_migrations' into v_rows;
  return v_rows;
end
$$;

-- 8. the bot's clock ------------------------------------------------------------------------------

-- the bot's clock is the database's, shifted by the offset the bot sets at start (CLOCK_OFFSET,
-- zero in production): deadlines, posting periods, quiet hours and expiries all read bot_now()
create table public.bot_clock (
  id boolean primary key default true check (id),
  offset_by interval not null default interval '0'
);
insert into public.bot_clock (id) values (true);

create function public.bot_now() returns timestamptz
language sql stable
set search_path = public, pg_temp
as $$ select now() + coalesce((select offset_by from bot_clock), interval '0') $$;

create function public.bot_set_clock_offset(p_offset interval) returns void
language plpgsql
security definer
set search_path = public, pg_temp
as $$
begin
  update bot_clock set offset_by = coalesce(p_offset, interval '0')
   where offset_by is distinct from coalesce(p_offset, interval '0');
  if found then
    -- the current phase depends on the date: rebuild the catalogs on the shifted clock
    update wards set catalog_stale_at = now();
  end if;
end
$$;

-- the catalog's "current phase" on the bot's clock (same as before otherwise)
create or replace function public.build_ward_catalog(p_ward_id uuid) returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_ward wards;
  v_today date;
  v_stale_at timestamptz;
  v_catalog jsonb;
begin
  select * into strict v_ward from wards where id = p_ward_id;
  v_today := (bot_now() at time zone v_ward.time_zone)::date;

  with open_campaigns as (
    select * from campaigns where ward_id = v_ward.id and status = 'open'
  ), templates as (
    select distinct template_id from open_campaigns
  )
  select jsonb_build_object(
    'version', v_ward.catalog_version,
    'ward', jsonb_build_object('id', v_ward.id, 'code', v_ward.code, 'name', v_ward.name,
                               'receiptPrefix', v_ward.receipt_prefix),
    'campaigns', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', c.id, 'templateId', c.template_id, 'code', c.code,
               'titleVi', c.title_vi, 'titleEn', c.title_en, 'status', c.status,
               'currentPhase', (
                 select jsonb_build_object('seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                                           'deadline', iso_utc(p.deadline))
                   from campaign_phases p
                  where p.campaign_id = c.id and p.ends_on >= v_today
                  order by (p.starts_on <= v_today) desc, p.starts_on, p.seq
                  limit 1))
             order by c.opens_at nulls last, c.code)
        from open_campaigns c), '[]'::jsonb),
    'categories', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', k.id, 'templateId', k.template_id, 'code', k.code, 'kind', k.kind,
               'seq', k.seq, 'nameVi', k.name_vi, 'nameEn', k.name_en,
               'descriptionVi', k.description_vi, 'descriptionEn', k.description_en,
               'requiresLedUnit', k.requires_led_unit, 'unitKinds', to_jsonb(k.unit_kinds))
             order by k.seq, k.code)
        from categories k where k.template_id in (select template_id from templates)), '[]'::jsonb),
    'criteria', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', r.id, 'templateId', r.template_id, 'categoryId', r.category_id,
               'seq', r.seq, 'textVi', r.text_vi, 'textEn', r.text_en)
             order by k.seq nulls first, r.seq, r.id)
        from criteria r left join categories k on k.id = r.category_id
       where r.template_id in (select template_id from templates)), '[]'::jsonb),
    'units', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'kind', u.kind, 'name', u.name)
             order by array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], u.kind),
                      u.seq, u.name)
        from units u where u.ward_id = v_ward.id and u.active), '[]'::jsonb))
  into v_catalog;

  -- the next date boundary of any open campaign's phases, as the ward's local midnight, in the
  -- database's time (bot_turn_load compares it with now())
  select min(case when p.starts_on > v_today then p.starts_on else p.ends_on + 1 end)::timestamp
           at time zone v_ward.time_zone - (bot_now() - now())
    into v_stale_at
    from campaign_phases p join campaigns c on c.id = p.campaign_id
   where c.ward_id = v_ward.id and c.status = 'open' and p.ends_on >= v_today;

  if v_stale_at is distinct from v_ward.catalog_stale_at then
    update wards set catalog_stale_at = v_stale_at where id = v_ward.id;
  end if;
  return v_catalog;
end
$$;

-- 9. security ------------------------------------------------------------------------------------

alter table public.bot_handlers enable row level security;
alter table public.member_roles enable row level security;
alter table public.bot_clock enable row level security;
revoke all on table public.bot_handlers, public.member_roles, public.bot_clock from public, anon, authenticated;

revoke execute on function
  public.bot_dispatch(text, text, public.members, jsonb, jsonb),
  public.member_roles_json(uuid),
  public.fx_submit_nomination(public.members, jsonb, jsonb),
  public.fx_endorse(public.members, jsonb, jsonb),
  public.fx_status(public.members, jsonb, jsonb),
  public.fx_mine(public.members, jsonb, jsonb),
  public.fx_set_locale(public.members, jsonb, jsonb),
  public.fx_link_create(public.members, jsonb, jsonb),
  public.fx_link_redeem(public.members, jsonb, jsonb),
  public.lookup_similar_nominations(public.members, jsonb, text),
  public.bot_mark_delivered(jsonb),
  public.bot_replies_delivered(jsonb),
  public.bot_reply_failed(uuid, text),
  public.bot_turn_load(text, text, text, text, text, text, text, jsonb, text, jsonb),
  public.bot_turn_fetch(uuid, jsonb),
  public.bot_turn_save(uuid, int, jsonb, text, text, text, uuid, jsonb, jsonb, text, jsonb),
  public.bot_forget_processed_events(interval),
  public.bot_applied_migrations(),
  public.bot_now(),
  public.bot_set_clock_offset(interval)
from public, anon, authenticated;

grant execute on function
  public.bot_turn_load(text, text, text, text, text, text, text, jsonb, text, jsonb),
  public.bot_turn_fetch(uuid, jsonb),
  public.bot_turn_save(uuid, int, jsonb, text, text, text, uuid, jsonb, jsonb, text, jsonb),
  public.bot_replies_delivered(jsonb),
  public.bot_reply_failed(uuid, text),
  public.bot_forget_processed_events(interval),
  public.bot_applied_migrations(),
  public.bot_set_clock_offset(interval)
to service_role;
