-- add_data_rights_wards: a person's rights over their data (decree 13/2023), retention of what the
-- bot no longer needs, and several wards in one deployment kept apart.
--
-- what is here:
--   1. member_consents (the same table the resident's form records "consent once per person" in;
--      created here only if it is not there yet), the privacy notice recorded in it per version
--   2. columns: members.ward_chosen_at (the person picked their ward, or had no choice),
--      campaigns.closed_at (kept by a trigger), nominations.nominee_data_cleared_at; new
--      conversations ask the load for the person's standing on their first turn
--   3. the standing lookup answered with every idle turn: the privacy notice version the person
--      was shown, and whether they still have to pick their ward
--   4. effects: privacy_notice (records the notice shown with a turn, then runs that turn's effect),
--      my_data, withdraw_contact, delete_my_data, join_ward
--   5. ward isolation: has_role, can_screen, notify_role, member_roles_json, effect_mine,
--      similar_nominations, lookup_similar_nominations and fx_progress replaced so that a role
--      counts only in the ward it was granted in and no list reaches into another ward
--   6. bot_retention_run: the nightly clean-up for a given moment (processed events, finished
--      conversations, link codes and attempts, finished outbox rows, nominee photos and deeds of
--      campaigns closed long ago)
--   7. bot_handlers rows; rls and grants
--
-- a deleted person's member row is kept as an anonymous record (deleted_at set, every personal
-- field cleared, no identity left): their nominations keep nominator_id pointing at it, so every
-- check that compares a nomination's nominator with someone (a leader screening their own, the
-- notices to the nominator) keeps working and simply never matches a living person; notices to
-- it are never queued (bot_notify skips deleted members). their endorsements and votes stay
-- counted the same way.
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. consents --------------------------------------------------------------------------------------

