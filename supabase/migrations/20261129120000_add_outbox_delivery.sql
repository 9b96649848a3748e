-- add_outbox_delivery: messages the bot sends first (notices now; reminders and broadcasts next)
-- go through the outbox: one row per (message, recipient) with a unique key, claimed by a worker
-- with for update skip locked and a lease, so a message goes out at most once per recipient
-- across several processes and a kill -9.
--
-- what is here:
--   1. outbox columns: the chat the message goes to, its kind, urgency, the claiming worker, and
--      the 'uncertain' status (a send that was in flight when its worker died: never re-sent)
--   2. bot_notify: queue one message for one member, on the app they used last
--   3. bot_outbox_claim / bot_outbox_report: the worker's two calls
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. columns -----------------------------------------------------------------------------------

alter table public.outbox add column chat_id text;
alter table public.outbox add column kind text not null default 'notice';
-- urgent messages may go out in quiet hours and in the middle of a form
alter table public.outbox add column urgent boolean not null default false;
alter table public.outbox add column claimed_by text;
alter table public.outbox drop constraint outbox_status_check;
alter table public.outbox add constraint outbox_status_check
  check (status in ('pending', 'sending', 'sent', 'failed', 'skipped', 'uncertain'));
create index outbox_member_idx on public.outbox (member_id);

-- 2. queueing ------------------------------------------------------------------------------------

-- one message for one member, delivered on the app they used last (their most recent chat).
-- p_payload: {notice: <name>, args: {...}} for a notice renderer of the bot, or {messages: [...]}
-- in the engine's outbound shape (locale keys and parameters); rendered in the member's language
-- when sent. false when nothing was queued: the key was queued
-- before, or the member cannot be reached (blocked the bot, deleted, never talked to it).
create function public.bot_notify(p_member_id uuid, p_key text, p_payload jsonb, p_kind text default 'notice',
                                  p_urgent boolean default false, p_not_before timestamptz default null)
returns boolean
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_channel text;
  v_chat text;
  v_ward uuid;
  v_inserted int;
begin
  select m.ward_id into v_ward from members m
   where m.id = p_member_id and m.reachable and m.deleted_at is null;
  if v_ward is null then
    return false;
  end if;
  select channel, chat_id into v_channel, v_chat
    from (select channel, chat_id, updated_at as at from conversations where member_id = p_member_id
          union all
          select channel, chat_id, created_at - interval '100 years' from member_identities where member_id = p_member_id) t
   order by at desc limit 1;
  if v_channel is null then
    return false;
  end if;
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, urgent, not_before)
  values (v_ward, p_key, p_member_id, v_channel, v_chat, p_payload, p_kind, p_urgent, coalesce(p_not_before, bot_now()))
  on conflict (dedupe_key) do nothing;
  get diagnostics v_inserted = row_count;
  return v_inserted = 1;
end
$$;

-- 3. delivery ------------------------------------------------------------------------------------

-- whether a ward-local time of day falls in the quiet hours {from, to} ("21:00", "07:00")
create function public.bot_in_quiet_hours(p_at timestamptz, p_time_zone text, p_quiet jsonb) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select case
    when p_quiet is null or jsonb_typeof(p_quiet) <> 'object' then false
    when (p_quiet ->> 'from')::time > (p_quiet ->> 'to')::time
      then (p_at at time zone p_time_zone)::time >= (p_quiet ->> 'from')::time
        or (p_at at time zone p_time_zone)::time < (p_quiet ->> 'to')::time
    else (p_at at time zone p_time_zone)::time >= (p_quiet ->> 'from')::time
     and (p_at at time zone p_time_zone)::time < (p_quiet ->> 'to')::time
  end
$$;

-- claims up to p_limit messages due now for the channels this worker serves (console rows only
-- for the terminal's own person): not in quiet hours unless urgent, not to someone in the middle
-- of a form (their last answer under 30 minutes ago) unless urgent. a row whose lease ran out
-- while 'sending' was in flight when its worker died: it becomes 'uncertain' and is not re-sent.
create function public.bot_outbox_claim(p_worker text, p_channels text[], p_console_chat text, p_limit int,
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
   where status = 'sending' and lease_until < v_now;

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
     order by o.urgent desc, o.not_before, o.id
     limit greatest(p_limit, 0)
     for update of o skip locked
  ), claimed as (
    update outbox o set status = 'sending', lease_until = v_now + make_interval(secs => p_lease_seconds),
                        attempts = attempts + 1, claimed_by = p_worker
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

-- what happened to claimed messages: [{id, outcome: sent|unreachable|retry|failed, afterMs?, error?}].
-- retries wait and are given up after 8 attempts; a blocked recipient is marked unreachable.
create function public.bot_outbox_report(p_worker text, p_results jsonb) returns void
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_now timestamptz := bot_now();
begin
  update outbox o set
      status = case r ->> 'outcome'
                 when 'sent' then 'sent'
                 when 'unreachable' then 'skipped'
                 when 'retry' then case when o.attempts >= 8 then 'failed' else 'pending' end
                 else 'failed' end,
      sent_at = case when r ->> 'outcome' = 'sent' then v_now end,
      not_before = case when r ->> 'outcome' = 'retry'
                        then v_now + make_interval(secs => greatest(coalesce((r ->> 'afterMs')::numeric, 1000), 0) / 1000)
                        else o.not_before end,
      lease_until = null,
      last_error = case when r ->> 'outcome' = 'sent' then null
                        else left(coalesce(r ->> 'error', r ->> 'outcome'), 200) end
    from jsonb_array_elements(p_results) r
   where o.id = (r ->> 'id')::bigint and o.status = 'sending' and o.claimed_by = p_worker;

  update members m set reachable = false, updated_at = now()
    from jsonb_array_elements(p_results) r join outbox o on o.id = (r ->> 'id')::bigint
   where r ->> 'outcome' = 'unreachable' and m.id = o.member_id and m.reachable;
end
$$;

revoke execute on function
  public.bot_notify(uuid, text, jsonb, text, boolean, timestamptz),
  public.bot_in_quiet_hours(timestamptz, text, jsonb),
  public.bot_outbox_claim(text, text[], text, int, int, jsonb),
  public.bot_outbox_report(text, jsonb)
from public, anon, authenticated;
grant execute on function
  public.bot_outbox_claim(text, text[], text, int, int, jsonb),
  public.bot_outbox_report(text, jsonb)
to service_role;
