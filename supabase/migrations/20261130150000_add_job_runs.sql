-- add_job_runs: scheduled jobs (retention clean-ups now; reminders next) run in every process on
-- node-cron, and postgres decides which process does each run: a run is claimed once per job and
-- time slot, so several processes at the same minute do the work once.
--
-- must run on postgresql 15, 17 and 18 (pglite).

create table public.job_runs (
  job text not null check (job ~ '^[a-z][a-z0-9_-]*$'),
  -- the run's slot: the minute it was due on the bot's clock (e.g. 2026-12-08T08:00)
  slot text not null,
  claimed_by text not null,
  claimed_at timestamptz not null default now(),
  finished_at timestamptz,
  -- counts only (never personal data)
  result jsonb,
  primary key (job, slot)
);

-- true for the one caller that gets to run (job, slot)
create function public.bot_job_claim(p_job text, p_slot text, p_worker text) returns boolean
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_inserted int;
begin
  insert into job_runs (job, slot, claimed_by) values (p_job, p_slot, p_worker) on conflict do nothing;
  get diagnostics v_inserted = row_count;
  return v_inserted = 1;
end
$$;

create function public.bot_job_finish(p_job text, p_slot text, p_result jsonb) returns void
language sql
security definer
set search_path = public, pg_temp
as $$
  update job_runs set finished_at = now(), result = p_result where job = p_job and slot = p_slot
$$;

alter table public.job_runs enable row level security;
revoke all on table public.job_runs from public, anon, authenticated;
revoke execute on function public.bot_job_claim(text, text, text), public.bot_job_finish(text, text, jsonb)
  from public, anon, authenticated;
grant execute on function public.bot_job_claim(text, text, text), public.bot_job_finish(text, text, jsonb) to service_role;
