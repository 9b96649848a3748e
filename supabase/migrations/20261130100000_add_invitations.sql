-- add_invitations: roles in chat. an officer invites someone to a role (leader of a unit, officer,
-- member of the ward's emulation council) with a one-time code valid 7 days; the invited person
-- accepts or declines; officers list the people with roles and revoke one. every role change is
-- in the audit log with who did it, and reaches the person's telegram command menu.
--
-- what is here:
--   1. invitations: the form that made one (a repeated "create" gives the same code), new codes
--   2. telegram command menus per chat: queued in the outbox (kind 'menu') by a trigger on
--      member_roles, in the transaction of the role change, whatever made the change (and again
--      at a person's first telegram chat, when telegram could not take it before, and for every
--      role holder when a new version of the bot brings new commands)
--   3. roles follow an identity moved by account linking (merge_members deleted them before)
--   4. what an invitation means for the person who typed its code
--   5. effects: invite_create, invite_accept, invite_decline, role_revoke
--   6. lookups: invitation, unit_leaders, role_holders
--   7. the allow-list, rls and grants
--
-- every function that acts for an officer checks the role itself: a resident's member id gets
-- {status: 'forbidden'}, never a row. expected outcomes are values, never exceptions.
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. invitations -------------------------------------------------------------------------------------

-- the officer's form: pressing "create" twice (or a redelivered update) gives the same invitation
alter table public.invitations add column form_id uuid unique;

-- 8 characters from an alphabet without look-alikes (no 0 O 1 I L), as the table checks; 32
-- random bits of gen_random_uuid per character (a strong random source everywhere)
create function public.invitation_new_code() returns text
language plpgsql volatile
set search_path = public, pg_temp
as $$
declare
  v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  v_code text;
begin
  loop
    select string_agg(substr(v_alphabet,
             (('x' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 8))::bit(32)::bigint % 31)::int + 1, 1), '')
      into v_code
      from generate_series(1, 8);
    exit when not exists (select 1 from invitations where code = v_code);
  end loop;
  return v_code;
end
$$;

-- whether a text is a uuid (ids in effects are checked before they are cast)
create function public.roles_uuid_ok(p_text text) returns boolean
language sql immutable
set search_path = public, pg_temp
as $$
  select coalesce(p_text, '') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
$$;

-- whether the member holds the officer role in this ward now
create function public.ward_officer_now(p_member_id uuid, p_ward_id uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r
                  where r.member_id = p_member_id and r.role = 'officer' and r.revoked_at is null
                    and r.ward_id = p_ward_id)
$$;

-- 2. telegram command menus per chat ----------------------------------------------------------------

-- queues the member's current roles for each of their telegram chats (payload {menu: {roles}},
-- kind 'menu', urgent: a menu is silent, so neither quiet hours nor an open form hold it). the
-- telegram sender sets the chat's command menu from it (setMyCommands with scope chat) or removes
-- it when no role is left. the key names the chat and the state of the roles (and p_reason: a
-- new set of commands in the bot), so the same state is queued once per chat; a newer state
-- supersedes an older one not sent yet. returns how many were queued.
create function public.role_menu_queue(p_member_id uuid, p_reason text default '') returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_ward uuid;
  v_roles jsonb;
  v_stamp text;
  v_chat text;
  v_id bigint;
  v_count int := 0;
