-- add_reminders: what the bot reminds people of, on a schedule (the 'reminders' job, hourly):
--   1. deadline digests: before each phase deadline (by default 7, 3 and 1 days before, at 08:00
--      ward time) every leader hears, for their own unit, how many nominations wait for their
--      screening, how many went to the ward, and what the ward still needs for the phase's quota;
--      a leader with nothing waiting gets a short "all done", or nothing (a campaign setting)
--   2. escalation: after a deadline, the ward's officers get the units that still have
--      unscreened nominations
--   3. a nominator whose nomination was returned with a question, unanswered for 3 days, is
--      reminded once
--   4. a form left half-filled for 24 hours gets one gentle nudge to finish or cancel it
--
-- a reminder may go out from the moment it is due (p_at), or at once when the bot's clock is
-- behind that moment (a run by hand for a later time).
--
-- every reminder is an outbox row whose key names its kind, its phase (or nomination, or form),
-- its offset and its recipient, so a run repeated (two processes at the same minute, a re-run by
-- hand) queues nothing twice. reminders to leaders and officers are part of their role: an
-- announcement opt-out does not mute them. quiet hours and "not in the middle of a form" are the
-- delivery worker's (bot_outbox_claim). each kind is one set-based statement; bot_reminders_run
-- runs the four for one moment of the bot's clock.
--
-- what is here:
--   1. campaign settings: the reminder offsets, the hour, what a leader with nothing waiting gets
--   2. indexes: conversations with a form open, and conversations by member
--   3. the four reminder kinds; each picks the recipient's chat as bot_notify does (the app they
--      used last: their latest conversation, else their latest identity), inline, so ten thousand
--      leaders cost one statement
--   4. bot_reminders_run: the job's one call
--   5. grants
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. campaign settings -----------------------------------------------------------------------------

-- days before a phase deadline at which leaders get their digest, at reminder_hour (ward time)
alter table public.campaigns add column reminder_days int[] not null default '{7,3,1}'
  check (cardinality(reminder_days) <= 10 and 0 < all (reminder_days) and 90 >= all (reminder_days));
alter table public.campaigns add column reminder_hour int not null default 8 check (reminder_hour between 0 and 23);
-- a leader with nothing waiting: a short "all done" ('all_done') or no message ('nothing')
alter table public.campaigns add column reminder_when_done text not null default 'all_done'
  check (reminder_when_done in ('all_done', 'nothing'));

-- 2. index -------------------------------------------------------------------------------------------

-- the draft nudge looks for forms left open a day ago
create index conversations_open_form_idx on public.conversations (updated_at)
  where (state ->> 'flow') is not null;
-- a reminder goes to the chat its recipient used last (as bot_notify picks it): one index probe
-- per recipient instead of a scan of every conversation
create index conversations_member_idx on public.conversations (member_id, updated_at desc);

-- 3. reminder kinds ------------------------------------------------------------------------------------

-- the moment of a reminder: p_days before the deadline's day, at p_hour, in the ward's time zone
create function public.reminder_moment(p_deadline timestamptz, p_days int, p_hour int, p_time_zone text) returns timestamptz
language sql stable
set search_path = public, pg_temp
as $$
  select ((((p_deadline at time zone p_time_zone)::date - p_days) + make_time(p_hour, 0, 0)) at time zone p_time_zone)
$$;

-- 3.1 deadline digests. for each open campaign's phase whose deadline is still ahead, the reminder
-- due at p_at is the one of the smallest offset whose moment has passed (a run missed at 08:00 is
-- caught up by the next one; an older offset whose turn is over is not sent late). one digest per
-- leader and phase: their units, each with what waits for them and what was forwarded.
create function public.reminders_deadline(p_at timestamptz) returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from timestamptz := least(p_at, bot_now());
  v_count int;
