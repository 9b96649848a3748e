-- secure_account_linking: a link joins two accounts only when the code's owner says yes in their
-- own chat, never changes a role, and cannot be guessed.
--
-- before: typing a 6-digit code merged the typist into the code's member at once, with the higher
-- of the two roles, and every new account brought a fresh allowance of guesses. now:
--   - a code has 8 characters from 23456789ABCDEFGHJKMNPQRSTUVWXYZ (31^8, about 8.5e11; no 0/O,
--     1/I/L) and lives 10 minutes;
--   - typing it in the other app (link_redeem) only files a request: the code's owner is asked in
--     the chat where the code was shown (an outbox message, urgent, and the question put on top of
--     that chat's state so the next answer there is read as yes or no); link_confirm merges,
--     link_decline refuses, and the other chat is told either way;
--   - the member that stays is the code owner's; the typist's identities, nominations and history
--     move to it. roles are never granted by a link: the typist may hold only roles the owner
--     already holds (an officer links by showing the code in the app where they are an officer),
--     so the merged member's roles are exactly the owner's;
--   - every answer to a typed code that is not a link counts as a failure: 3 per code, 5 per
--     member and 200 for the whole database per hour. a wrong, expired, used, withdrawn, same-app,
--     other-ward or not-allowed code all get the same answer ("refused"), so answers do not tell
--     whether a code exists; only "own" (the typist's own code: nothing they do not know) and the
--     rate limit (which does not depend on the code) are told apart;
--   - links across wards are refused.
--
-- what is here:
--   1. limits; the tables: codes with the chat they were shown in, requests, attempts per code
--   2. helpers: a code, attempts, role and app checks, a message to one chat, the merge
--   3. the effects link_create, link_redeem (replaced), link_confirm and link_decline (new); the
--      old unsafe functions are dropped
--   4. rls and grants
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. limits and tables ---------------------------------------------------------------------------

-- how long a code (and the request made with it) lives, and how many failed answers are allowed
-- within the window: per code, per member, and for the whole database
create function public.account_link_limits()
returns table (code_ttl interval, code_failures int, member_failures int, global_failures int, failure_window interval)
language sql immutable
as $$ select interval '10 minutes', 3, 5, 200, interval '1 hour' $$;

-- live 6-digit codes can no longer be typed (the bot reads 8 characters now): they go. used ones
-- stay for the audit trail, in the old format.
delete from public.account_link_codes where used_at is null;
alter table public.account_link_codes drop constraint account_link_codes_code_check;
alter table public.account_link_codes add constraint account_link_codes_code_check
  check (used_at is not null or code ~ '^[2-9A-HJKMNP-Z]{8}$');
-- the chat the code was shown in: the owner is asked there
alter table public.account_link_codes add column conversation_id uuid references public.conversations (id) on delete set null;

-- one request per code: who typed it, where, and what the owner answered
create table public.account_link_requests (
  id uuid primary key default gen_random_uuid(),
  code_id uuid not null references public.account_link_codes (id) on delete cascade,
  owner_member_id uuid not null references public.members (id) on delete cascade,
  owner_conversation_id uuid references public.conversations (id) on delete set null,
  -- the view token of the question in the owner's chat: an answer is matched to this request only
  ask_token text not null,
  -- no foreign key: the typist's member is merged away when the owner says yes; kept as history
  requester_member_id uuid not null,
  requester_channel text not null check (requester_channel in ('console', 'telegram', 'zalo')),
  requester_conversation_id uuid references public.conversations (id) on delete set null,
  status text not null default 'pending'
    check (status in ('pending', 'linked', 'declined', 'expired', 'withdrawn', 'refused')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  decided_at timestamptz
);
create unique index account_link_requests_code_idx on public.account_link_requests (code_id);
create index account_link_requests_owner_idx on public.account_link_requests (owner_conversation_id, ask_token);
create index account_link_requests_pending_idx on public.account_link_requests (owner_member_id) where status = 'pending';

-- each answer to a typed code: ok only once the link is made (a request waiting for its owner,
-- declined or expired counts as a failure)
alter table public.account_link_attempts add column code_id uuid references public.account_link_codes (id) on delete set null;
alter table public.account_link_attempts add column request_id uuid references public.account_link_requests (id) on delete set null;
alter table public.account_link_attempts add column outcome text;
create index account_link_attempts_at_idx on public.account_link_attempts (at);
create index account_link_attempts_code_idx on public.account_link_attempts (code_id) where code_id is not null;
create index account_link_attempts_request_idx on public.account_link_attempts (request_id) where request_id is not null;

-- 2. helpers ---------------------------------------------------------------------------------------

-- a new code: 8 characters of the alphabet, drawn without bias from gen_random_uuid (a strong
-- random source on every backend; bytes 6 and 8 carry its version and variant, so they are skipped)
create function public.link_new_code() returns text
language plpgsql volatile
set search_path = public, pg_temp
as $$
declare
  v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  v_bytes bytea;
  v_byte int;
  v_code text := '';
begin
  while length(v_code) < 8 loop
    v_bytes := decode(replace(gen_random_uuid()::text, '-', ''), 'hex');
    for i in 0..15 loop
      continue when i in (6, 8);
      v_byte := get_byte(v_bytes, i);
      -- 248 = 8 * 31: bytes above it would favour the first letters
      continue when v_byte >= 248;
      v_code := v_code || substr(v_alphabet, v_byte % 31 + 1, 1);
      exit when length(v_code) = 8;
    end loop;
  end loop;
  return v_code;
end
$$;

-- one answer to a typed code, for the limits and the audit
create function public.link_record_attempt(p_member_id uuid, p_code_id uuid, p_request_id uuid, p_outcome text, p_at timestamptz)
returns void
language sql
set search_path = public, pg_temp
as $$
  insert into account_link_attempts (member_id, ok, at, code_id, request_id, outcome)
  values (p_member_id, false, p_at, p_code_id, p_request_id, p_outcome)
$$;

-- whether every live role of p_from is also held by p_into (same role, same unit): then merging
-- p_from into p_into gives p_into nothing new
create function public.link_roles_within(p_from uuid, p_into uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select not exists (
    select 1 from member_roles f
     where f.member_id = p_from and f.revoked_at is null
       and not exists (select 1 from member_roles i
                        where i.member_id = p_into and i.revoked_at is null
                          and i.role = f.role and i.unit_id is not distinct from f.unit_id))
$$;

-- whether two members have an identity in the same app (one person, one account per app)
create function public.link_channels_overlap(p_a uuid, p_b uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_identities a join member_identities b on b.channel = a.channel
                  where a.member_id = p_a and b.member_id = p_b)
$$;

-- queues messages for the chat of one conversation (bot_notify picks the app a member used last;
-- a link must speak in a given chat: where the code was shown, where it was typed). urgent: the
-- person is in the middle of linking, so neither quiet hours nor an open form hold it back.
-- returns how many were queued (0 or 1).
create function public.link_notify(p_conversation_id uuid, p_key text, p_messages jsonb) returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_inserted int;
begin
  if jsonb_typeof(p_messages) is distinct from 'array' then
    return 0;
  end if;
  if jsonb_array_length(p_messages) = 0 then
    return 0;
  end if;
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, urgent, not_before)
  select m.ward_id, p_key, m.id, c.channel, c.chat_id, jsonb_build_object('messages', p_messages), 'notice', true, bot_now()
    from conversations c join members m on m.id = c.member_id
   where c.id = p_conversation_id and m.reachable and m.deleted_at is null
  on conflict (dedupe_key) do nothing;
  get diagnostics v_inserted = row_count;
  return v_inserted;
end
$$;

-- moves everything of member p_from to member p_into and removes p_from. p_into keeps its ward,
-- language and roles; p_from's live roles that p_into holds too are folded into p_into's (the
-- callers allow no other), its revoked ones move as history. endorsements lose duplicates and
-- self-endorsements. every other row that references members(id) by a foreign key follows, so a
-- table added later is carried too.
create function public.link_merge_members(p_from uuid, p_into uuid) returns void
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from members;
  v_fk record;
begin
  perform 1 from members where id in (p_from, p_into) order by id for update;
  select * into strict v_from from members where id = p_from;

  update nominations set nominator_id = p_into where nominator_id = p_from;
  delete from endorsements e
   where e.member_id = p_from
     and (exists (select 1 from endorsements x where x.nomination_id = e.nomination_id and x.member_id = p_into)
          or exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into));
  delete from endorsements e
   where e.member_id = p_into
     and exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into);

  delete from member_roles f
   where f.member_id = p_from and f.revoked_at is null
     and exists (select 1 from member_roles i
                  where i.member_id = p_into and i.revoked_at is null
                    and i.role = f.role and i.unit_id is not distinct from f.unit_id);

  for v_fk in
    select c.conrelid::regclass as tbl, a.attname as col
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'public.members'::regclass and array_length(c.conkey, 1) = 1
     order by 1, 2
  loop
    execute format('update %s set %I = $1 where %I = $2', v_fk.tbl, v_fk.col, v_fk.col) using p_into, p_from;
  end loop;
  update account_link_codes set used_by_member_id = p_into where used_by_member_id = p_from;

  update members
     set display_name = coalesce(display_name, v_from.display_name),
         reachable = reachable or v_from.reachable,
         updated_at = now()
   where id = p_into;
  delete from members where id = p_from;
end
$$;

-- what the typist is told while their request waits
create function public.link_pending_result(p_request public.account_link_requests, p_notified int) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'type', 'link_redeem', 'status', 'pending',
    'channel', (select c.channel from account_link_codes c where c.id = p_request.code_id),
    'minutes', greatest(1, ceil(extract(epoch from (p_request.expires_at - bot_now())) / 60))::int,
    'notified', p_notified)
