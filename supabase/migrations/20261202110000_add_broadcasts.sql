-- add_broadcasts: officers' announcements to their ward, the honour announcement drafted for them,
-- and every person's switch to turn announcements off and on.
--
-- what is here:
--   1. broadcasts columns (status, audience, photo, urgency, schedule, the officer's progress
--      message) and outbox.broadcast_id: one outbox row per recipient, key broadcast:<id>:<member>
--   2. broadcast_recipients: who an audience reaches (the officer's ward, reachable, not muted,
--      with a chat); the announcements switch (fx_announcements)
--   3. lookups for the composing officer: the audience's size, the honours not announced yet
--   4. effects: broadcast_create (queues every recipient at once), broadcast_control (pause,
--      resume, cancel); every one checks the officer's role itself
--   5. bot_broadcast_progress_claim / _report: the officer's live progress message, claimed by
--      one process at a time and shown at most every few seconds
--   6. the outbox worker marks the rows it is about to send (bot_outbox_started) just before
--      sending them, a second at a time: after a kill -9, only those become 'uncertain'; the rows
--      it had claimed but not begun go back to 'pending' and are sent by whoever comes next
--      (bot_outbox_claim is replaced for that: the rest of it is unchanged)
--   7. bot_handlers rows; rls and grants
--
-- a paused broadcast keeps its pending rows with not_before = 'infinity' (the outbox worker never
-- claims them); resuming puts them back at the broadcast's time. cancelling skips them. rows in
-- flight at a pause or a cancel finish as they would.
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. columns ---------------------------------------------------------------------------------------

alter table public.broadcasts add column form_id uuid unique;
alter table public.broadcasts add column status text not null default 'sending'
  check (status in ('sending', 'paused', 'cancelled', 'done'));
alter table public.broadcasts add column audience jsonb not null default '{"kind": "ward"}';
-- a telegram file id shows only on telegram (photo_channel); a url shows everywhere (null)
alter table public.broadcasts add column photo_ref text;
alter table public.broadcasts add column photo_channel text check (photo_channel in ('console', 'telegram', 'zalo'));
alter table public.broadcasts add column urgent boolean not null default false;
alter table public.broadcasts add column send_at timestamptz not null default now();
alter table public.broadcasts add column total int not null default 0;
-- the nominations whose honour the broadcast announced (a draft offers each once)
alter table public.broadcasts add column honours uuid[] not null default '{}';
-- where the officer follows the progress, the message shown there and what it said
alter table public.broadcasts add column officer_channel text check (officer_channel in ('console', 'telegram', 'zalo'));
alter table public.broadcasts add column officer_chat text;
alter table public.broadcasts add column progress_message_id text;
alter table public.broadcasts add column progress_shown jsonb;
alter table public.broadcasts add column progress_at timestamptz;
alter table public.broadcasts add column progress_lease timestamptz;
alter table public.broadcasts add column finished_at timestamptz;
create index broadcasts_ward_idx on public.broadcasts (ward_id, created_at desc);

alter table public.outbox add column broadcast_id uuid references public.broadcasts (id) on delete cascade;
create index outbox_broadcast_idx on public.outbox (broadcast_id, status) where broadcast_id is not null;

-- 2. recipients and the switch ---------------------------------------------------------------------

-- the members an audience reaches in a ward, with the chat they used last:
-- {kind: ward} | {kind: units, unitIds: [...]} (their home unit) | {kind: role, role: leader|council|resident}
create function public.broadcast_recipients(p_ward_id uuid, p_audience jsonb)
returns table (member_id uuid, channel text, chat_id text)
language sql stable
set search_path = public, pg_temp
as $$
  select m.id, last.channel, last.chat_id
    from members m
    cross join lateral (
      select t.channel, t.chat_id
        from (select c.channel, c.chat_id, c.updated_at as at from conversations c where c.member_id = m.id
              union all
              select i.channel, i.chat_id, i.created_at - interval '100 years' from member_identities i where i.member_id = m.id) t
       order by t.at desc limit 1) last
   where m.ward_id = p_ward_id and m.deleted_at is null and m.reachable and m.announcements_opt_in
     and case p_audience ->> 'kind'
           when 'ward' then true
           when 'units' then m.unit_id in (select try_uuid(u) from jsonb_array_elements_text(coalesce(p_audience -> 'unitIds', '[]')) u)
           when 'role' then case p_audience ->> 'role'
                              when 'leader' then has_role(m.id, 'leader')
                              when 'council' then has_role(m.id, 'council')
                              when 'resident' then not exists (select 1 from member_roles r
                                                                where r.member_id = m.id and r.revoked_at is null and r.ward_id = m.ward_id)
                              else false end
           else false end
