-- turn_functions_plan_once: the small functions every chat turn calls, made cheap for the server.
-- Measured through the wire (pg_stat_user_functions, 200 residents): a SQL-language function with
-- a SET clause is never inlined and is planned again in every transaction that calls it, so the
-- few that run on each turn cost the server more than the work they do (bot_mark_delivered about
-- 0.25 ms a call, member_roles_json 0.13 ms, try_uuid five times a turn). As plpgsql their plans are
-- kept for the connection's life; try_uuid, a plain expression, is inlined into its callers instead.
-- Results are unchanged; grants stay as they were (create or replace keeps them).

-- a uuid from text, or null when the text is not one; no SET clause so that the planner inlines it
-- (its operators and cast are pg_catalog's, named so that no search_path can change them)
create or replace function public.try_uuid(p_text text) returns uuid
language sql immutable parallel safe
as $$
  select case
    when p_text operator(pg_catalog.~) '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    then cast(p_text as pg_catalog.uuid)
  end
$$;

-- the bot's clock: the server's, moved by the offset tests and operators set (bot_set_clock_offset)
create or replace function public.bot_now() returns timestamptz
language plpgsql stable
set search_path = public, pg_temp
as $$
begin
  return now() + coalesce((select offset_by from bot_clock), interval '0');
end
$$;

-- a member's live roles in their own ward, as [{role, unitId}], ordered
create or replace function public.member_roles_json(p_member_id uuid) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
begin
  return (
    select coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'unitId', r.unit_id) order by r.role, r.unit_id), '[]'::jsonb)
      from member_roles r join members m on m.id = r.member_id
     where r.member_id = p_member_id and r.revoked_at is null and r.ward_id = m.ward_id);
end
$$;

-- replies the channels delivered: [{c: conversation id, e: event id}]; a conversation that has
-- moved on to another event since is left alone
create or replace function public.bot_mark_delivered(p_items jsonb) returns void
language plpgsql
set search_path = public, pg_temp
as $$
begin
  if jsonb_typeof(p_items) is distinct from 'array' then
    return;
  end if;
  update conversations c set reply_state = 'delivered'
    from jsonb_array_elements(p_items) x
   where c.id = try_uuid(x ->> 'c') and c.last_event_id = x ->> 'e' and c.reply_state <> 'delivered';
end
$$;

-- the form funnel (where people give up): as before, and the step is recorded only when the form
-- reaches a step it was not at (a turn that stays on its step, or only marks a reply delivered,
-- writes nothing to form_steps)
create or replace function public.conversations_note_form() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_old_form uuid;
  v_new_form uuid := try_uuid(new.state ->> 'formId');
  v_step text := new.state ->> 'step';
  v_now timestamptz;
begin
  if tg_op = 'UPDATE' and old.state ->> 'flow' = 'nomination' then
    v_old_form := try_uuid(old.state ->> 'formId');
    if v_old_form is not null and (new.state ->> 'flow' is distinct from 'nomination' or v_new_form is distinct from v_old_form) then
      update form_runs
         set ended = case when exists (select 1 from nominations where form_id = v_old_form) then 'submitted' else 'cancelled' end,
             ended_at = bot_now()
       where form_id = v_old_form and ended is null;
    end if;
  end if;
  if new.state ->> 'flow' = 'nomination' and v_new_form is not null and v_step is not null
     and not coalesce(new.state -> 'answers' ? 'editOf', false) then
    v_now := bot_now();
    insert into form_runs (form_id, ward_id, campaign_id, member_id, flow, last_step, last_at)
    values (v_new_form, (select ward_id from members where id = new.member_id), try_uuid(new.state -> 'answers' ->> 'campaignId'),
            new.member_id, 'nomination', v_step, v_now)
    on conflict (form_id) do update
      set last_step = excluded.last_step, last_at = excluded.last_at,
          campaign_id = coalesce(excluded.campaign_id, form_runs.campaign_id)
      where form_runs.ended is null;
    if tg_op = 'INSERT' or old.state ->> 'step' is distinct from v_step
       or try_uuid(old.state ->> 'formId') is distinct from v_new_form then
      insert into form_steps (form_id, step, pos, reached_at)
      select v_new_form, v_step, (select count(*) from form_steps where form_id = v_new_form), v_now
       where exists (select 1 from form_runs where form_id = v_new_form)
      on conflict do nothing;
    end if;
  end if;
  return null;
end
$$;