$$;

-- 3. effects ---------------------------------------------------------------------------------------

-- link_create: a fresh code, shown in this chat. the member's older code and the request waiting
-- on it are withdrawn. a member already in both apps gets no code.
create or replace function public.fx_link_create(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_ttl interval;
  v_code text;
  v_inserted int := 0;
begin
  if (select count(distinct channel) from member_identities
       where member_id = p_member.id and channel in ('telegram', 'zalo')) >= 2 then
    return jsonb_build_object('type', 'link_create', 'status', 'already_linked');
  end if;
  select code_ttl into v_ttl from account_link_limits();

  -- codes that ended a day ago are no longer counted by any limit: they go, with their requests
  delete from account_link_codes where expires_at < v_now - interval '1 day';
  update account_link_requests set status = 'withdrawn', decided_at = v_now
   where owner_member_id = p_member.id and status = 'pending';
  update account_link_codes set used_at = v_now where member_id = p_member.id and used_at is null;

  for i in 1..10 loop
    v_code := link_new_code();
    insert into account_link_codes (code, member_id, channel, created_at, expires_at, conversation_id)
    values (v_code, p_member.id, p_context ->> 'channel', v_now, v_now + v_ttl, try_uuid(p_context ->> 'conversationId'))
    on conflict (code) where used_at is null do nothing;
    get diagnostics v_inserted = row_count;
    exit when v_inserted = 1;
  end loop;
  if v_inserted = 0 then
    raise exception 'fx_link_create: no free code found';
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.link_code_created', 'member', p_member.id::text,
          jsonb_build_object('channel', p_context ->> 'channel'));
  return jsonb_build_object('type', 'link_create', 'status', 'created', 'code', v_code,
                            'minutes', extract(epoch from v_ttl)::int / 60);