create table if not exists public.member_consents (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references public.members (id) on delete cascade,
  -- what the consent is for: 'contact' (the ward may keep the nominator's contact),
  -- 'privacy_notice' (the person was shown this version of the privacy notice)
  purpose text not null check (purpose ~ '^[a-z][a-z0-9_]*$'),
  -- the version of the notice the person read
  notice_version text not null check (char_length(notice_version) between 1 and 40),
  given_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  unique (member_id, purpose, notice_version)
);
create index if not exists member_consents_live_idx on public.member_consents (member_id, purpose, given_at desc)
  where withdrawn_at is null;

-- records (or renews) a person's consent to one version of a notice
create or replace function public.record_member_consent(p_member_id uuid, p_purpose text, p_notice_version text) returns void
language sql
set search_path = public, pg_temp
as $$
  insert into member_consents (member_id, purpose, notice_version)
  values (p_member_id, p_purpose, p_notice_version)
  on conflict (member_id, purpose, notice_version)
  do update set given_at = now(), withdrawn_at = null where member_consents.withdrawn_at is not null
$$;

-- 2. columns ---------------------------------------------------------------------------------------

-- when the person picked their ward (a deep link, /phuong, the first-contact question), or was
-- settled in the only ward there was. null: a new person who may still be asked.
alter table public.members add column ward_chosen_at timestamptz;
update public.members set ward_chosen_at = created_at where ward_chosen_at is null;

-- when a campaign was closed: a nominee's photo and deeds are kept for a while after that
alter table public.campaigns add column closed_at timestamptz;
update public.campaigns set closed_at = coalesce(closes_at, now()) where status = 'closed' and closed_at is null;

create function public.campaigns_note_closed() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  if new.status = 'closed' and (tg_op = 'INSERT' or old.status is distinct from 'closed') then
    new.closed_at := coalesce(new.closed_at, bot_now());
  elsif new.status <> 'closed' then
    new.closed_at := null;
  end if;
  return new;
end
$$;

create trigger campaigns_note_closed before insert or update of status on public.campaigns
  for each row execute function public.campaigns_note_closed();

-- set when the retention job cleared a nominee's photo and deeds
alter table public.nominations add column nominee_data_cleared_at timestamptz;

-- a new conversation's first turn asks the load for the person's standing (the privacy notice,
-- the ward question); the bot keeps asking with every turn whose question needs nothing else
alter table public.conversations alter column state
  set default '{"flow":null,"step":null,"answers":{},"trail":[],"lookup":{"kind":"member_standing"}}';
update public.conversations set state = state || '{"lookup":{"kind":"member_standing"}}'
 where jsonb_typeof(state -> 'lookup') is distinct from 'object';

-- 3. standing -------------------------------------------------------------------------------------

-- whether a member may still move to another ward: nothing ties them to their ward yet
create function public.member_movable(p_member_id uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select not exists (select 1 from nominations where nominator_id = p_member_id)
     and not exists (select 1 from endorsements where member_id = p_member_id)
     and not exists (select 1 from member_roles where member_id = p_member_id)
$$;

-- lookup member_standing: {notice: the privacy notice version last shown to the person or null,
-- fresh: never shown anything and nothing ties them to the ward (a first contact, or a chat whose
-- person deleted their data), ward: null in a one-ward deployment, else {choose, wards?}: choose
-- is true for a person who has not picked their ward and may still move, and then the wards to
-- pick from}. one indexed read per turn, one more in a deployment of several wards.
create function public.lookup_member_standing(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_notice text;
  v_movable boolean;
  v_choose boolean;
begin
  select c.notice_version into v_notice from member_consents c
   where c.member_id = p_member.id and c.purpose = 'privacy_notice' and c.withdrawn_at is null
   order by c.given_at desc limit 1;
  if v_notice is null or p_member.ward_chosen_at is null then
    v_movable := member_movable(p_member.id);
  end if;
  if exists (select 1 from wards where id <> p_member.ward_id) then
    v_choose := p_member.ward_chosen_at is null and v_movable;
  end if;
  return jsonb_build_object(
    'notice', v_notice,
    'fresh', v_notice is null and v_movable,
    'ward', case when v_choose is not null then jsonb_build_object(
      'choose', v_choose,
      'wards', case when v_choose then (select jsonb_agg(jsonb_build_object('code', w.code, 'name', w.name) order by w.name, w.code)
                                          from wards w) end) end);
end
$$;

-- 4. effects ---------------------------------------------------------------------------------------

-- effect privacy_notice {version, then}: the turn showed the privacy notice of this version; it
-- is recorded, and the turn's own effect (then, if any) runs after it and answers for the turn.
-- in a one-ward deployment the person's ward is settled at the same time (a second ward added
-- later does not ask them), and so is the ward of someone tied to it already.
create function public.fx_privacy_notice(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_version text := btrim(coalesce(p_effect ->> 'version', ''));
begin
  if v_version !~ '^[A-Za-z0-9._-]{1,40}$' then
    raise exception 'fx_privacy_notice: bad notice version %', p_effect ->> 'version';
  end if;
  if jsonb_typeof(p_effect -> 'then') = 'object' and p_effect -> 'then' ->> 'type' = 'privacy_notice' then
    raise exception 'fx_privacy_notice: a notice cannot wrap another';
  end if;
  perform record_member_consent(p_member.id, 'privacy_notice', v_version);
  -- the ward is settled for someone who had no choice (one ward) or can no longer move (an officer
  -- named by configuration): their turns need not ask again
  if p_member.ward_chosen_at is null
     and (not exists (select 1 from wards where id <> p_member.ward_id) or not member_movable(p_member.id)) then
    update members set ward_chosen_at = now() where id = p_member.id and ward_chosen_at is null;
  end if;
  if jsonb_typeof(p_effect -> 'then') = 'object' then
    return bot_dispatch('effect', p_effect -> 'then' ->> 'type', p_member, p_effect -> 'then', p_context);
  end if;
  return jsonb_build_object('type', 'privacy_notice', 'status', 'recorded', 'version', v_version);
end
$$;

-- a platform id shown to its owner without giving it away to someone looking over their shoulder
create function public.mask_id(p_text text) returns text
language sql immutable
set search_path = pg_temp
as $$
  select case when char_length(p_text) <= 4 then repeat('•', char_length(p_text))
              else repeat('•', least(char_length(p_text) - 3, 6)) || right(p_text, 3) end
$$;

-- a phone number shown to its owner: the first four and last three digits
create function public.mask_phone(p_phone text) returns text
language sql immutable
set search_path = pg_temp
as $$
  select case when char_length(p_phone) < 8 then repeat('•', char_length(p_phone))
              else left(p_phone, 4) || repeat('•', char_length(p_phone) - 7) || right(p_phone, 3) end
$$;

-- effect my_data: everything the bot holds about the person who asks (nominations and
-- endorsements by code; at most 100 of each, with the totals)
create function public.fx_my_data(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'type', 'my_data', 'status', 'ok',
    'since', iso_utc(p_member.created_at),
    'ward', (select name from wards where id = p_member.ward_id),
    'locale', p_member.locale,
    'announcements', p_member.announcements_opt_in,
    'identities', coalesce((
      select jsonb_agg(jsonb_build_object('channel', i.channel, 'id', mask_id(i.external_id), 'since', iso_utc(i.created_at))
                       order by i.created_at, i.channel)
        from member_identities i where i.member_id = p_member.id), '[]'::jsonb),
    'roles', coalesce((
      select jsonb_agg(jsonb_build_object('role', r.role, 'unit', u.name, 'holderName', r.holder_name, 'since', iso_utc(r.granted_at))
                       order by r.granted_at, r.role)
        from member_roles r left join units u on u.id = r.unit_id
       where r.member_id = p_member.id and r.revoked_at is null), '[]'::jsonb),
    'nominationCount', (select count(*) from nominations where nominator_id = p_member.id),
    'nominations', coalesce((
      select jsonb_agg(n.receipt_code order by n.created_at, n.receipt_code)
        from (select receipt_code, created_at from nominations where nominator_id = p_member.id
               order by created_at, receipt_code limit 100) n), '[]'::jsonb),
    'endorsementCount', (select count(*) from endorsements where member_id = p_member.id),
    'endorsements', coalesce((
      select jsonb_agg(e.receipt_code order by e.created_at, e.receipt_code)
        from (select n.receipt_code, e.created_at from endorsements e join nominations n on n.id = e.nomination_id
               where e.member_id = p_member.id order by e.created_at, n.receipt_code limit 100) e), '[]'::jsonb),
    'contacts', coalesce((
      select jsonb_agg(jsonb_build_object('code', n.receipt_code, 'name', n.contact_name, 'phone', mask_phone(n.contact_phone))
                       order by n.created_at, n.receipt_code)
        from nominations n
       where n.nominator_id = p_member.id and (n.contact_name is not null or n.contact_phone is not null)), '[]'::jsonb),
    'consents', coalesce((
      select jsonb_agg(jsonb_build_object('purpose', c.purpose, 'noticeVersion', c.notice_version,
                                          'givenAt', iso_utc(c.given_at), 'withdrawnAt', iso_utc(c.withdrawn_at))
                       order by c.given_at, c.purpose)
        from member_consents c where c.member_id = p_member.id), '[]'::jsonb),
    'openForms', (select count(*) from conversations where member_id = p_member.id and state ->> 'flow' is not null))
$$;

-- removes from other people's kept replies (a screener's view of a nomination is kept with their
-- conversation until their next turn) and from finished outbox rows every quote of a person: the
-- values are compared as json strings, so only a whole value equal to a name, phone or id counts
create function public.forget_quotes(p_values text[]) returns void
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_needles text[];
begin
  select coalesce(array_agg(distinct to_jsonb(v)::text), '{}') into v_needles
    from unnest(p_values) v where char_length(btrim(v)) >= 2;
  if cardinality(v_needles) = 0 then
    return;
  end if;
  update conversations c set last_reply = null
   where c.last_reply is not null and exists (select 1 from unnest(v_needles) x where strpos(c.last_reply::text, x) > 0);
  delete from outbox o
   where o.status in ('sent', 'skipped', 'failed', 'uncertain')
     and exists (select 1 from unnest(v_needles) x where strpos(o.payload::text, x) > 0);
end
$$;

-- effect withdraw_contact: the person no longer agrees to be contacted: their name and phone
-- leave every nomination they made, their contact consent is marked withdrawn
create function public.fx_withdraw_contact(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_quotes text[];
  v_codes text[];
  v_consents int;
begin
  select coalesce(array_agg(x), '{}') into v_quotes from (
    select contact_name x from nominations where nominator_id = p_member.id and contact_name is not null
    union select contact_phone from nominations where nominator_id = p_member.id and contact_phone is not null) s;
  with changed as (
    update nominations set contact_consent = false, contact_name = null, contact_phone = null, updated_at = now()
     where nominator_id = p_member.id and (contact_consent or contact_name is not null or contact_phone is not null)
    returning receipt_code, created_at
  )
  select coalesce(array_agg(receipt_code order by created_at, receipt_code), '{}') into v_codes from changed;
  update member_consents set withdrawn_at = now()
   where member_id = p_member.id and purpose = 'contact' and withdrawn_at is null;
  get diagnostics v_consents = row_count;
  if cardinality(v_codes) = 0 and v_consents = 0 then
    return jsonb_build_object('type', 'withdraw_contact', 'status', 'nothing');
  end if;
  -- a finished form kept for a repeated "send" holds the phone typed into it (this chat's state is
  -- saved without it by the turn itself)
  update conversations set state = state #- '{answers,lastForm}'
   where member_id = p_member.id and state -> 'answers' ? 'lastForm';
  perform forget_quotes(v_quotes);
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'member.contact_withdrawn', 'member', p_member.id::text,
          jsonb_build_object('nominations', cardinality(v_codes), 'consents', v_consents));
  return jsonb_build_object('type', 'withdraw_contact', 'status', 'withdrawn', 'codes', to_jsonb(v_codes));
end
$$;

-- effect delete_my_data: the person asked to be forgotten (decree 13/2023). their identities,
-- conversations, link codes and attempts, outbox rows, consents, comments and contact data go;
-- their roles are revoked without their name; their answers on their own nominations are
-- cleared; the member row stays as an anonymous record (see the header) so that nominations,
-- endorsements and votes stay counted; the processed-event records of their chats go (a copy of
-- this very event delivered again is then a new person's first message). this turn's
-- conversation is detached from the chat rather than deleted, so the save that follows can keep
-- the reply until it is delivered; the retention job removes it. an audit row records that a
-- deletion happened, with counts only.
--   {status: 'deleted', nominations, endorsements}   something was held and is gone
--   {status: 'nothing'}                                only the identity of this very chat was held (a
--                                                      new person: e.g. deleting twice from one chat)
create function public.fx_delete_my_data(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_id uuid := p_member.id;
  v_conv uuid := try_uuid(p_context ->> 'conversationId');
  v_chats text[];
  v_quotes text[];
  v_nominations int;
  v_endorsements int;
  v_held boolean;
  v_identities int;
  v_conversations int;
begin
  perform 1 from members where id = v_id for update;
  if p_member.deleted_at is not null then
    return jsonb_build_object('type', 'delete_my_data', 'status', 'nothing');
  end if;

  -- what identifies the person: their platform ids and chats, their names and phones
  select coalesce(array_agg(distinct x), '{}') into v_chats from (
    select chat_id x from member_identities where member_id = v_id
    union select external_id from member_identities where member_id = v_id
    union select chat_id from conversations where member_id = v_id and chat_id not like 'deleted:%'
    union select chat_id from outbox where member_id = v_id and chat_id is not null) s;
  select coalesce(array_agg(x), '{}') into v_quotes from (
    select unnest(v_chats) x
    union select contact_name from nominations where nominator_id = v_id and contact_name is not null
    union select contact_phone from nominations where nominator_id = v_id and contact_phone is not null
    union select display_name from members where id = v_id and display_name is not null
    union select holder_name from member_roles where member_id = v_id and holder_name is not null
    union select holder_name from invitations where used_by = v_id and holder_name is not null) s;

  select count(*) into v_nominations from nominations where nominator_id = v_id;
  select count(*) into v_endorsements from endorsements where member_id = v_id;
  v_held := v_nominations > 0 or v_endorsements > 0
    or exists (select 1 from member_roles where member_id = v_id)
    -- the privacy notice recorded too: a person who was told anything had a conversation worth deleting
    or exists (select 1 from member_consents where member_id = v_id)
    or exists (select 1 from public_comments where member_id = v_id)
    or exists (select 1 from council_votes where member_id = v_id)
    or exists (select 1 from member_identities where member_id = v_id and chat_id not in (
                 select chat_id from conversations where id = v_conv))
    or exists (select 1 from conversations where member_id = v_id and id is distinct from v_conv)
    or p_member.display_name is not null;

  -- roles first: whatever a role change queues for the person's chats is removed below with the rest
  update member_roles set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, v_id), holder_name = null
   where member_id = v_id;
  update invitations set holder_name = null where used_by = v_id and holder_name is not null;

  update nominations set contact_consent = false, contact_name = null, contact_phone = null, updated_at = now()
   where nominator_id = v_id and (contact_consent or contact_name is not null or contact_phone is not null);
  -- what they typed answering questions about their own nominations
  update nomination_status_history h set note = null
    from nominations n
   where n.id = h.nomination_id and n.nominator_id = v_id and h.actor_member_id = v_id and h.note is not null;
  delete from public_comments where member_id = v_id;
  delete from member_consents where member_id = v_id;
  delete from account_link_attempts where member_id = v_id;
  delete from account_link_codes where member_id = v_id;
  -- link requests, where the secure linking migration has added them
  if to_regclass('public.account_link_requests') is not null then
    execute 'delete from public.account_link_requests where owner_member_id = $1 or requester_member_id = $1' using v_id;
  end if;

  delete from member_identities where member_id = v_id;
  get diagnostics v_identities = row_count;
  delete from conversations where member_id = v_id and id is distinct from v_conv;
  get diagnostics v_conversations = row_count;
  update conversations
     set chat_id = 'deleted:' || id::text,
         state = '{"flow":null,"step":null,"answers":{},"trail":[]}'::jsonb,
         last_reply = null
   where id = v_conv and member_id = v_id;
  delete from inbound_events e
   where exists (select 1 from unnest(v_chats) c where right(e.scope, char_length(c) + 1) = ':' || c);
  delete from outbox where member_id = v_id or chat_id = any (v_chats);
  perform forget_quotes(v_quotes);

  update members
     set display_name = null, unit_id = null, locale = 'vi', announcements_opt_in = false, reachable = false,
         ward_chosen_at = null, deleted_at = now(), updated_at = now()
   where id = v_id;

  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, null, 'member.data_deleted', 'member', v_id::text,
          jsonb_build_object('nominations', v_nominations, 'endorsements', v_endorsements,
                             'identities', v_identities, 'conversations', v_conversations + case when v_conv is null then 0 else 1 end));

  if not v_held then
    return jsonb_build_object('type', 'delete_my_data', 'status', 'nothing');
  end if;
  return jsonb_build_object('type', 'delete_my_data', 'status', 'deleted',
                            'nominations', v_nominations, 'endorsements', v_endorsements);
end
$$;

-- effect join_ward {code}: the person picks their ward by its code or name (a deep link
-- "?start=w-<code>", /phuong <code>, the first-contact question). only someone nothing ties to
-- their ward yet (no nomination, endorsement or role) moves; their other chats' forms, which
-- belong to the old ward, are closed. an empty code asks where the person is.
--   {status: 'joined' | 'already', ward}         now in that ward
--   {status: 'settled', ward}                     tied to their ward: no move
--   {status: 'not_found', code, wards: [...]}    no such ward (the wards to pick from)
--   {status: 'info', ward, movable, wards: [...]} where the person is (an empty code)
create function public.fx_join_ward(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_typed text := btrim(coalesce(p_effect ->> 'code', ''));
  v_current wards;
  v_ward wards;
  v_wards jsonb;
  v_movable boolean := member_movable(p_member.id);
begin
  select * into strict v_current from wards where id = p_member.ward_id;
  select coalesce(jsonb_agg(jsonb_build_object('code', w.code, 'name', w.name) order by w.name, w.code), '[]'::jsonb)
    into v_wards from (select * from wards order by name, code limit 50) w;
  if v_typed = '' then
    return jsonb_build_object('type', 'join_ward', 'status', 'info', 'ward', v_current.name,
                              'movable', v_movable and jsonb_array_length(v_wards) > 1, 'wards', v_wards);
  end if;
  -- by code, else by name (with or without "phường"/"xã" and diacritics); an ambiguous name is unknown
  select * into v_ward from wards where code = lower(v_typed);
  if not found then
    select * into v_ward from wards w
     where vn_fold(w.name) = vn_fold(v_typed)
        or regexp_replace(vn_fold(w.name), '^(phuong|xa|thi tran) ', '') = regexp_replace(vn_fold(v_typed), '^(phuong|xa|thi tran) ', '')
     order by w.code limit 2;
    if found and (select count(*) from wards w
                   where vn_fold(w.name) = vn_fold(v_typed)
                      or regexp_replace(vn_fold(w.name), '^(phuong|xa|thi tran) ', '') = regexp_replace(vn_fold(v_typed), '^(phuong|xa|thi tran) ', '')) > 1 then
      v_ward := null;
    end if;
  end if;
  if v_ward.id is null then
    return jsonb_build_object('type', 'join_ward', 'status', 'not_found', 'code', left(v_typed, 40), 'wards', v_wards);
  end if;
  if v_ward.id = p_member.ward_id then
    -- a person asked at the first contact who picks the ward they were put in has chosen it now
    if p_member.ward_chosen_at is null then
      update members set ward_chosen_at = now() where id = p_member.id;
      return jsonb_build_object('type', 'join_ward', 'status', 'joined', 'ward', v_ward.name);
    end if;
    return jsonb_build_object('type', 'join_ward', 'status', 'already', 'ward', v_ward.name);
  end if;
  if not v_movable then
    return jsonb_build_object('type', 'join_ward', 'status', 'settled', 'ward', v_current.name);
  end if;
  update members set ward_id = v_ward.id, unit_id = null, ward_chosen_at = now(), updated_at = now()
   where id = p_member.id;
  -- a form open in another chat of the person was filled in for the old ward's campaigns
  update conversations set state = '{"flow":null,"step":null,"answers":{},"trail":[],"lookup":{"kind":"member_standing"}}'::jsonb,
                           version = version + 1, updated_at = now()
   where member_id = p_member.id and id is distinct from try_uuid(p_context ->> 'conversationId') and state ->> 'flow' is not null;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_ward.id, p_member.id, 'member.ward_joined', 'member', p_member.id::text,
          jsonb_build_object('from', v_current.id, 'to', v_ward.id));
  return jsonb_build_object('type', 'join_ward', 'status', 'joined', 'ward', v_ward.name);
end
$$;

-- 5. wards kept apart ------------------------------------------------------------------------------

-- whether the member holds the role now in their own ward (for a leader: of that unit, or of any
-- unit when null). a role granted in another ward than the member's (an account linked or moved
-- across wards) counts for nothing, and neither does a deleted member's.
create or replace function public.has_role(p_member_id uuid, p_role text, p_unit_id uuid default null) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r join members m on m.id = r.member_id
                  where r.member_id = p_member_id and r.role = p_role and r.revoked_at is null
                    and r.ward_id = m.ward_id and m.deleted_at is null
                    and (p_unit_id is null or r.unit_id = p_unit_id))