begin
  select ward_id into v_ward from members where id = p_member_id and deleted_at is null;
  if v_ward is null then
    return 0;
  end if;
  v_roles := member_roles_json(p_member_id);
  -- every grant adds a row and every revoke marks one, so the counts tell each change from the
  -- last (granting a role again after a revoke is a new state, whatever the clocks say)
  select count(*) || ':' || count(revoked_at) into v_stamp from member_roles where member_id = p_member_id;
  if v_stamp = '0:0' then
    return 0;
  end if;
  -- a private telegram chat's id is the person's user id
  for v_chat in select external_id from member_identities where member_id = p_member_id and channel = 'telegram' loop
    v_id := null;
    -- the same state refused before (telegram knows no chat with a person who never opened
    -- one with the bot) is tried again: this runs again when they do
    insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, urgent, not_before)
    values (v_ward, 'menu:' || v_chat || ':' || md5(v_roles::text || v_stamp || coalesce(p_reason, '')), p_member_id, 'telegram', v_chat,
            jsonb_build_object('menu', jsonb_build_object('roles', v_roles)), 'menu', true, bot_now())
    on conflict (dedupe_key) do update
      set status = 'pending', attempts = 0, last_error = null, not_before = excluded.not_before, member_id = excluded.member_id
      where outbox.status in ('failed', 'skipped')
    returning id into v_id;
    if v_id is not null then
      update outbox set status = 'skipped', last_error = 'superseded'
       where channel = 'telegram' and chat_id = v_chat and kind = 'menu' and status = 'pending' and id <> v_id;
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- how many menus the current transaction queued for the member (a result's `notified` counts
-- them, so the delivery worker is woken for them)
create function public.role_menus_queued_now(p_member_id uuid) returns int
language sql stable
set search_path = public, pg_temp
as $$
  select count(*)::int from outbox where member_id = p_member_id and kind = 'menu' and created_at = now()
$$;

create function public.member_roles_queue_menu() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  perform role_menu_queue(new.member_id);
  if tg_op = 'UPDATE' and old.member_id is distinct from new.member_id then
    perform role_menu_queue(old.member_id);
  end if;
  return null;
end
$$;

-- every role change (an invitation accepted, a revoke, the first officers from configuration,
-- a later capability's own) reaches the person's telegram menu in its own transaction
create trigger member_roles_queue_menu after insert or update on public.member_roles
  for each row execute function public.member_roles_queue_menu();

-- a person's first chat with the bot on telegram: a menu queued before (the first officers from
-- configuration, named before they ever wrote) could not be set then, and is set now
create function public.conversations_queue_menu() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  if new.channel = 'telegram' then
    perform role_menu_queue(new.member_id);
  end if;
  return null;
end
$$;

create trigger conversations_queue_menu after insert on public.conversations
  for each row execute function public.conversations_queue_menu();

-- at start, the telegram channel names the version of its menus (a hash of the commands they
-- list): when a new version of the bot brings new commands, every role holder's chat menu is
-- set again, once whatever the number of processes. returns how many were queued.
create function public.bot_role_menus_refresh(p_version text) returns int
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_count int := 0;
  v_member uuid;
begin
  for v_member in
    select distinct r.member_id from member_roles r join member_identities i on i.member_id = r.member_id and i.channel = 'telegram'
     where r.revoked_at is null
  loop
    v_count := v_count + role_menu_queue(v_member, 'commands:' || coalesce(p_version, ''));
  end loop;
  return v_count;
end
$$;

-- 3. roles follow account linking -----------------------------------------------------------------------

-- merge_members moves identities, nominations and the rest to the kept member, then deletes the
-- other one, whose member_roles rows went with it (on delete cascade). moving an identity now
-- takes the roles of the member it came from along (a role both held stays once), and the
-- telegram chat joining a member with roles gets their menu.
create function public.member_identities_follow_roles() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_moved int;
begin
  if old.member_id is not distinct from new.member_id then
    return null;
  end if;
  update member_roles r set member_id = new.member_id
   where r.member_id = old.member_id
     and not (r.revoked_at is null and exists (
           select 1 from member_roles x
            where x.member_id = new.member_id and x.revoked_at is null and x.role = r.role
              and x.unit_id is not distinct from r.unit_id));
  get diagnostics v_moved = row_count;
  if v_moved > 0 then
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    select m.ward_id, null, 'role.moved', 'member', new.member_id::text,
           jsonb_build_object('from', old.member_id, 'rows', v_moved, 'by', 'account_link')
      from members m where m.id = new.member_id;
  end if;
  if new.channel = 'telegram' then
    perform role_menu_queue(new.member_id);
  end if;
  return null;
end
$$;

create trigger member_identities_follow_roles after update of member_id on public.member_identities
  for each row execute function public.member_identities_follow_roles();

-- 4. what an invitation means for the person who typed its code ------------------------------------