end
$$;

-- link_redeem {code, ask}: a code typed in the other app. on success nothing is merged: a request
-- waits for the owner, who gets `ask` (the engine's question, one 'choices' message whose token is
-- set here) in the chat where the code was shown, and that chat's state shows the question.
create or replace function public.fx_link_redeem(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_lim record;
  v_channel text := p_context ->> 'channel';
  v_typed text := upper(regexp_replace(coalesce(p_effect ->> 'code', ''), '[[:space:]-]', '', 'g'));
  v_code account_link_codes;
  v_owner members;
  v_conv conversations;
  v_request account_link_requests;
  v_failures int;
  v_limited boolean;
  v_usable boolean;
  v_seq int;
  v_token text;
  v_ask jsonb;
  v_values jsonb;
  v_notified int;
begin
  if jsonb_typeof(p_effect -> 'ask') is distinct from 'array' then
    raise exception 'fx_link_redeem: the effect must carry the question for the code''s owner (ask)';
  end if;
  if (select count(*) from jsonb_array_elements(p_effect -> 'ask') m where m ->> 'kind' = 'choices') <> 1 then
    raise exception 'fx_link_redeem: ask must hold exactly one question (a choices message)';
  end if;
  select * into v_lim from account_link_limits();
  delete from account_link_attempts where at < v_now - interval '1 day';

  -- the same person sending the same code again while their request waits: the same answer
  select r.* into v_request
    from account_link_requests r join account_link_codes c on c.id = r.code_id
   where c.code = v_typed and r.requester_member_id = p_member.id and r.status = 'pending' and r.expires_at > v_now
   order by r.created_at desc limit 1;
  if v_request.id is not null then
    return link_pending_result(v_request, 0);
  end if;

  -- the limits come first and do not depend on the code: this member's failures, then everyone's
  select count(*) into v_failures from (
    select 1 from account_link_attempts
     where member_id = p_member.id and not ok and at > v_now - v_lim.failure_window
     limit v_lim.member_failures) t;
  v_limited := v_failures >= v_lim.member_failures;
  if not v_limited then
    select count(*) into v_failures from (
      select 1 from account_link_attempts
       where not ok and at > v_now - v_lim.failure_window
       limit v_lim.global_failures) t;
    v_limited := v_failures >= v_lim.global_failures;
  end if;
  if v_limited then
    perform link_record_attempt(p_member.id, null, null, 'rate_limited', v_now);
    return jsonb_build_object('type', 'link_redeem', 'status', 'rate_limited');
  end if;

  select * into v_code from account_link_codes where code = v_typed
   order by (used_at is null) desc, created_at desc limit 1;

  -- the person's own code: they learn nothing they did not know
  if v_code.id is not null and v_code.member_id = p_member.id then
    perform link_record_attempt(p_member.id, v_code.id, null, 'own', v_now);
    return jsonb_build_object('type', 'link_redeem',
                              'status', case when v_code.channel = v_channel then 'own' else 'already_linked' end);
  end if;

  v_usable := v_code.id is not null and v_code.used_at is null and v_code.expires_at > v_now
              and v_code.channel is distinct from v_channel;
  if v_usable then
    select count(*) into v_failures from (
      select 1 from account_link_attempts where code_id = v_code.id and not ok limit v_lim.code_failures) t;
    v_usable := v_failures < v_lim.code_failures;
  end if;
  if v_usable then
    -- the owner's chat first, then the code again: the same order as the owner's own turns
    select * into v_conv from conversations where id = v_code.conversation_id for update;
    select * into v_code from account_link_codes where id = v_code.id for update;
    select * into v_owner from members where id = v_code.member_id;
    v_usable := coalesce(
      v_code.used_at is null and v_code.expires_at > v_now
      and v_owner.deleted_at is null and v_owner.ward_id = p_member.ward_id
      and v_conv.member_id = v_owner.id and v_conv.channel = v_code.channel
      and not link_channels_overlap(v_owner.id, p_member.id)
      and link_roles_within(p_member.id, v_owner.id), false);
  end if;
  if not v_usable then
    perform link_record_attempt(p_member.id, v_code.id, null, 'refused', v_now);
    return jsonb_build_object('type', 'link_redeem', 'status', 'refused');
  end if;

  -- the question goes on top of whatever the owner's chat shows, with a fresh token
  v_seq := case when jsonb_typeof(v_conv.state -> 'seq') = 'number' then floor((v_conv.state ->> 'seq')::numeric)::int else 0 end + 1;
  v_token := 'linkask.' || v_seq;
  select jsonb_agg(case when m ->> 'kind' = 'choices' then m || jsonb_build_object('token', v_token) else m end order by n)
    into v_ask
    from jsonb_array_elements(p_effect -> 'ask') with ordinality as x(m, n);
  select coalesce(jsonb_agg(o -> 'value' order by k), '[]'::jsonb)
    into v_values
    from jsonb_array_elements(p_effect -> 'ask') m,
         jsonb_array_elements(case when jsonb_typeof(m -> 'options') = 'array' then m -> 'options' else '[]'::jsonb end)
           with ordinality as y(o, k)
   where m ->> 'kind' = 'choices';

  update account_link_codes set used_at = v_now, used_by_member_id = p_member.id where id = v_code.id;
  insert into account_link_requests (code_id, owner_member_id, owner_conversation_id, ask_token, requester_member_id,
                                     requester_channel, requester_conversation_id, created_at, expires_at)
  values (v_code.id, v_owner.id, v_conv.id, v_token, p_member.id, v_channel, try_uuid(p_context ->> 'conversationId'),
          v_now, v_code.expires_at)
  returning * into v_request;
  perform link_record_attempt(p_member.id, v_code.id, v_request.id, 'pending', v_now);
  -- a turn of the owner computed on the old state is refused as stale and runs again on this one
  update conversations
     set state = jsonb_set(jsonb_set(state, '{seq}', to_jsonb(v_seq)), '{view}',
                           jsonb_build_object('token', v_token, 'values', v_values)),
         version = version + 1
   where id = v_conv.id;
  v_notified := link_notify(v_conv.id, 'link:' || v_request.id || ':ask', v_ask);
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.link_requested', 'member', v_owner.id::text,
          jsonb_build_object('request_id', v_request.id, 'from_channel', v_channel, 'to_channel', v_code.channel));
  return link_pending_result(v_request, v_notified);