$$;

-- whether the member may screen this nomination: an officer of its ward (their role granted in
-- that ward, and the member in it), or its unit's leader when the nomination is neither their own
-- nor their unit head's
create or replace function public.can_screen(p_member_id uuid, p_nomination public.nominations) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r join members m on m.id = r.member_id
                  where r.member_id = p_member_id and r.role = 'officer' and r.revoked_at is null
                    and r.ward_id = p_nomination.ward_id and m.ward_id = p_nomination.ward_id and m.deleted_at is null)
      or (has_role(p_member_id, 'leader', p_nomination.unit_id)
          and p_nomination.nominator_id <> p_member_id
          and p_nomination.led_unit_id is distinct from p_nomination.unit_id)
$$;

-- queues one notice per current holder of a role in a ward (a leader's role: of one unit): only
-- roles granted in that ward, held by members of that ward; returns how many were queued
create or replace function public.notify_role(p_ward_id uuid, p_role text, p_unit_id uuid, p_key text, p_payload jsonb,
                                              p_except uuid default null)
returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_count int := 0;
  v_member uuid;
begin
  for v_member in
    select distinct r.member_id from member_roles r join members m on m.id = r.member_id
     where m.ward_id = p_ward_id and r.ward_id = p_ward_id and r.role = p_role and r.revoked_at is null
       and m.deleted_at is null
       and (p_unit_id is null or r.unit_id = p_unit_id)
       and r.member_id is distinct from p_except
  loop
    if bot_notify(v_member, p_key || ':' || v_member, p_payload) then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- the roles a member holds now in their ward, as the turn sees them: [{role, unitId}]
create or replace function public.member_roles_json(p_member_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'unitId', r.unit_id) order by r.role, r.unit_id), '[]'::jsonb)
    from member_roles r join members m on m.id = r.member_id
   where r.member_id = p_member_id and r.revoked_at is null and r.ward_id = m.ward_id