$$;

-- announcements off or on for the person ({on: boolean}); turning them off also drops what is
-- still waiting for them
create function public.fx_announcements(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_on boolean := coalesce((p_effect ->> 'on')::boolean, true);
begin
  if p_member.announcements_opt_in = v_on then
    return jsonb_build_object('type', 'announcements', 'status', case when v_on then 'already_on' else 'already_off' end);
  end if;
  update members set announcements_opt_in = v_on, updated_at = now() where id = p_member.id;
  if not v_on then
    update outbox set status = 'skipped', last_error = 'opted_out'
     where member_id = p_member.id and broadcast_id is not null and status = 'pending';
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, case when v_on then 'member.announcements_on' else 'member.announcements_off' end,
          'member', p_member.id::text, '{}');
  return jsonb_build_object('type', 'announcements', 'status', case when v_on then 'on' else 'off' end);
end
$$;

-- 3. lookups ---------------------------------------------------------------------------------------

-- how many people an audience reaches now, and how many of the ward it leaves out (muted, blocked)
create function public.lookup_broadcast_audience(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_count int;
  v_muted int;
begin
  if not has_role(p_member.id, 'officer') then
    return jsonb_build_object('status', 'forbidden');
  end if;
  select count(*) into v_count from broadcast_recipients(p_member.ward_id, p_request -> 'audience');
  select count(*) into v_muted from members m
   where m.ward_id = p_member.ward_id and m.deleted_at is null and (not m.announcements_opt_in or not m.reachable);
  return jsonb_build_object('status', 'ok', 'count', v_count, 'leftOut', v_muted);
end
$$;

-- the final honours of the officer's ward not announced yet (newest first, at most 20): what the
-- draft lists. a photo only where the nominator sent one and agreed to be contacted about it.
create function public.lookup_broadcast_honours(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
begin
  if not has_role(p_member.id, 'officer') then
    return jsonb_build_object('status', 'forbidden');
  end if;
  return jsonb_build_object('status', 'ok', 'honours', coalesce((
    select jsonb_agg(x.item order by x.honoured_on desc, x.code)
      from (select h.honoured_on, n.receipt_code as code,
                   jsonb_build_object(
                     'nominationId', n.id, 'code', n.receipt_code, 'name', n.nominee_name, 'unit', u.name,
                     'categoryVi', c.name_vi, 'categoryEn', c.name_en, 'title', h.title,
                     'date', to_char(h.honoured_on, 'YYYY-MM-DD'),
                     'deeds', left(regexp_replace(n.deeds, '\s+', ' ', 'g'), 160),
                     'photo', case when n.contact_consent and n.nominee_data_cleared_at is null then n.photo_ref end) as item
              from honours h
              join nominations n on n.id = h.nomination_id
              join units u on u.id = n.unit_id
              join categories c on c.id = n.category_id
             where n.ward_id = p_member.ward_id and n.status = 'honoured'
               and n.nominee_data_cleared_at is null
               and not exists (select 1 from broadcasts b where b.ward_id = n.ward_id and n.id = any (b.honours)
                                                            and b.status <> 'cancelled')
             order by h.honoured_on desc, n.receipt_code
             limit 20) x), '[]'::jsonb));
end
$$;

-- 4. effects ---------------------------------------------------------------------------------------

-- what became of a broadcast's rows: delivered, unreachable, opted out, failed, uncertain, left
create function public.broadcast_counts(p_broadcast_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'total', count(*),
    'sent', count(*) filter (where o.status = 'sent'),
    'unreachable', count(*) filter (where (o.status = 'skipped' and o.last_error = 'unreachable')
                                       or (o.status = 'pending' and (not m.reachable or m.deleted_at is not null))),
    'optedOut', count(*) filter (where o.status = 'skipped' and o.last_error = 'opted_out'),
    'cancelled', count(*) filter (where o.status = 'skipped' and o.last_error = 'cancelled'),
    'failed', count(*) filter (where o.status = 'failed'),
    'uncertain', count(*) filter (where o.status = 'uncertain'),
    'left', count(*) filter (where o.status = 'sending'
                                or (o.status = 'pending' and m.reachable and m.deleted_at is null)))
    from outbox o join members m on m.id = o.member_id
   where o.broadcast_id = p_broadcast_id
$$;

-- the honours draft of a broadcast, as data each recipient reads in their language: final honours
-- of the ward only, whatever ids the caller passed
create function public.broadcast_draft(p_ward_id uuid, p_ids uuid[]) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_agg(jsonb_build_object(
           'name', n.nominee_name, 'unit', u.name, 'categoryVi', c.name_vi, 'categoryEn', c.name_en,
           'title', h.title, 'date', to_char(h.honoured_on, 'YYYY-MM-DD'),
           'deeds', left(regexp_replace(n.deeds, '\s+', ' ', 'g'), 160))
         order by h.honoured_on desc, n.receipt_code)
    from honours h
    join nominations n on n.id = h.nomination_id
    join units u on u.id = n.unit_id
    join categories c on c.id = n.category_id
   where n.id = any (p_ids) and n.ward_id = p_ward_id and n.status = 'honoured' and n.nominee_data_cleared_at is null
$$;

-- an officer's broadcast: {formId, text (or honours alone: the draft), photo?, audience, sendAt?,
-- urgent, honours?}. one outbox row per recipient, all queued in this transaction; a repeated
-- confirm of the same form finds the broadcast it made. a photo from a chat app (not a url) goes
-- only to recipients on the app it came from (the effect's channel).
create function public.fx_broadcast_create(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_form uuid := try_uuid(p_effect ->> 'formId');
  v_text text := btrim(coalesce(p_effect ->> 'text', ''));
  v_honours uuid[] := coalesce((select array_agg(try_uuid(x)) from jsonb_array_elements_text(coalesce(p_effect -> 'honours', '[]')) x
                                  where try_uuid(x) is not null), '{}');
  v_draft jsonb;
  v_send_at timestamptz := coalesce((p_effect ->> 'sendAt')::timestamptz, v_now);
  v_photo text := nullif(p_effect ->> 'photo', '');
  v_photo_channel text := p_context ->> 'channel';
  v_existing public.broadcasts;
  v_id uuid;
  v_total int;
  v_other int;
  v_ward text;
  v_chat text;
begin
  if not has_role(p_member.id, 'officer') then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'forbidden');
  end if;
  if v_form is null then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'invalid');
  end if;
  select * into v_existing from broadcasts where form_id = v_form;
  if found then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'already', 'total', v_existing.total,
                              'sendAt', v_existing.send_at, 'scheduled', v_existing.send_at > v_now);
  end if;
  if char_length(v_text) = 0 and cardinality(v_honours) > 0 then
    v_draft := broadcast_draft(p_member.ward_id, v_honours);
  end if;
  if (char_length(v_text) = 0 and v_draft is null) or char_length(v_text) > 5000 then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'invalid');
  end if;
  if v_send_at < v_now - interval '1 minute' then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'past');
  end if;
  select count(*) into v_total from broadcast_recipients(p_member.ward_id, p_effect -> 'audience');
  if v_total = 0 then
    return jsonb_build_object('type', 'broadcast_create', 'status', 'nobody');
  end if;
  select name into v_ward from wards where id = p_member.ward_id;
  select chat_id into v_chat from conversations where id = try_uuid(p_context ->> 'conversationId');

  insert into broadcasts (ward_id, author_member_id, body_vi, body_en, form_id, audience, photo_ref, photo_channel,
                          urgent, send_at, honours, officer_channel, officer_chat)
  values (p_member.ward_id, p_member.id, v_text, null, v_form, p_effect -> 'audience', v_photo,
          case when v_photo is null or v_photo ~ '^https?://' then null else v_photo_channel end,
          coalesce((p_effect ->> 'urgent')::boolean, false), greatest(v_send_at, v_now),
          v_honours,
          p_context ->> 'channel', v_chat)
  returning id into v_id;

  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, urgent, not_before, broadcast_id)
  select p_member.ward_id, 'broadcast:' || v_id || ':' || r.member_id, r.member_id, r.channel, r.chat_id,
         jsonb_build_object('notice', 'broadcast', 'args', jsonb_strip_nulls(jsonb_build_object(
           'ward', v_ward, 'text', nullif(v_text, ''), 'draft', v_draft,
           'photo', case when v_photo is not null and (v_photo ~ '^https?://' or r.channel = v_photo_channel) then v_photo end))),
         'broadcast', coalesce((p_effect ->> 'urgent')::boolean, false), greatest(v_send_at, v_now), v_id
    from broadcast_recipients(p_member.ward_id, p_effect -> 'audience') r
  on conflict (dedupe_key) do nothing;
  get diagnostics v_total = row_count;
  update broadcasts set total = v_total where id = v_id;
  select count(*) into v_other from outbox
   where broadcast_id = v_id and v_photo is not null and v_photo !~ '^https?://' and channel <> v_photo_channel;

  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'broadcast.create', 'broadcast', v_id::text,
          jsonb_build_object('total', v_total, 'audience', p_effect -> 'audience', 'sendAt', greatest(v_send_at, v_now)));
  return jsonb_build_object('type', 'broadcast_create', 'status', 'queued', 'total', v_total,
                            'sendAt', greatest(v_send_at, v_now), 'scheduled', v_send_at > v_now + interval '1 minute',
                            'withoutPhoto', v_other, 'notified', v_total);