end
$$;

-- the request an answer in the owner's chat is about: the question on screen there (its token)
create function public.link_request_answered(p_member public.members, p_effect jsonb, p_context jsonb)
returns public.account_link_requests
language sql
set search_path = public, pg_temp
as $$
  select r.* from account_link_requests r
   where r.owner_conversation_id = try_uuid(p_context ->> 'conversationId')
     and r.ask_token = p_effect ->> 'token'
     and r.owner_member_id = p_member.id
   order by r.created_at desc
   limit 1
   for update
$$;

-- link_confirm {token, notice}: the owner says yes. the typist's member is merged into the
-- owner's; `notice` is queued for the chat where the code was typed.
create function public.fx_link_confirm(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_request account_link_requests;
  v_requester members;
  v_notified int := 0;
begin
  v_request := link_request_answered(p_member, p_effect, p_context);
  if v_request.id is null or v_request.status <> 'pending' then
    return jsonb_build_object('type', 'link_confirm', 'status', 'gone');
  end if;
  if v_request.expires_at <= v_now then
    update account_link_requests set status = 'expired', decided_at = v_now where id = v_request.id;
    return jsonb_build_object('type', 'link_confirm', 'status', 'expired');
  end if;
  -- checked again: roles, apps or wards may have changed while the request waited
  select * into v_requester from members where id = v_request.requester_member_id;
  if not coalesce(v_requester.deleted_at is null and v_requester.ward_id = p_member.ward_id
                  and not link_channels_overlap(v_requester.id, p_member.id)
                  and link_roles_within(v_requester.id, p_member.id), false) then
    update account_link_requests set status = 'refused', decided_at = v_now where id = v_request.id;
    return jsonb_build_object('type', 'link_confirm', 'status', 'refused');
  end if;

  perform link_merge_members(v_requester.id, p_member.id);
  update account_link_requests set status = 'linked', decided_at = v_now where id = v_request.id;
  update account_link_attempts set ok = true, outcome = 'linked' where request_id = v_request.id;
  if v_request.requester_conversation_id is not null then
    v_notified := link_notify(v_request.requester_conversation_id, 'link:' || v_request.id || ':linked', p_effect -> 'notice');
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.linked', 'member', p_member.id::text,
          jsonb_build_object('merged_member_id', v_requester.id, 'request_id', v_request.id,
                             'from_channel', (select channel from account_link_codes where id = v_request.code_id),
                             'to_channel', v_request.requester_channel));
  return jsonb_build_object('type', 'link_confirm', 'status', 'linked', 'channel', v_request.requester_channel,
                            'notified', v_notified);