$$;

-- effect mine: what this member nominated and what they endorsed in their ward, newest first, 20 of each
create or replace function public.effect_mine(p_member public.members) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('type', 'mine',
    'nominations', coalesce((
      select jsonb_agg(nomination_summary(n.id) order by n.created_at desc, n.id)
        from (select id, created_at from nominations where nominator_id = p_member.id and ward_id = p_member.ward_id
               order by created_at desc, id limit 20) n), '[]'::jsonb),
    'endorsements', coalesce((
      select jsonb_agg(nomination_summary(e.nomination_id) order by e.created_at desc, e.nomination_id)
        from (select e.nomination_id, e.created_at from endorsements e join nominations n on n.id = e.nomination_id
               where e.member_id = p_member.id and n.ward_id = p_member.ward_id
               order by e.created_at desc, e.nomination_id limit 20) e), '[]'::jsonb))
$$;

-- up to 3 nominations of a campaign and unit whose nominee looks like p_name (as before), and only
-- of the ward of the member who asks: whoever calls it, another ward's nominations never show
create or replace function public.similar_nominations(p_campaign_id uuid, p_unit_id uuid, p_member_id uuid, p_name text)
returns jsonb
language plpgsql stable
set search_path = public, extensions, pg_temp
as $$
declare
  -- folded once here: inside a query postgres would fold it again for every row compared
  v_folded text := vn_fold(p_name);
  v_digits text := vn_digit_groups(vn_fold(p_name));
  v_threshold real := nominee_similarity_threshold();
  v_ward uuid := (select ward_id from members where id = p_member_id);