end
$$;

-- pause, resume or cancel the officer's latest broadcast in their ward ({action}); the progress
-- message is shown again at once
create function public.fx_broadcast_control(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_action text := p_effect ->> 'action';
  v_b public.broadcasts;
  v_now timestamptz := bot_now();
  v_status text;
begin
  if not has_role(p_member.id, 'officer') then
    return jsonb_build_object('type', 'broadcast_control', 'status', 'forbidden', 'action', v_action);
  end if;
  select * into v_b from broadcasts
   where ward_id = p_member.ward_id
   order by (status in ('sending', 'paused')) desc, created_at desc limit 1
   for update;
  if not found then
    return jsonb_build_object('type', 'broadcast_control', 'status', 'none', 'action', v_action);
  end if;
  v_status := case
    when v_b.status = 'cancelled' then case when v_action = 'cancel' then 'already_cancelled' else 'cancelled' end
    when v_b.status = 'done' then 'finished'
    when v_action = 'pause' and v_b.status = 'paused' then 'already_paused'
    when v_action = 'resume' and v_b.status = 'sending' then 'not_paused'
    when v_action in ('pause', 'resume', 'cancel') then 'ok'
    else 'invalid' end;
  if v_status = 'ok' then
    if v_action = 'pause' then
      update broadcasts set status = 'paused', progress_at = null where id = v_b.id;
      update outbox set not_before = 'infinity' where broadcast_id = v_b.id and status = 'pending';
    elsif v_action = 'resume' then
      update broadcasts set status = 'sending', progress_at = null where id = v_b.id;
      update outbox set not_before = greatest(v_b.send_at, v_now) where broadcast_id = v_b.id and status = 'pending';
    else
      update broadcasts set status = 'cancelled', progress_at = null where id = v_b.id;
      update outbox set status = 'skipped', last_error = 'cancelled' where broadcast_id = v_b.id and status = 'pending';
    end if;
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    values (p_member.ward_id, p_member.id, 'broadcast.' || v_action, 'broadcast', v_b.id::text, '{}');
  end if;
  return jsonb_build_object('type', 'broadcast_control', 'status', v_status, 'action', v_action,
                            'counts', broadcast_counts(v_b.id));
end
$$;

-- 5. progress ----------------------------------------------------------------------------------------

-- the broadcasts whose officer should see new progress now, on the channels this process serves:
-- started, not shown in the last p_min_seconds (unless paused, resumed or cancelled meanwhile), and
-- changed since. a broadcast with nothing left becomes 'done' here. each is leased to one process.
create function public.bot_broadcast_progress_claim(p_worker text, p_channels text[], p_min_seconds numeric)
returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_rows jsonb := '[]'::jsonb;
  v_b record;
  v_counts jsonb;
  v_status text;
begin
  for v_b in
    select b.* from broadcasts b
     where b.officer_channel = any (p_channels)
       and b.send_at <= v_now
       and (b.progress_lease is null or b.progress_lease < v_now)
       and (b.status in ('sending', 'paused') or coalesce(b.progress_shown ->> 'status', '') <> b.status)
       and (b.progress_at is null or b.progress_at <= v_now - make_interval(secs => p_min_seconds)
            or coalesce(b.progress_shown ->> 'status', '') <> b.status)
     order by b.created_at
     limit 10
     for update of b skip locked
  loop
    if v_b.status = 'cancelled' then
      -- rows retried after the cancel came back to 'pending': they are not sent either
      update outbox set status = 'skipped', last_error = 'cancelled' where broadcast_id = v_b.id and status = 'pending';
    end if;
    v_counts := broadcast_counts(v_b.id);
    v_status := v_b.status;
    if v_status = 'sending' and (v_counts ->> 'left')::int = 0 then
      v_status := 'done';
      update broadcasts set status = 'done', finished_at = v_now where id = v_b.id;
    end if;
    if v_b.progress_shown is not null and v_b.progress_shown ->> 'status' = v_status
       and v_b.progress_shown -> 'counts' = v_counts then
      continue;
    end if;
    update broadcasts set progress_lease = v_now + interval '30 seconds' where id = v_b.id;
    v_rows := v_rows || jsonb_build_array(jsonb_build_object(
      'id', v_b.id, 'channel', v_b.officer_channel, 'chatId', v_b.officer_chat, 'messageId', v_b.progress_message_id,
      'status', v_status, 'counts', v_counts, 'shown', v_b.progress_shown,
      'locale', coalesce((select locale from members where id = v_b.author_member_id), 'vi')));
  end loop;
  return v_rows;
end
$$;

-- what the officer was shown ({status, counts}) and the message showing it (kept when null)
create function public.bot_broadcast_progress_report(p_id uuid, p_message_id text, p_shown jsonb) returns void
language sql
security definer
set search_path = public, pg_temp
as $$
  update broadcasts set progress_message_id = coalesce(p_message_id, progress_message_id),
                        progress_shown = coalesce(p_shown, progress_shown),
                        progress_at = case when p_shown is null then progress_at else bot_now() end,
                        progress_lease = null
   where id = p_id
$$;

-- 6. rows begun, rows only claimed --------------------------------------------------------------------

alter table public.outbox add column started_at timestamptz;

-- the worker is about to send these rows (claimed by it and still its own): marks them and says
-- which; rows of a broadcast paused or cancelled since the claim go back to 'pending' unsent (a
-- pause takes effect within a wave, not a whole batch)
create function public.bot_outbox_started(p_worker text, p_ids bigint[]) returns bigint[]
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_ids bigint[];
begin
  update outbox o set status = 'pending', lease_until = null, claimed_by = null, attempts = greatest(o.attempts - 1, 0)
   where o.id = any (p_ids) and o.status = 'sending' and o.claimed_by = p_worker and o.broadcast_id is not null
     and not exists (select 1 from broadcasts b where b.id = o.broadcast_id and b.status = 'sending');
  with marked as (
    update outbox set started_at = bot_now()
     where id = any (p_ids) and status = 'sending' and claimed_by = p_worker
    returning id
  )
  select coalesce(array_agg(id), '{}') into v_ids from marked;
  return v_ids;
end
$$;

-- as before, except when a lease ran out: a row its worker had begun sending is 'uncertain' (never
-- re-sent); a row it had only claimed is 'pending' again
create or replace function public.bot_outbox_claim(p_worker text, p_channels text[], p_console_chat text, p_limit int,
                                                   p_lease_seconds int, p_quiet jsonb)
returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
  v_rows jsonb;
begin
  update outbox set status = 'uncertain', last_error = 'lease expired while sending'
   where status = 'sending' and lease_until < v_now and started_at is not null;
  update outbox set status = 'pending', lease_until = null, claimed_by = null
   where status = 'sending' and lease_until < v_now and started_at is null;

  with due as (
    select o.id
      from outbox o
      join members m on m.id = o.member_id
      join wards w on w.id = o.ward_id
     where o.status = 'pending' and o.not_before <= v_now
       and o.channel = any (p_channels)
       and (o.channel <> 'console' or o.chat_id = p_console_chat)
       and m.reachable and m.deleted_at is null
       and (o.urgent or not bot_in_quiet_hours(v_now, w.time_zone, p_quiet))
       and (o.urgent or not exists (
             select 1 from conversations c
              where c.member_id = o.member_id and c.state ->> 'flow' is not null
                and c.updated_at > now() - interval '30 minutes'))
       -- a row of a paused or cancelled broadcast (one retried after the pause, say) waits
       and (o.broadcast_id is null or exists (select 1 from broadcasts b where b.id = o.broadcast_id and b.status = 'sending'))
     order by o.urgent desc, o.not_before, o.id
     limit greatest(p_limit, 0)
     for update of o skip locked
  ), claimed as (
    update outbox o set status = 'sending', lease_until = v_now + make_interval(secs => p_lease_seconds),
                        attempts = attempts + 1, claimed_by = p_worker, started_at = null
      from due where o.id = due.id
    returning o.*
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'id', c.id, 'memberId', c.member_id, 'channel', c.channel, 'chatId', c.chat_id,
           'payload', c.payload, 'kind', c.kind, 'attempts', c.attempts,
           'locale', (select locale from members where id = c.member_id)) order by c.id), '[]'::jsonb)
    into v_rows
    from claimed c;
  return v_rows;