begin
  with due as (
    select c.id as campaign_id, c.ward_id, c.reminder_when_done, p.id as phase_id, d.days,
           jsonb_build_object(
             'titleVi', c.title_vi, 'titleEn', c.title_en, 'phaseVi', p.name_vi, 'phaseEn', p.name_en,
             'deadline', to_char(p.deadline at time zone w.time_zone, 'DD/MM/YYYY'), 'days', d.days,
             'atLeast', p.quota_is_minimum,
             'needCollectives', greatest(p.quota_collectives - (
                 select count(*) from honours h join nominations n on n.id = h.nomination_id
                  where h.phase_id = p.id and n.kind = 'collective' and n.status = 'honoured'), 0),
             'needIndividuals', greatest(p.quota_individuals - (
                 select count(*) from honours h join nominations n on n.id = h.nomination_id
                  where h.phase_id = p.id and n.kind = 'individual' and n.status = 'honoured'), 0)) as head
      from campaigns c
      join wards w on w.id = c.ward_id
      join campaign_phases p on p.campaign_id = c.id
      cross join lateral (
        select o as days from unnest(c.reminder_days) o
         where reminder_moment(p.deadline, o, c.reminder_hour, w.time_zone) <= p_at
         order by o limit 1) d
     where c.status = 'open' and p.deadline is not null and p.deadline > p_at
  ), leaders as materialized (
    -- a leader whose digest was queued already is left out before anything is counted
    select due.phase_id, due.campaign_id, r.member_id, r.unit_id
      from due
      join (select distinct x.member_id, x.unit_id, x.ward_id from member_roles x
             where x.role = 'leader' and x.revoked_at is null and x.unit_id is not null) r on r.ward_id = due.ward_id
      join members m on m.id = r.member_id and m.ward_id = due.ward_id and m.deleted_at is null and m.reachable
     where not exists (select 1 from outbox o
                        where o.dedupe_key = 'remind:deadline:' || due.phase_id || ':' || due.days || ':' || r.member_id)
  ), tallies as (
    -- per leader and unit: waiting for their screening (not their own, not their unit head's),
    -- and forwarded to the ward (as /tiendo counts it: ever forwarded)
    select l.phase_id, l.member_id, u.name, u.seq, u.kind, t.waiting, t.forwarded
      from leaders l
      join units u on u.id = l.unit_id
      cross join lateral (
        select count(*) filter (where n.status = 'submitted' and n.nominator_id <> l.member_id
                                  and n.led_unit_id is distinct from n.unit_id) as waiting,
               count(*) filter (where exists (select 1 from nomination_status_history h
                                               where h.nomination_id = n.id and h.status = 'forwarded')) as forwarded
          from nominations n
         where n.campaign_id = l.campaign_id and n.unit_id = l.unit_id) t
  ), digests as (
    select l.phase_id, l.member_id, sum(l.waiting) as waiting,
           jsonb_agg(jsonb_build_object('name', l.name, 'waiting', l.waiting, 'forwarded', l.forwarded)
                     order by array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], l.kind), l.seq, l.name) as units
      from tallies l
     group by l.phase_id, l.member_id
  )
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, not_before)
  select due.ward_id, 'remind:deadline:' || due.phase_id || ':' || due.days || ':' || g.member_id, g.member_id,
         ch.channel, ch.chat_id, jsonb_build_object('notice', 'deadline_digest', 'args', due.head || jsonb_build_object('units', g.units)),
         'reminder', v_from
    from digests g
    join due on due.phase_id = g.phase_id
    cross join lateral (
      (select channel, chat_id from conversations where member_id = g.member_id order by updated_at desc limit 1)
      union all
      (select channel, chat_id from member_identities where member_id = g.member_id order by created_at desc limit 1)
      limit 1) ch
   where g.waiting > 0 or due.reminder_when_done = 'all_done'
  on conflict (dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 3.2 escalation. once a phase deadline has passed, at the campaign's reminder hour that follows it
-- (and for three days after, so a missed run is caught up), every officer of the ward gets the
-- units that still have nominations waiting for screening, with how many.
create function public.reminders_escalation(p_at timestamptz) returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from timestamptz := least(p_at, bot_now());
  v_count int;
begin
  with due as (
    select c.id as campaign_id, c.ward_id, c.title_vi, c.title_en, p.id as phase_id, p.name_vi, p.name_en,
           to_char(p.deadline at time zone w.time_zone, 'DD/MM/YYYY') as deadline, e.at as moment
      from campaigns c
      join wards w on w.id = c.ward_id
      join campaign_phases p on p.campaign_id = c.id
      cross join lateral (
        select case when reminder_moment(p.deadline, 0, c.reminder_hour, w.time_zone) >= p.deadline
                    then reminder_moment(p.deadline, 0, c.reminder_hour, w.time_zone)
                    else reminder_moment(p.deadline, -1, c.reminder_hour, w.time_zone) end as at) e
     where c.status = 'open' and p.deadline is not null and p.deadline <= p_at
       and e.at <= p_at and p_at < e.at + interval '3 days'
  ), late as (
    select d.*, x.units, x.total
      from due d
      cross join lateral (
        select jsonb_agg(jsonb_build_object('name', s.name, 'waiting', s.waiting, 'leader', s.has_leader)
                         order by s.waiting desc, s.seq, s.name) filter (where s.rank <= 20) as units,
               sum(s.waiting) as total
          from (select u.name, u.seq, count(*) as waiting,
                       exists (select 1 from member_roles r where r.role = 'leader' and r.revoked_at is null
                                  and r.unit_id = u.id and r.ward_id = d.ward_id) as has_leader,
                       row_number() over (order by count(*) desc, u.seq, u.name) as rank
                  from nominations n join units u on u.id = n.unit_id
                 where n.campaign_id = d.campaign_id and n.status = 'submitted'
                 group by u.id, u.name, u.seq) s) x
     where x.total > 0
  ), officers as (
    select l.*, r.member_id
      from late l
      join member_roles r on r.ward_id = l.ward_id and r.role = 'officer' and r.revoked_at is null
      join members m on m.id = r.member_id and m.ward_id = l.ward_id and m.deleted_at is null and m.reachable
  )
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, not_before)
  select o.ward_id, 'remind:escalate:' || o.phase_id || ':' || o.member_id, o.member_id, ch.channel, ch.chat_id,
         jsonb_build_object('notice', 'deadline_escalation', 'args', jsonb_build_object(
           'titleVi', o.title_vi, 'titleEn', o.title_en, 'phaseVi', o.name_vi, 'phaseEn', o.name_en,
           'deadline', o.deadline, 'total', o.total, 'units', o.units)),
         'reminder', v_from
    from (select distinct on (member_id, phase_id) * from officers) o
    cross join lateral (
      (select channel, chat_id from conversations where member_id = o.member_id order by updated_at desc limit 1)
      union all
      (select channel, chat_id from member_identities where member_id = o.member_id order by created_at desc limit 1)
      limit 1) ch
  on conflict (dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 3.3 a question left unanswered: a nomination of an open campaign still 'returned' p_after after
-- it was returned (and not more than two weeks later) reminds its nominator once per return
create function public.reminders_question(p_at timestamptz, p_after interval default interval '3 days') returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from timestamptz := least(p_at, bot_now());
  v_count int;
begin
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, not_before)
  select n.ward_id, 'remind:question:' || h.id, n.nominator_id, ch.channel, ch.chat_id,
         jsonb_build_object('notice', 'question_reminder', 'args', jsonb_strip_nulls(jsonb_build_object(
           'code', n.receipt_code, 'name', n.nominee_name, 'note', nullif(btrim(coalesce(h.note, '')), '')))),
         'reminder', v_from
    from nominations n
    join campaigns c on c.id = n.campaign_id and c.status = 'open'
    join members m on m.id = n.nominator_id and m.deleted_at is null and m.reachable
    cross join lateral (
      select x.id, x.at, x.note from nomination_status_history x
       where x.nomination_id = n.id and x.status = 'returned'
       order by x.at desc, x.id desc limit 1) h
    cross join lateral (
      (select channel, chat_id from conversations where member_id = n.nominator_id order by updated_at desc limit 1)
      union all
      (select channel, chat_id from member_identities where member_id = n.nominator_id order by created_at desc limit 1)
      limit 1) ch
   where n.status = 'returned'
     and h.at <= p_at - p_after and h.at > p_at - p_after - interval '14 days'
  on conflict (dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 3.4 a form left half-filled: a conversation with a form open (not one of p_skip_flows, views
-- that need no finishing) and no answer for p_after, up to a week, gets one nudge per form, in
-- the chat the form is in. conversations keep the database's time; p_at is the bot's clock.
create function public.reminders_draft(p_at timestamptz, p_skip_flows text[], p_after interval default interval '24 hours') returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_shift interval := bot_now() - now();
  v_from timestamptz := least(p_at, bot_now());
  v_count int;
begin
  insert into outbox (ward_id, dedupe_key, member_id, channel, chat_id, payload, kind, not_before)
  select m.ward_id, 'remind:draft:' || c.id || ':' || coalesce(c.state ->> 'formId', c.version::text), c.member_id,
         c.channel, c.chat_id, jsonb_build_object('notice', 'draft_nudge', 'args', jsonb_build_object('flow', c.state ->> 'flow')),
         'reminder', v_from
    from conversations c
    join members m on m.id = c.member_id and m.deleted_at is null and m.reachable
   where (c.state ->> 'flow') is not null
     and not ((c.state ->> 'flow') = any (coalesce(p_skip_flows, '{}')))
     and c.updated_at <= p_at - v_shift - p_after
     and c.updated_at > p_at - v_shift - p_after - interval '6 days'
  on conflict (dedupe_key) do nothing;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- 4. the job's call ------------------------------------------------------------------------------------

-- every reminder due at p_at (the bot's clock), queued once; returns the counts per kind
create function public.bot_reminders_run(p_at timestamptz, p_skip_flows text[]) returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
begin
  return jsonb_build_object(
    'digests', reminders_deadline(p_at),
    'escalations', reminders_escalation(p_at),
    'questions', reminders_question(p_at),
    'drafts', reminders_draft(p_at, p_skip_flows));
end
$$;

-- 5. security ------------------------------------------------------------------------------------------

revoke execute on function
  public.reminder_moment(timestamptz, int, int, text),
  public.reminders_deadline(timestamptz),
  public.reminders_escalation(timestamptz),
  public.reminders_question(timestamptz, interval),
  public.reminders_draft(timestamptz, text[], interval),
  public.bot_reminders_run(timestamptz, text[])
from public, anon, authenticated;
grant execute on function public.bot_reminders_run(timestamptz, text[]) to service_role;