begin
  if btrim(coalesce(p_name, '')) = '' then
    return '[]'::jsonb;
  end if;
  return (
    select coalesce(jsonb_agg(
             jsonb_build_object(
               'id', s.id, 'code', s.receipt_code, 'nomineeName', s.nominee_name,
               'categoryId', s.category_id,
               'endorsements', (select count(*) from endorsements e where e.nomination_id = s.id),
               'mine', s.nominator_id = p_member_id,
               'endorsedByMe', exists (select 1 from endorsements e
                                        where e.nomination_id = s.id and e.member_id = p_member_id))
             order by s.exact desc, s.score desc, s.created_at), '[]'::jsonb)
      from (select n.id, n.receipt_code, n.nominee_name, n.category_id, n.nominator_id,
                   n.created_at, n.nominee_folded = v_folded as exact,
                   extensions.similarity(n.nominee_folded, v_folded) as score
              from nominations n
             where n.campaign_id = p_campaign_id and n.unit_id = p_unit_id
               and n.status <> 'withdrawn'
               and (p_member_id is null or n.ward_id = v_ward)
               and (n.nominee_folded = v_folded
                    or extensions.similarity(n.nominee_folded, v_folded) >= v_threshold)
               and vn_digit_groups(n.nominee_folded) = v_digits
             order by exact desc, score desc, n.created_at
             limit 3) s);