end
$$;

-- link_decline {token, notice}: the owner says no (or the request has expired by then); the code
-- is spent and `notice` is queued for the chat where it was typed.
create function public.fx_link_decline(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_request account_link_requests;
  v_notified int := 0;
begin
  v_request := link_request_answered(p_member, p_effect, p_context);
  if v_request.id is null or v_request.status <> 'pending' then
    return jsonb_build_object('type', 'link_decline', 'status', 'gone');
  end if;
  update account_link_requests
     set status = case when expires_at <= v_now then 'expired' else 'declined' end, decided_at = v_now
   where id = v_request.id;
  update account_link_attempts set outcome = 'declined' where request_id = v_request.id;
  if v_request.requester_conversation_id is not null then
    v_notified := link_notify(v_request.requester_conversation_id, 'link:' || v_request.id || ':declined', p_effect -> 'notice');
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.link_declined', 'member', p_member.id::text,
          jsonb_build_object('request_id', v_request.id, 'requester_member_id', v_request.requester_member_id,
                             'to_channel', v_request.requester_channel));
  return jsonb_build_object('type', 'link_decline', 'status', 'declined', 'channel', v_request.requester_channel,
                            'notified', v_notified);
end
$$;

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'link_confirm', 'public.fx_link_confirm(public.members, jsonb, jsonb)'),
  ('effect', 'link_decline', 'public.fx_link_decline(public.members, jsonb, jsonb)');

-- the merge that took the higher role, and the effects around it, are gone
drop function public.effect_link_redeem(public.members, text, jsonb);
drop function public.effect_link_create(public.members, text);
drop function public.merge_members(uuid, uuid);
drop function public.account_link_settings();

-- 4. security ------------------------------------------------------------------------------------

alter table public.account_link_requests enable row level security;
revoke all on table public.account_link_requests from public, anon, authenticated;

revoke execute on function
  public.account_link_limits(),
  public.link_new_code(),
  public.link_record_attempt(uuid, uuid, uuid, text, timestamptz),
  public.link_roles_within(uuid, uuid),
  public.link_channels_overlap(uuid, uuid),
  public.link_notify(uuid, text, jsonb),
  public.link_merge_members(uuid, uuid),
  public.link_pending_result(public.account_link_requests, int),
  public.link_request_answered(public.members, jsonb, jsonb),
  public.fx_link_create(public.members, jsonb, jsonb),
  public.fx_link_redeem(public.members, jsonb, jsonb),
  public.fx_link_confirm(public.members, jsonb, jsonb),
  public.fx_link_decline(public.members, jsonb, jsonb)
from public, anon, authenticated;
