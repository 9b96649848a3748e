-- The delivery worker's claim read every pending row of the outbox at every call, and, while the
-- planner had no statistics (a ward's broadcast inserts thousands of rows at once; PGlite and a
-- server without autovacuum never gather any), it joined each member to the whole pending index:
-- 0.6 s a claim half-way through a broadcast to 5,000, growing with the square of the audience.
-- Now the due rows are read in the order they are claimed from an index of the pending rows alone,
-- and whatever else decides whether a row may go (the member, the ward's quiet hours, a form in
-- progress, the broadcast's status) is looked up for that row only, so a claim reads about as many
-- rows as it takes, whatever the size of the queue.
create index outbox_due_idx on public.outbox (urgent desc, not_before, id) where status = 'pending';

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
     where o.status = 'pending' and o.not_before <= v_now
       and o.channel = any (p_channels)
       and (o.channel <> 'console' or o.chat_id = p_console_chat)
       -- per row (subqueries, not joins), so no plan can read the whole queue for each member
       and (select m.reachable and m.deleted_at is null from members m where m.id = o.member_id)
       and (select o.urgent or not bot_in_quiet_hours(v_now, w.time_zone, p_quiet) from wards w where w.id = o.ward_id)
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