end
$$;

-- nominations like the typed name (and like the question's quick answer) in a campaign and unit
-- of the member's own ward; nothing for another ward's campaign or unit
create or replace function public.lookup_similar_nominations(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, extensions, pg_temp
as $$
declare
  v_campaign uuid := try_uuid(p_request ->> 'campaignId');
  v_unit uuid := try_uuid(p_request ->> 'unitId');
begin
  if not exists (select 1 from campaigns where id = v_campaign and ward_id = p_member.ward_id)
     or not exists (select 1 from units where id = v_unit and ward_id = p_member.ward_id) then
    return jsonb_build_object('matches', '[]'::jsonb, 'quickMatches', '[]'::jsonb);
  end if;
  return jsonb_build_object(
    'matches', similar_nominations(v_campaign, v_unit, p_member.id, p_input),
    'quickMatches', similar_nominations(v_campaign, v_unit, p_member.id, p_request ->> 'quickName'));
end
$$;

-- effect progress (as before): an officer sees every unit of their ward, a leader their own
-- units of their ward and the ward's totals; roles of another ward count for nothing
create or replace function public.fx_progress(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_officer boolean := has_role(p_member.id, 'officer');
  v_units uuid[];
begin
  if not v_officer then
    select array_agg(unit_id) into v_units from member_roles
     where member_id = p_member.id and role = 'leader' and revoked_at is null and ward_id = p_member.ward_id
       and p_member.deleted_at is null;
    if v_units is null then
      return jsonb_build_object('type', 'progress', 'status', 'forbidden');
    end if;
  end if;

  return jsonb_build_object('type', 'progress', 'status', 'ok', 'scope', case when v_officer then 'ward' else 'unit' end,
    'campaigns', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', c.id, 'titleVi', c.title_vi, 'titleEn', c.title_en,
               'phases', coalesce((
                 select jsonb_agg(jsonb_build_object(
                          'seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                          'startsOn', p.starts_on, 'endsOn', p.ends_on, 'deadline', iso_utc(p.deadline),
                          'quotaCollectives', p.quota_collectives, 'quotaIndividuals', p.quota_individuals,
                          'quotaIsMinimum', p.quota_is_minimum,
                          'honouredCollectives', (select count(*) from honours h join nominations n on n.id = h.nomination_id
                                                   where h.phase_id = p.id and n.kind = 'collective' and n.status = 'honoured'),
                          'honouredIndividuals', (select count(*) from honours h join nominations n on n.id = h.nomination_id
                                                   where h.phase_id = p.id and n.kind = 'individual' and n.status = 'honoured'))
                        order by p.seq)
                   from campaign_phases p where p.campaign_id = c.id), '[]'::jsonb),
               'units', coalesce((
                 select jsonb_agg(jsonb_build_object('unitId', u.id, 'name', u.name, 'submitted', t.submitted,
                                                     'forwarded', t.forwarded, 'proposed', t.proposed, 'honoured', t.honoured)
                                  order by array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], u.kind), u.seq, u.name)
                   from unit_tallies(c.id) t join units u on u.id = t.unit_id
                  where v_officer or t.unit_id = any (v_units)), '[]'::jsonb),
               'total', (select jsonb_build_object('submitted', coalesce(sum(t.submitted), 0), 'forwarded', coalesce(sum(t.forwarded), 0),
                                                   'proposed', coalesce(sum(t.proposed), 0), 'honoured', coalesce(sum(t.honoured), 0))
                           from unit_tallies(c.id) t))
             order by c.opens_at nulls last, c.code)
        from campaigns c where c.ward_id = p_member.ward_id and c.status = 'open'), '[]'::jsonb));
