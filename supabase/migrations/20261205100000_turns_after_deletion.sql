-- turns_after_deletion: a message that arrives while the same person's data is being deleted by
-- another process leaves nothing of them behind.
-- Found by the two-processes test of /xoadulieu on the Postgres server: process B's load read the
-- person's identity just before A's deletion committed, then found their chat free (A had
-- detached its conversation) and opened a new conversation for the member A had just deleted.
-- B's turn then ran on that deleted member, found "nothing to delete", and so the chat id stayed
-- in that conversation and in B's processed-event record.
-- Now:
--   * bot_turn_save treats a member deleted since the load like one merged away since the load:
--     nothing is written, and the turn is run again on a fresh load (which sees the new person);
--   * bot_turn_load gives a chat whose conversation belongs to a deleted member to the person now
--     writing from it, with a fresh state: what was in it belonged to nobody any more.
-- Both checks sit on paths a normal turn does not take (a member that is not the chat's owner, a
-- member row already read by the save), so a turn costs what it did.
-- Why the two entry points are written out again rather than a handler registered: these checks
-- decide whether a turn may run at all (before its event is recorded and before any effect or
-- lookup is dispatched), which is the entry points' own work; no row of bot_handlers runs there.
-- Their bodies are those of open_turn_core with the two checks added.


-- one round trip before a chat turn: who is speaking (and their roles), their conversation,
-- whether the event was seen before (and the reply it got, if that was not delivered), the
-- ward's catalog if the caller's copy is stale, and the lookup the state asked for, answered
-- with this input. it writes only on first contact, after a phase boundary, and to mark the
-- replies the caller delivered since its last call.
create or replace function public.bot_turn_load(
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
  if v_conv.member_id <> v_member.id then
    -- a chat left to a member whose data was deleted while a message of theirs was on its way:
    -- it passes, emptied, to the person writing from it now
    update conversations c
       set member_id = v_member.id, state = default,
           version = c.version + 1, updated_at = now(), last_event_id = null, last_reply = null,
           reply_state = 'delivered', reply_owner = null, reply_at = now()
     where c.id = v_conv.id and c.member_id = v_conv.member_id
       and exists (select 1 from members m where m.id = c.member_id and m.deleted_at is not null)
    returning c.* into v_conv;
    -- otherwise a private chat is one person's: another sender must never see or change its state
    if not found then
      return jsonb_build_object('foreign', true);
    end if;
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

-- one transaction after a chat turn: check the version the turn was computed from and that the
-- conversation is this member's on this channel, record the event as processed, run the turn's
-- effect, store the next state and the reply (kept until delivered). a stale version or a
-- re-delivered event writes nothing, so a double press or a retried webhook is harmless.
create or replace function public.bot_turn_save(
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

  -- the member may have been merged into another one (account linking) or deleted (their data,
  -- by another process) since the load: nothing is written yet, so the turn is simply re-run on
  -- a fresh load
  select * into v_member from members where id = p_member_id;
  if not found or v_member.deleted_at is not null then
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

