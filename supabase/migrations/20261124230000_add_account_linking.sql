-- add_account_linking: one person, two apps. a short one-time code shown in one chat app
-- (/lienket, /link) and typed in the other points both platform identities at one member, so
-- nominations, endorsements, language and role follow the person.
--
-- what is here:
--   1. account_link_codes: live codes (6 digits, 10 minutes, single use) and
--      account_link_attempts: redemption attempts, for the rate limit (5 failures per 15 minutes)
--   2. effect_link_create / effect_link_redeem: run inside bot_turn_save, in the turn's transaction
--   3. bot_turn_save again (create or replace): the same function with the two new effect types
--   4. rls on, nothing for anon and authenticated; the new functions are internal
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. tables ----------------------------------------------------------------------------------

create table public.account_link_codes (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[0-9]{6}$'),
  member_id uuid not null references public.members (id) on delete cascade,
  -- the app the code was shown in: it is typed in another one
  channel text not null check (channel in ('console', 'telegram', 'zalo')),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by_member_id uuid
);
-- a code is unique among the live ones only; used codes stay for the audit trail
create unique index account_link_codes_live_idx on public.account_link_codes (code) where used_at is null;
create index account_link_codes_member_idx on public.account_link_codes (member_id);

create table public.account_link_attempts (
  id bigserial primary key,
  member_id uuid not null references public.members (id) on delete cascade,
  ok boolean not null,
  at timestamptz not null default now()
);
create index account_link_attempts_member_idx on public.account_link_attempts (member_id, at);

-- how long a code lives, and how many wrong codes a member may type in a window
create function public.account_link_settings() returns table (code_ttl interval, max_failures int, failure_window interval)
language sql immutable
as $$ select interval '10 minutes', 5, interval '15 minutes' $$;

-- 2. effects ---------------------------------------------------------------------------------

-- effect link_create: a fresh code for this member (their older live codes are withdrawn)
create function public.effect_link_create(p_member public.members, p_channel text) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_code text;
  v_ttl interval;
  v_expires timestamptz;
  v_inserted int := 0;
begin
  select code_ttl into v_ttl from account_link_settings();
  -- expired codes of anyone and this member's live ones: out of the way of the new one
  delete from account_link_codes
   where used_at is null and (expires_at <= now() or member_id = p_member.id);
  v_expires := now() + v_ttl;
  for i in 1..20 loop
    -- gen_random_uuid is a strong random source everywhere; its first 12 hex digits are random
    v_code := lpad((('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 12))::bit(48)::bigint
                    % 1000000)::text, 6, '0');
    insert into account_link_codes (code, member_id, channel, expires_at)
    values (v_code, p_member.id, p_channel, v_expires)
    on conflict (code) where used_at is null do nothing;
    get diagnostics v_inserted = row_count;
    exit when v_inserted = 1;
  end loop;
  if v_inserted = 0 then
    raise exception 'effect_link_create: no free code found';
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.link_code_created', 'member', p_member.id::text,
          jsonb_build_object('channel', p_channel));
  return jsonb_build_object('type', 'link_create', 'status', 'created', 'code', v_code,
                            'minutes', extract(epoch from v_ttl)::int / 60);
end
$$;

-- moves everything of member p_from to member p_into and removes p_from: identities,
-- conversations, nominations, endorsements (without duplicates or self-endorsements), history.
-- p_into keeps its ward and language; the higher of the two roles is kept.
create function public.merge_members(p_from uuid, p_into uuid) returns void
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from members;
  v_rank_from int;
  v_rank_into int;
begin
  select * into strict v_from from members where id = p_from for update;
  perform 1 from members where id = p_into for update;

  update member_identities set member_id = p_into where member_id = p_from;
  update conversations set member_id = p_into where member_id = p_from;
  update nominations set nominator_id = p_into where nominator_id = p_from;
  -- an endorsement both had made, or one of the merged person's own nominations, goes
  delete from endorsements e
   where e.member_id = p_from
     and (exists (select 1 from endorsements x where x.nomination_id = e.nomination_id and x.member_id = p_into)
          or exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into));
  delete from endorsements e
   where e.member_id = p_into
     and exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into);
  update endorsements set member_id = p_into where member_id = p_from;
  update nomination_status_history set actor_member_id = p_into where actor_member_id = p_from;
  update audit_log set actor_member_id = p_into where actor_member_id = p_from;
  update broadcasts set author_member_id = p_into where author_member_id = p_from;
  update outbox set member_id = p_into where member_id = p_from;
  update account_link_codes set member_id = p_into where member_id = p_from;
  update account_link_attempts set member_id = p_into where member_id = p_from;

  v_rank_from := array_position(array['resident', 'leader', 'officer'], v_from.role);
  select array_position(array['resident', 'leader', 'officer'], role) into v_rank_into from members where id = p_into;
  update members
     set role = case when v_rank_from > v_rank_into then v_from.role else role end,
         unit_id = case when v_rank_from > v_rank_into then v_from.unit_id else coalesce(unit_id, v_from.unit_id) end,
         display_name = coalesce(display_name, v_from.display_name),
         reachable = reachable or v_from.reachable,
         updated_at = now()
   where id = p_into;
  delete from members where id = p_from;
end
$$;