end
$$;

-- 6. retention --------------------------------------------------------------------------------------

-- what replaces a nominee's deeds once the campaign's records are no longer kept (the column
-- needs 20 to 2000 characters)
create function public.retention_deeds_placeholder() returns text
language sql immutable
set search_path = pg_temp
as $$ select 'Nội dung đã được xóa khi hết thời hạn lưu hồ sơ của đợt.'::text $$;

-- the nightly clean-up for the moment p_at (the bot's clock; `npm run job -- retention --now`
-- runs it for any moment). p_days: {events, conversations, links, outbox, nomineeData}, whole
-- days, each at least 1 (the configuration checks them). returns counts only:
--   events         processed-event records older than `events` days
--   conversations  conversations without an open form, silent for `conversations` days (and the
--                  rows a deletion detached from their chat, once their reply was delivered)
--   linkCodes      link codes used or expired `links` days ago; linkAttempts: attempts as old
--   outbox         finished outbox rows (sent, skipped, failed, uncertain) older than `outbox` days
--   nomineeData    nominations whose photo and deeds were cleared: their campaign closed more
--                  than `nomineeData` days ago
create function public.bot_retention_run(p_at timestamptz, p_days jsonb) returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_days int;
  v_events int;
  v_conversations int;
  v_detached int;
  v_codes int;
  v_attempts int;
  v_outbox int;
  v_nominees int;