-- one status, in the order a person needs to hear it: not_found (mistyped or unknown look the
-- same), other_ward, declined, used_by_you, used, expired, withdrawn (its officer no longer is
-- one), own (the officer's own invitation), already_holds, unit_has_leader, open
create function public.invitation_status(p_member public.members, p_inv public.invitations) returns text
language sql stable
set search_path = public, pg_temp
as $$
  select case
    when p_inv.id is null then 'not_found'
    when p_inv.ward_id <> p_member.ward_id then 'other_ward'
    when p_inv.declined_at is not null then 'declined'
    when p_inv.used_at is not null and p_inv.used_by = p_member.id then 'used_by_you'
    when p_inv.used_at is not null then 'used'
    when p_inv.expires_at <= bot_now() then 'expired'
    when not ward_officer_now(p_inv.invited_by, p_inv.ward_id) then 'withdrawn'
    when p_inv.invited_by = p_member.id then 'own'
    when has_role(p_member.id, p_inv.role, p_inv.unit_id) then 'already_holds'
    when p_inv.role = 'leader' and not p_inv.allow_second_leader and exists (
           select 1 from member_roles r
            where r.role = 'leader' and r.unit_id = p_inv.unit_id and r.revoked_at is null
              and r.member_id <> p_member.id) then 'unit_has_leader'
    else 'open'
  end
$$;

-- the role an invitation or a grant is for, as the bot shows it: {role, unitId, unitName, unitKind}
create function public.role_view_json(p_role text, p_unit_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('role', p_role, 'unitId', p_unit_id, 'unitName', u.name, 'unitKind', u.kind)
    from (select 1) one left join units u on u.id = p_unit_id
$$;

-- the name an officer shows under (their officer role's holder name), or null
create function public.officer_holder_name(p_member_id uuid) returns text
language sql stable
set search_path = public, pg_temp
as $$
  select holder_name from member_roles
   where member_id = p_member_id and role = 'officer' and holder_name is not null
   order by revoked_at is null desc, granted_at desc limit 1
$$;

-- an invitation typed as "abcd 2345" or "ABCD-2345" is the same code
create function public.invitation_code_of(p_text text) returns text
language sql immutable
set search_path = public, pg_temp
as $$
  select upper(regexp_replace(coalesce(p_text, ''), '[\s_.-]', '', 'g'))
$$;

-- 5. effects -----------------------------------------------------------------------------------------

-- effect invite_create {formId, role, unitId, holderName, allowSecondLeader}: an officer's
-- invitation, valid 7 days on the bot's clock. answers created | already (same form) with the
-- code, or forbidden | invalid.
create function public.fx_invite_create(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_role text := p_effect ->> 'role';
  v_unit uuid;
  v_name text := nullif(btrim(regexp_replace(coalesce(p_effect ->> 'holderName', ''), '\s+', ' ', 'g')), '');
  v_form uuid;
  v_inv invitations;
  v_status text := 'created';
begin
  if not ward_officer_now(p_member.id, p_member.ward_id) then
    return jsonb_build_object('type', 'invite_create', 'status', 'forbidden');
  end if;
  if v_role is null or v_role not in ('leader', 'officer', 'council')
     or not roles_uuid_ok(p_effect ->> 'formId')
     or char_length(coalesce(v_name, '')) > 100 then
    return jsonb_build_object('type', 'invite_create', 'status', 'invalid');
  end if;
  v_form := (p_effect ->> 'formId')::uuid;
  if v_role = 'leader' then
    if not roles_uuid_ok(p_effect ->> 'unitId') then
      return jsonb_build_object('type', 'invite_create', 'status', 'invalid');
    end if;
    select id into v_unit from units where id = (p_effect ->> 'unitId')::uuid and ward_id = p_member.ward_id and active;
    if v_unit is null then
      return jsonb_build_object('type', 'invite_create', 'status', 'invalid');
    end if;
  end if;

  select * into v_inv from invitations where form_id = v_form;
  if v_inv.id is not null then
    if v_inv.invited_by is distinct from p_member.id then
      return jsonb_build_object('type', 'invite_create', 'status', 'invalid');
    end if;
    v_status := 'already';
  else
    insert into invitations (ward_id, code, role, unit_id, holder_name, allow_second_leader, invited_by, expires_at, form_id, created_at)
    values (p_member.ward_id, invitation_new_code(), v_role, v_unit, v_name,
            v_role = 'leader' and p_effect -> 'allowSecondLeader' = 'true'::jsonb,
            p_member.id, bot_now() + interval '7 days', v_form, bot_now())
    on conflict (form_id) do nothing
    returning * into v_inv;
    if v_inv.id is null then
      -- the same form, saved a moment ago by another process
      select * into strict v_inv from invitations where form_id = v_form;
      v_status := 'already';
    else
      insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
      values (v_inv.ward_id, p_member.id, 'invitation.created', 'invitation', v_inv.id::text,
              jsonb_build_object('code', v_inv.code, 'role', v_inv.role, 'unit', v_inv.unit_id,
                                 'allowSecondLeader', v_inv.allow_second_leader));
    end if;
  end if;
  return jsonb_build_object('type', 'invite_create', 'status', v_status, 'code', v_inv.code,
                            'holderName', v_inv.holder_name, 'allowSecondLeader', v_inv.allow_second_leader,
                            'expiresAt', iso_utc(v_inv.expires_at))
         || role_view_json(v_inv.role, v_inv.unit_id);
end
$$;

-- the notice the inviting officer gets when their invitation is answered
create function public.invitation_answered_notice(p_inv public.invitations, p_answer text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('notice', 'invitation_answered', 'args',
           jsonb_strip_nulls(jsonb_build_object('answer', p_answer, 'code', p_inv.code, 'name', p_inv.holder_name)
                             || role_view_json(p_inv.role, p_inv.unit_id)))
$$;

-- effect invite_accept {code}: the person who typed the code takes the role. the invitation's row
-- (and, for a leader, the unit's) is locked first, so of two people accepting one code, or two
-- leaders of one unit at once, one wins and the other hears why not.
create function public.fx_invite_accept(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_inv invitations;
  v_status text;
  v_role_id uuid;
  v_notified int := 0;
begin
  select * into v_inv from invitations where code = invitation_code_of(p_effect ->> 'code') for update;
  if v_inv.role = 'leader' then
    perform 1 from units where id = v_inv.unit_id for update;
  end if;
  v_status := invitation_status(p_member, v_inv);
  if v_status <> 'open' then
    return jsonb_build_object('type', 'invite_accept', 'status', v_status);
  end if;

  insert into member_roles (member_id, ward_id, role, unit_id, granted_by, granted_at, holder_name, invitation_id)
  values (p_member.id, v_inv.ward_id, v_inv.role, v_inv.unit_id, v_inv.invited_by, bot_now(), v_inv.holder_name, v_inv.id)
  returning id into v_role_id;
  update invitations set used_at = bot_now(), used_by = p_member.id where id = v_inv.id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_inv.ward_id, p_member.id, 'role.granted', 'member', p_member.id::text,
          jsonb_build_object('role', v_inv.role, 'unit', v_inv.unit_id, 'roleId', v_role_id, 'by', 'invitation',
                             'invitation', v_inv.id, 'code', v_inv.code, 'invitedBy', v_inv.invited_by));
  if bot_notify(v_inv.invited_by, 'invitation:' || v_inv.id || ':accepted', invitation_answered_notice(v_inv, 'accepted')) then
    v_notified := 1;
  end if;
  return jsonb_build_object('type', 'invite_accept', 'status', 'accepted', 'holderName', v_inv.holder_name,
                            'wardName', (select name from wards where id = v_inv.ward_id),
                            'notified', v_notified + role_menus_queued_now(p_member.id))
         || role_view_json(v_inv.role, v_inv.unit_id);
end
$$;

-- effect invite_decline {code}: the person who typed the code says no; the officer is told
create function public.fx_invite_decline(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_inv invitations;
  v_status text;
  v_notified int := 0;
begin
  select * into v_inv from invitations where code = invitation_code_of(p_effect ->> 'code') for update;
  v_status := invitation_status(p_member, v_inv);
  -- one that cannot be accepted now (a role held, a unit led) can still be declined
  if v_status not in ('open', 'already_holds', 'unit_has_leader') then
    return jsonb_build_object('type', 'invite_decline', 'status', v_status);
  end if;
  -- used_by keeps who answered, here with a no
  update invitations set declined_at = bot_now(), used_by = p_member.id where id = v_inv.id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_inv.ward_id, p_member.id, 'invitation.declined', 'invitation', v_inv.id::text,
          jsonb_build_object('code', v_inv.code, 'role', v_inv.role, 'unit', v_inv.unit_id));
  if bot_notify(v_inv.invited_by, 'invitation:' || v_inv.id || ':declined', invitation_answered_notice(v_inv, 'declined')) then
    v_notified := 1;
  end if;
  return jsonb_build_object('type', 'invite_decline', 'status', 'declined', 'notified', v_notified)
         || role_view_json(v_inv.role, v_inv.unit_id);
end
$$;

-- effect role_revoke {roleId}: an officer ends someone's role (the row as listed: a role granted
-- again since is another row). the ward's officer roles are locked first, so two officers revoking
-- each other at once cannot leave the ward without one: the second finds they are no officer.
-- answers revoked | already | not_found | last_officer | forbidden.
create function public.fx_role_revoke(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_row member_roles;
  v_notified int := 0;
begin
  perform 1 from member_roles where ward_id = p_member.ward_id and role = 'officer' and revoked_at is null for update;
  if not ward_officer_now(p_member.id, p_member.ward_id) then
    return jsonb_build_object('type', 'role_revoke', 'status', 'forbidden');
  end if;
  if not roles_uuid_ok(p_effect ->> 'roleId') then
    return jsonb_build_object('type', 'role_revoke', 'status', 'not_found');
  end if;
  select * into v_row from member_roles where id = (p_effect ->> 'roleId')::uuid and ward_id = p_member.ward_id for update;
  if v_row.id is null then
    return jsonb_build_object('type', 'role_revoke', 'status', 'not_found');
  end if;
  if v_row.revoked_at is not null then
    return jsonb_build_object('type', 'role_revoke', 'status', 'already', 'holderName', v_row.holder_name)
           || role_view_json(v_row.role, v_row.unit_id);
  end if;
  -- the one who revokes is an officer: the ward is left without one only when they revoke their own
  if v_row.role = 'officer' and (select count(*) from member_roles
                                  where ward_id = p_member.ward_id and role = 'officer' and revoked_at is null) <= 1 then
    return jsonb_build_object('type', 'role_revoke', 'status', 'last_officer');
  end if;

  update member_roles set revoked_at = bot_now(), revoked_by = p_member.id where id = v_row.id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_row.ward_id, p_member.id, 'role.revoked', 'member', v_row.member_id::text,
          jsonb_build_object('role', v_row.role, 'unit', v_row.unit_id, 'roleId', v_row.id));
  if v_row.member_id <> p_member.id and bot_notify(v_row.member_id, 'role_revoked:' || v_row.id,
       jsonb_build_object('notice', 'role_revoked', 'args', role_view_json(v_row.role, v_row.unit_id))) then
    v_notified := 1;
  end if;
  return jsonb_build_object('type', 'role_revoke', 'status', 'revoked', 'holderName', v_row.holder_name,
                            'self', v_row.member_id = p_member.id,
                            'notified', v_notified + role_menus_queued_now(v_row.member_id))
         || role_view_json(v_row.role, v_row.unit_id);
end
$$;

-- 6. lookups ---------------------------------------------------------------------------------------------

-- lookup invitation {code}: what the person who typed the code is invited to, or why it cannot be
-- accepted: {status, role, unitName, unitKind, wardName, inviterName, holderName, expiresAt}
create function public.lookup_invitation(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_inv invitations;
  v_status text;
begin
  select * into v_inv from invitations where code = invitation_code_of(p_request ->> 'code');
  v_status := invitation_status(p_member, v_inv);
  if v_status not in ('open', 'already_holds', 'unit_has_leader', 'used_by_you') then
    return jsonb_build_object('status', v_status);
  end if;
  return jsonb_strip_nulls(jsonb_build_object(
           'status', v_status, 'code', v_inv.code,
           'wardName', (select name from wards where id = v_inv.ward_id),
           'inviterName', officer_holder_name(v_inv.invited_by),
           'holderName', v_inv.holder_name,
           'expiresAt', iso_utc(v_inv.expires_at))
         || role_view_json(v_inv.role, v_inv.unit_id));
end
$$;

-- lookup unit_leaders: the ward's current leaders (officers only), for the invitation form to
-- ask about a second leader: {status, leaders: [{unitId, name, since}]}
create function public.lookup_unit_leaders(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
begin
  if not ward_officer_now(p_member.id, p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  return jsonb_build_object('status', 'ok', 'leaders', coalesce((
    select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('unitId', r.unit_id, 'name', r.holder_name, 'since', iso_utc(r.granted_at)))
                     order by r.unit_id, r.granted_at)
      from member_roles r
     where r.ward_id = p_member.ward_id and r.role = 'leader' and r.revoked_at is null), '[]'::jsonb));
end
$$;

-- lookup role_holders {page, size}: the ward's people with roles (officers only), a page at a
-- time: officers, council members, then leaders in the units' order; each with its row id (what
-- a revoke names), the holder's name when the role has one, since when, and whether it is the
-- asker's own: {status, total, page, size, holders: [...]}
create function public.lookup_role_holders(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_size int := least(greatest(coalesce((p_request ->> 'size')::int, 8), 1), 50);
  v_page int := greatest(coalesce((p_request ->> 'page')::int, 0), 0);
  v_total int;
begin
  if not ward_officer_now(p_member.id, p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  select count(*) into v_total from member_roles where ward_id = p_member.ward_id and revoked_at is null;
  -- a page past the end (roles revoked meanwhile) shows the last one
  v_page := least(v_page, greatest((v_total - 1) / v_size, 0));
  return jsonb_build_object('status', 'ok', 'total', v_total, 'page', v_page, 'size', v_size, 'holders', coalesce((
    select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'roleId', t.id, 'role', t.role, 'unitName', t.unit_name, 'unitKind', t.unit_kind,
             'name', t.holder_name, 'since', iso_utc(t.granted_at), 'self', t.member_id = p_member.id)) order by t.n)
      from (select r.*, u.name as unit_name, u.kind as unit_kind,
                   row_number() over (order by array_position(array['officer', 'council', 'leader'], r.role),
                                               array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], u.kind),
                                               u.seq, u.name, r.granted_at, r.id) as n
              from member_roles r left join units u on u.id = r.unit_id
             where r.ward_id = p_member.ward_id and r.revoked_at is null) t
     where t.n > v_page * v_size and t.n <= (v_page + 1) * v_size), '[]'::jsonb));
end
$$;

-- 7. the allow-list, security ------------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'invite_create', 'public.fx_invite_create(public.members, jsonb, jsonb)'),
  ('effect', 'invite_accept', 'public.fx_invite_accept(public.members, jsonb, jsonb)'),
  ('effect', 'invite_decline', 'public.fx_invite_decline(public.members, jsonb, jsonb)'),
  ('effect', 'role_revoke', 'public.fx_role_revoke(public.members, jsonb, jsonb)'),
  ('lookup', 'invitation', 'public.lookup_invitation(public.members, jsonb, text)'),
  ('lookup', 'unit_leaders', 'public.lookup_unit_leaders(public.members, jsonb, text)'),
  ('lookup', 'role_holders', 'public.lookup_role_holders(public.members, jsonb, text)');

revoke execute on function
  public.roles_uuid_ok(text),
  public.invitation_new_code(),
  public.ward_officer_now(uuid, uuid),
  public.role_menu_queue(uuid, text),
  public.bot_role_menus_refresh(text),
  public.role_menus_queued_now(uuid),
  public.member_roles_queue_menu(),
  public.conversations_queue_menu(),
  public.member_identities_follow_roles(),
  public.invitation_status(public.members, public.invitations),
  public.role_view_json(text, uuid),
  public.officer_holder_name(uuid),
  public.invitation_code_of(text),
  public.fx_invite_create(public.members, jsonb, jsonb),
  public.invitation_answered_notice(public.invitations, text),
  public.fx_invite_accept(public.members, jsonb, jsonb),
  public.fx_invite_decline(public.members, jsonb, jsonb),
  public.fx_role_revoke(public.members, jsonb, jsonb),
  public.lookup_invitation(public.members, jsonb, text),
  public.lookup_unit_leaders(public.members, jsonb, text),
  public.lookup_role_holders(public.members, jsonb, text)
from public, anon, authenticated;
grant execute on function public.bot_role_menus_refresh(text) to service_role;