-- effect link_redeem: the code typed in another app links this member to the code's member
create function public.effect_link_redeem(p_member public.members, p_channel text, p_effect jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_settings record;
  v_failures int;
  v_code account_link_codes;
  v_into members;
begin
  select * into v_settings from account_link_settings();
  select count(*) into v_failures from account_link_attempts
   where member_id = p_member.id and not ok and at > now() - v_settings.failure_window;
  if v_failures >= v_settings.max_failures then
    return jsonb_build_object('type', 'link_redeem', 'status', 'rate_limited');
  end if;

  select * into v_code from account_link_codes
   where code = btrim(coalesce(p_effect ->> 'code', '')) and used_at is null
   for update;
  if v_code.id is null or v_code.expires_at <= now() then
    insert into account_link_attempts (member_id, ok) values (p_member.id, false);
    return jsonb_build_object('type', 'link_redeem', 'status', case when v_code.id is null then 'invalid' else 'expired' end);
  end if;
  if v_code.member_id = p_member.id then
    return jsonb_build_object('type', 'link_redeem', 'status', 'own');
  end if;
  if v_code.channel = p_channel then
    return jsonb_build_object('type', 'link_redeem', 'status', 'same_channel');
  end if;

  update account_link_codes set used_at = now(), used_by_member_id = p_member.id where id = v_code.id;
  insert into account_link_attempts (member_id, ok) values (p_member.id, true);
  perform merge_members(p_member.id, v_code.member_id);
  select * into strict v_into from members where id = v_code.member_id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_into.ward_id, v_into.id, 'member.linked', 'member', v_into.id::text,
          jsonb_build_object('merged_member_id', p_member.id, 'from_channel', v_code.channel,
                             'to_channel', p_channel));
  return jsonb_build_object('type', 'link_redeem', 'status', 'linked', 'locale', v_into.locale);
end
$$;

-- 3. bot_turn_save with the link effects -------------------------------------------------------

-- one transaction after a chat turn: check the version the turn was computed from, record the
-- event as processed, apply the turn's effect and store the next state. a stale version or a
-- re-delivered event writes nothing, so a double press or a retried webhook is harmless.
create or replace function public.bot_turn_save(
  p_conversation_id uuid,
  p_version int,
  p_state jsonb,
  p_channel text,
  p_event_id text,
  p_member_id uuid,
  p_effect jsonb
) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_current int;
  v_inserted int;
  v_member members;
  v_result jsonb;
  v_new_version int;
begin
  if p_state is null then
    raise exception 'bot_turn_save: p_state is required';
  end if;

  -- the row lock also serialises turns of one chat across processes
  select version into v_current from conversations where id = p_conversation_id for update;
  if not found or v_current <> p_version then
    return jsonb_build_object('ok', false, 'reason', 'stale');
  end if;

  -- the member may have been merged into another one (account linking) since the load: nothing
  -- is written yet, so the turn is simply re-run on a fresh load
  select * into v_member from members where id = p_member_id;
  if not found then
    return jsonb_build_object('ok', false, 'reason', 'stale');
  end if;

  if p_event_id is not null then
    insert into inbound_events (channel, event_id) values (p_channel, p_event_id)
    on conflict do nothing;
    get diagnostics v_inserted = row_count;
    if v_inserted = 0 then
      return jsonb_build_object('ok', false, 'reason', 'duplicate_event');
    end if;
  end if;

  if p_effect is not null and jsonb_typeof(p_effect) <> 'null' then
    case p_effect ->> 'type'
      when 'submit_nomination' then
        v_result := effect_submit_nomination(v_member, p_effect);
      when 'endorse' then
        v_result := effect_endorse(v_member, p_effect);
      when 'status' then
        v_result := effect_status(v_member, p_effect);
      when 'mine' then
        v_result := effect_mine(v_member);
      when 'link_create' then
        v_result := effect_link_create(v_member, p_channel);
      when 'link_redeem' then
        v_result := effect_link_redeem(v_member, p_channel, p_effect);
      when 'set_locale' then
        -- the engine only offers vi and en; anything else is a bug, not a user's answer
        if coalesce(p_effect ->> 'locale', '') not in ('vi', 'en') then
          raise exception 'bot_turn_save: unsupported locale %', p_effect ->> 'locale';
        end if;
        update members set locale = p_effect ->> 'locale', updated_at = now()
         where id = v_member.id;
        v_result := jsonb_build_object('type', 'set_locale', 'status', 'ok',
                                       'locale', p_effect ->> 'locale');
      else
        -- a programming error: roll back the whole turn (the event stays unprocessed)
        raise exception 'bot_turn_save: unknown effect type %', coalesce(p_effect ->> 'type', '(none)')
          using hint = 'expected submit_nomination, endorse, set_locale, status, mine, link_create or link_redeem';
    end case;
  end if;

  update conversations set state = p_state, version = version + 1, updated_at = now()
   where id = p_conversation_id
  returning version into v_new_version;

  return jsonb_build_object('ok', true, 'version', v_new_version, 'effect', v_result);
end
$$;

-- 4. security --------------------------------------------------------------------------------

alter table public.account_link_codes enable row level security;
alter table public.account_link_attempts enable row level security;
revoke all on table public.account_link_codes, public.account_link_attempts from public, anon, authenticated;
revoke all on sequence public.account_link_attempts_id_seq from public, anon, authenticated;

revoke execute on function
  public.account_link_settings(),
  public.effect_link_create(public.members, text),
  public.merge_members(uuid, uuid),
  public.effect_link_redeem(public.members, text, jsonb),
  public.bot_turn_save(uuid, int, jsonb, text, text, uuid, jsonb)
from public, anon, authenticated;
grant execute on function public.bot_turn_save(uuid, int, jsonb, text, text, uuid, jsonb) to service_role;