begin
  if p_at is null then
    raise exception 'bot_retention_run: the moment is required';
  end if;
  foreach v_days in array array[(p_days ->> 'events')::int, (p_days ->> 'conversations')::int, (p_days ->> 'links')::int,
                                (p_days ->> 'outbox')::int, (p_days ->> 'nomineeData')::int] loop
    if v_days is null or v_days < 1 then
      raise exception 'bot_retention_run: every period must be at least one day: %', p_days;
    end if;
  end loop;

  delete from inbound_events where processed_at < p_at - make_interval(days => (p_days ->> 'events')::int);
  get diagnostics v_events = row_count;

  delete from conversations
   where chat_id not like 'deleted:%' and state ->> 'flow' is null
     and updated_at < p_at - make_interval(days => (p_days ->> 'conversations')::int);
  get diagnostics v_conversations = row_count;
  delete from conversations
   where chat_id like 'deleted:%' and (reply_state = 'delivered' or updated_at < p_at - interval '1 day');
  get diagnostics v_detached = row_count;

  delete from account_link_attempts where at < p_at - make_interval(days => (p_days ->> 'links')::int);
  get diagnostics v_attempts = row_count;
  delete from account_link_codes
   where coalesce(used_at, expires_at) < p_at - make_interval(days => (p_days ->> 'links')::int);
  get diagnostics v_codes = row_count;

  delete from outbox
   where status in ('sent', 'skipped', 'failed', 'uncertain')
     and coalesce(sent_at, not_before, created_at) < p_at - make_interval(days => (p_days ->> 'outbox')::int);
  get diagnostics v_outbox = row_count;

  update nominations n
     set photo_ref = null, deeds = retention_deeds_placeholder(), nominee_data_cleared_at = p_at, updated_at = now()
    from campaigns c
   where c.id = n.campaign_id and c.status = 'closed'
     and coalesce(c.closed_at, c.closes_at) < p_at - make_interval(days => (p_days ->> 'nomineeData')::int)
     and n.nominee_data_cleared_at is null;
  get diagnostics v_nominees = row_count;

  return jsonb_build_object('events', v_events, 'conversations', v_conversations + v_detached,
                            'linkCodes', v_codes, 'linkAttempts', v_attempts, 'outbox', v_outbox,
                            'nomineeData', v_nominees);
end
$$;

-- 7. handlers and security ------------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('lookup', 'member_standing', 'public.lookup_member_standing(public.members, jsonb, text)'),
  ('effect', 'privacy_notice', 'public.fx_privacy_notice(public.members, jsonb, jsonb)'),
  ('effect', 'my_data', 'public.fx_my_data(public.members, jsonb, jsonb)'),
  ('effect', 'withdraw_contact', 'public.fx_withdraw_contact(public.members, jsonb, jsonb)'),
  ('effect', 'delete_my_data', 'public.fx_delete_my_data(public.members, jsonb, jsonb)'),
  ('effect', 'join_ward', 'public.fx_join_ward(public.members, jsonb, jsonb)');

alter table public.member_consents enable row level security;
revoke all on table public.member_consents from public, anon, authenticated;

revoke execute on function
  public.record_member_consent(uuid, text, text),
  public.campaigns_note_closed(),
  public.member_movable(uuid),
  public.lookup_member_standing(public.members, jsonb, text),
  public.fx_privacy_notice(public.members, jsonb, jsonb),
  public.mask_id(text),
  public.mask_phone(text),
  public.fx_my_data(public.members, jsonb, jsonb),
  public.forget_quotes(text[]),
  public.fx_withdraw_contact(public.members, jsonb, jsonb),
  public.fx_delete_my_data(public.members, jsonb, jsonb),
  public.fx_join_ward(public.members, jsonb, jsonb),
  public.has_role(uuid, text, uuid),
  public.can_screen(uuid, public.nominations),
  public.notify_role(uuid, text, uuid, text, jsonb, uuid),
  public.member_roles_json(uuid),
  public.effect_mine(public.members),
  public.similar_nominations(uuid, uuid, uuid, text),
  public.lookup_similar_nominations(public.members, jsonb, text),
  public.fx_progress(public.members, jsonb, jsonb),
  public.retention_deeds_placeholder(),
  public.bot_retention_run(timestamptz, jsonb)
from public, anon, authenticated;
grant execute on function public.bot_retention_run(timestamptz, jsonb) to service_role;