end
$$;

-- 7. handlers and security ---------------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'announcements', 'public.fx_announcements(public.members, jsonb, jsonb)'),
  ('effect', 'broadcast_create', 'public.fx_broadcast_create(public.members, jsonb, jsonb)'),
  ('effect', 'broadcast_control', 'public.fx_broadcast_control(public.members, jsonb, jsonb)'),
  ('lookup', 'broadcast_audience', 'public.lookup_broadcast_audience(public.members, jsonb, text)'),
  ('lookup', 'broadcast_honours', 'public.lookup_broadcast_honours(public.members, jsonb, text)');

alter table public.broadcasts enable row level security;
revoke all on table public.broadcasts from public, anon, authenticated;

revoke execute on function
  public.broadcast_recipients(uuid, jsonb),
  public.fx_announcements(public.members, jsonb, jsonb),
  public.lookup_broadcast_audience(public.members, jsonb, text),
  public.lookup_broadcast_honours(public.members, jsonb, text),
  public.broadcast_counts(uuid),
  public.broadcast_draft(uuid, uuid[]),
  public.fx_broadcast_create(public.members, jsonb, jsonb),
  public.fx_broadcast_control(public.members, jsonb, jsonb),
  public.bot_broadcast_progress_claim(text, text[], numeric),
  public.bot_broadcast_progress_report(uuid, text, jsonb),
  public.bot_outbox_started(text, bigint[]),
  public.bot_outbox_claim(text, text[], text, int, int, jsonb)
from public, anon, authenticated;
grant execute on function
  public.bot_broadcast_progress_claim(text, text[], numeric),
  public.bot_broadcast_progress_report(uuid, text, jsonb),
  public.bot_outbox_started(text, bigint[]),
  public.bot_outbox_claim(text, text[], text, int, int, jsonb)
to service_role;
