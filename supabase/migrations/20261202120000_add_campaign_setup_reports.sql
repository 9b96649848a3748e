-- add_campaign_setup_reports: officers run the campaign from the chat (issue 11 items 1-3).
--
--   1. reports in the chat: report_requests (an officer's /baocao, queued by the effect and made
--      off the turn by the report worker: bot_report_claim, bot_report_finish) and report_links (the
--      one-time download links a zalo officer gets: bot_report_link_create, bot_report_link_take)
--   2. where people give up: form_runs and form_steps, kept by triggers on conversations and
--      nominations (the step each nomination form reached, and how it ended); campaign_form_funnel
--      reads them per campaign; report_campaign_data and fx_progress now carry the funnel
--   3. campaign setup in the chat: fx_campaign_setup, one effect whose actions list, create (from a
--      template), set a phase, the council, the posting period, open and close a campaign
--   4. bot_handlers rows; rls and grants
--
-- nothing here holds a person's name, phone or chat id once a report is sent: a request keeps its
-- chat id only while it waits. every officer action checks the role itself (has_role).
-- must run on postgresql 15 and 18 (pglite).

-- 1. reports in the chat ---------------------------------------------------------------------------

create table public.report_requests (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  member_id uuid references public.members (id) on delete set null,
  channel text not null check (channel in ('console', 'telegram', 'zalo')),
  -- where to send the files; cleared once the request is finished
  chat_id text,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  status text not null default 'queued' check (status in ('queued', 'working', 'sent', 'failed')),
  worker text,
  lease_until timestamptz,
  attempts int not null default 0,
  error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index report_requests_due_idx on public.report_requests (created_at) where status in ('queued', 'working');

-- a file of a report behind a link (zalo cannot receive files): the token itself is never stored,
-- only its sha-256; a single-use link's bytes are dropped when it is taken
create table public.report_links (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  request_id uuid references public.report_requests (id) on delete cascade,
  file_name text not null,
  content_type text not null,
  data bytea,
  single_use boolean not null default true,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- a person who deletes their data leaves no report request behind (a waiting one holds their chat)
create function public.members_forget_reports() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  delete from report_requests where member_id = new.id;
  return null;
end
$$;

create trigger members_forget_reports after update of deleted_at on public.members
  for each row when (new.deleted_at is not null and old.deleted_at is null)
  execute function public.members_forget_reports();

-- the campaigns of the member's ward as a report or the setup lists them (open first, then draft,
-- then closed; newest first)
create function public.campaigns_of_ward(p_ward_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('code', c.code, 'titleVi', c.title_vi, 'titleEn', c.title_en, 'status', c.status)
                            order by array_position(array['open', 'draft', 'closed'], c.status), c.created_at desc, c.code), '[]'::jsonb)
    from campaigns c where c.ward_id = p_ward_id
$$;

-- effect report_request {campaignCode?}: an officer asks for a campaign's report. answers
--   {status: 'forbidden'}                      not an officer of their ward
--   {status: 'none'}                           the ward has no campaign
--   {status: 'choose', campaigns}              no code and several campaigns
--   {status: 'unknown', code, campaigns}       no campaign with that code
--   {status: 'queued', code, titleVi, titleEn, notified: 1}
--                                              the report worker makes and sends it (a request
--                                              still waiting for the same campaign is reused)
create function public.fx_report_request(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_code text := nullif(btrim(coalesce(p_effect ->> 'campaignCode', '')), '');
  v_campaign campaigns;
  v_count int;
  v_chat text;
begin
  if not has_role(p_member.id, 'officer') then
    return jsonb_build_object('type', 'report_request', 'status', 'forbidden');
  end if;
  if v_code is null then
    select count(*) into v_count from campaigns where ward_id = p_member.ward_id;
    if v_count = 0 then
      return jsonb_build_object('type', 'report_request', 'status', 'none');
    elsif v_count > 1 then
      return jsonb_build_object('type', 'report_request', 'status', 'choose', 'campaigns', campaigns_of_ward(p_member.ward_id));
    end if;
    select * into v_campaign from campaigns where ward_id = p_member.ward_id;
  else
    select * into v_campaign from campaigns where ward_id = p_member.ward_id and lower(code) = lower(v_code);
    if not found then
      return jsonb_build_object('type', 'report_request', 'status', 'unknown', 'code', left(v_code, 40),
                                'campaigns', campaigns_of_ward(p_member.ward_id));
    end if;
  end if;
  select chat_id into v_chat from conversations where id = try_uuid(p_context ->> 'conversationId');
  if not exists (select 1 from report_requests
                  where member_id = p_member.id and campaign_id = v_campaign.id and status in ('queued', 'working')
                    and channel = p_context ->> 'channel' and chat_id = v_chat) then
    insert into report_requests (ward_id, campaign_id, member_id, channel, chat_id, locale)
    values (p_member.ward_id, v_campaign.id, p_member.id, p_context ->> 'channel', v_chat, p_member.locale);
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    values (p_member.ward_id, p_member.id, 'report.requested', 'campaign', v_campaign.id::text,
            jsonb_build_object('channel', p_context ->> 'channel'));
  end if;
  return jsonb_build_object('type', 'report_request', 'status', 'queued', 'code', v_campaign.code,
                            'titleVi', v_campaign.title_vi, 'titleEn', v_campaign.title_en, 'notified', 1);
end
$$;

-- the report worker takes the oldest waiting request of a channel it serves (a console request
-- only in its own terminal session), or one whose worker's lease ran out; three tries at most.
-- null when nothing waits.
create function public.bot_report_claim(p_worker text, p_channels text[], p_console_chat text, p_lease_seconds int) returns jsonb
language sql
security definer
set search_path = public, pg_temp
as $$
  update report_requests r
     set status = 'working', worker = p_worker, attempts = r.attempts + 1,
         lease_until = clock_timestamp() + make_interval(secs => greatest(p_lease_seconds, 10))
   where r.id = (select q.id from report_requests q
                  where q.channel = any (p_channels) and q.chat_id is not null and q.attempts < 3
                    and (q.channel <> 'console' or q.chat_id = p_console_chat)
                    and (q.status = 'queued' or (q.status = 'working' and q.lease_until < clock_timestamp()))
                  order by q.created_at
                  limit 1
                  for update skip locked)
  returning jsonb_build_object('id', r.id, 'campaignId', r.campaign_id, 'channel', r.channel, 'chatId', r.chat_id,
                               'locale', r.locale, 'attempts', r.attempts)
$$;

-- what became of a claimed request: 'sent', 'failed' (given up) or 'retry' (queued again). a
-- finished request forgets its chat. false when the worker no longer holds it.
create function public.bot_report_finish(p_id uuid, p_worker text, p_outcome text, p_error text) returns boolean
language plpgsql
security definer
set search_path = public, pg_temp
as $$
begin
  if p_outcome not in ('sent', 'failed', 'retry') then
    raise exception 'bot_report_finish: unknown outcome %', p_outcome;
  end if;
  update report_requests
     set status = case p_outcome when 'retry' then (case when attempts >= 3 then 'failed' else 'queued' end) else p_outcome end,
         worker = null, lease_until = null, error = left(p_error, 200),
         chat_id = case when p_outcome = 'retry' and attempts < 3 then chat_id else null end,
         finished_at = case when p_outcome = 'retry' and attempts < 3 then null else now() end
   where id = p_id and worker = p_worker and status = 'working';
  return found;
end
$$;

-- stores a report's files behind links: p_files [{tokenHash, name, contentType, base64, singleUse}],
-- valid p_ttl_seconds from now (the bot's clock). links expired a day ago go at the same time.
create function public.bot_report_link_create(p_request_id uuid, p_files jsonb, p_ttl_seconds int) returns int
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_count int;
begin
  delete from report_links where expires_at < bot_now() - interval '1 day';
  insert into report_links (token_hash, request_id, file_name, content_type, data, single_use, expires_at)
  select f ->> 'tokenHash', p_request_id, f ->> 'name', f ->> 'contentType', decode(f ->> 'base64', 'base64'),
         coalesce((f ->> 'singleUse')::boolean, true), bot_now() + make_interval(secs => greatest(p_ttl_seconds, 1))
    from jsonb_array_elements(p_files) f;
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- a link followed: {status: 'ok', name, contentType, base64} once for a single-use link (and as
-- often as asked until it expires for the others); 'used', 'expired' or 'unknown' otherwise.
-- p_consume false only looks (the page a browser or a link preview opens): no bytes, nothing used.
create function public.bot_report_link_take(p_token_hash text, p_consume boolean) returns jsonb
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_link report_links;
begin
  select * into v_link from report_links where token_hash = p_token_hash for update;
  if not found then
    return jsonb_build_object('status', 'unknown');
  end if;
  if v_link.expires_at < bot_now() then
    update report_links set data = null where token_hash = p_token_hash;
    return jsonb_build_object('status', 'expired');
  end if;
  if v_link.used_at is not null and v_link.single_use then
    return jsonb_build_object('status', 'used');
  end if;
  if not p_consume then
    return jsonb_build_object('status', 'ok', 'name', v_link.file_name, 'contentType', v_link.content_type, 'base64', '');
  end if;
  update report_links
     set used_at = coalesce(used_at, bot_now()), data = case when single_use then null else data end
   where token_hash = p_token_hash;
  return jsonb_build_object('status', 'ok', 'name', v_link.file_name, 'contentType', v_link.content_type,
                            'base64', translate(encode(v_link.data, 'base64'), E'\n', ''));
end
$$;

-- 2. where people give up ------------------------------------------------------------------------

-- one row per nomination form a person opened (a change of a sent nomination, /sua, is not
-- counted): the campaign once it is known, the last step shown and when, and how it ended
create table public.form_runs (
  form_id uuid primary key,
  ward_id uuid,
  campaign_id uuid,
  -- no foreign key: a person who deletes their data leaves their forms as anonymous counts
  member_id uuid,
  flow text not null,
  last_step text,
  last_at timestamptz not null,
  ended text check (ended in ('submitted', 'cancelled')),
  ended_at timestamptz
);
create index form_runs_campaign_idx on public.form_runs (campaign_id);

-- the steps a form reached, in the order it first reached them
create table public.form_steps (
  form_id uuid not null references public.form_runs (form_id) on delete cascade,
  step text not null,
  pos int not null,
  reached_at timestamptz not null,
  primary key (form_id, step)
);

-- keeps form_runs and form_steps as a conversation's state changes: a nomination form showing a
-- step records it; a form replaced by no form (or another) has ended, sent when its nomination
-- exists (the nominations trigger says so too, whichever runs first), cancelled otherwise
create function public.conversations_note_form() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_old_form uuid;
  v_new_form uuid := try_uuid(new.state ->> 'formId');
  v_step text := new.state ->> 'step';
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
    insert into form_runs (form_id, ward_id, campaign_id, member_id, flow, last_step, last_at)
    values (v_new_form, (select ward_id from members where id = new.member_id), try_uuid(new.state -> 'answers' ->> 'campaignId'),
            new.member_id, 'nomination', v_step, bot_now())
    on conflict (form_id) do update
      set last_step = excluded.last_step, last_at = excluded.last_at,
          campaign_id = coalesce(excluded.campaign_id, form_runs.campaign_id)
      where form_runs.ended is null;
    insert into form_steps (form_id, step, pos, reached_at)
    select v_new_form, v_step, (select count(*) from form_steps where form_id = v_new_form), bot_now()
     where exists (select 1 from form_runs where form_id = v_new_form)
    on conflict do nothing;
  end if;
  return null;
end
$$;

create trigger conversations_note_form after insert or update of state on public.conversations
  for each row execute function public.conversations_note_form();

create function public.nominations_note_form() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  update form_runs set ended = 'submitted', ended_at = bot_now(), campaign_id = new.campaign_id
   where form_id = new.form_id and ended is distinct from 'submitted';
  return null;
end
$$;

create trigger nominations_note_form after insert on public.nominations
  for each row execute function public.nominations_note_form();

-- per step of the nomination form, in the order people meet them: how many people reached it and
-- how many stopped there (their form was cancelled at that step, or has been silent there for 24
-- hours). a person who deleted their data still counts, anonymously.
create function public.campaign_form_funnel(p_campaign_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('step', s.step, 'reached', s.reached, 'stopped', s.stopped)
                            order by s.ord, s.step), '[]'::jsonb)
    from (select fs.step, avg(fs.pos) as ord,
                 count(distinct coalesce(r.member_id, r.form_id)) as reached,
                 count(distinct coalesce(r.member_id, r.form_id)) filter (
                   where r.last_step = fs.step
                     and (r.ended = 'cancelled' or (r.ended is null and r.last_at < bot_now() - interval '24 hours'))) as stopped
            from form_runs r join form_steps fs on fs.form_id = r.form_id
           where r.campaign_id = p_campaign_id
           group by fs.step) s
$$;

-- the report's one read now carries the funnel: the function of the templates migration keeps
-- its body under another name and this one adds the funnel to what it answers
alter function public.report_campaign_data(uuid) rename to report_campaign_data_base;
-- only the new entry point runs as the owner; the old body runs inside it
alter function public.report_campaign_data_base(uuid) security invoker;

create function public.report_campaign_data(p_campaign_id uuid) returns jsonb
language sql stable security definer
set search_path = public, pg_temp
as $$
  select case when d is null then null else jsonb_set(d, '{funnel}', campaign_form_funnel(p_campaign_id)) end
    from report_campaign_data_base(p_campaign_id) d
$$;

-- /tiendo for an officer: each campaign with its funnel (leaders see none)
alter function public.fx_progress(public.members, jsonb, jsonb) rename to fx_progress_base;

create function public.fx_progress(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_result jsonb := fx_progress_base(p_member, p_effect, p_context);
begin
  if v_result ->> 'status' = 'ok' and v_result ->> 'scope' = 'ward' then
    v_result := jsonb_set(v_result, '{campaigns}', (
      select coalesce(jsonb_agg(c || jsonb_build_object('funnel', campaign_form_funnel((c ->> 'id')::uuid)) order by e.ord), '[]'::jsonb)
        from jsonb_array_elements(v_result -> 'campaigns') with ordinality as e(c, ord)));
  end if;
  return v_result;
end
$$;

update public.bot_handlers set fn = 'public.fx_progress(public.members, jsonb, jsonb)'::regprocedure
 where kind = 'effect' and name = 'progress';

-- 3. campaign setup in the chat ----------------------------------------------------------------------

-- a campaign of the member's ward as the setup shows it: its phases, council and posting period
create function public.campaign_setup_view(p_campaign public.campaigns) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'code', p_campaign.code, 'titleVi', p_campaign.title_vi, 'titleEn', p_campaign.title_en, 'status', p_campaign.status,
    'template', (select code from campaign_templates where id = p_campaign.template_id),
    'usesCouncil', p_campaign.uses_council, 'postingDays', p_campaign.posting_days,
    'phases', coalesce((select jsonb_agg(jsonb_build_object(
                                 'seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                                 'startsOn', p.starts_on, 'endsOn', p.ends_on, 'deadline', iso_utc(p.deadline),
                                 'quotaCollectives', p.quota_collectives, 'quotaIndividuals', p.quota_individuals,
                                 'quotaIsMinimum', p.quota_is_minimum) order by p.seq)
                          from campaign_phases p where p.campaign_id = p_campaign.id), '[]'::jsonb))
$$;

-- effect campaign_setup {action, ...}: an officer sets up their ward's campaigns. every answer is
-- {type: 'campaign_setup', action, status, ...}; status 'forbidden' for anyone but an officer of
-- the ward, 'unknown' for a campaign or template code the ward does not have. actions:
--   list                                    {campaigns: [view], templates: [{code, titleVi, titleEn}]}
--   create {template, code, title}          a draft from the template: its phases with their
--                                           periods and quotas; 'exists' when the code is taken,
--                                           'bad_code' / 'bad_title' for what cannot be one
--   phase {code, seq, startsOn, endsOn, deadline, quotaCollectives, quotaIndividuals}
--                                           'ends_before_start', 'overlap' (with: the other
--                                           phase's seq), 'deadline_past', 'deadline_after_end',
--                                           'bad_quota', 'no_phase'
--   council {code, uses}                    whether a council votes before honours
--   posting {code, days}                    the public posting period in days (0: none; 0-60)
--   open {code} / close {code}              'no_phases' when there is nothing to open; 'ended'
--                                           when every phase is over
-- a change answers 'done' with the campaign's view.
create function public.fx_campaign_setup(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_action text := p_effect ->> 'action';
  v_out jsonb := jsonb_build_object('type', 'campaign_setup', 'action', v_action);
  v_code text := lower(btrim(coalesce(p_effect ->> 'code', '')));
  v_campaign campaigns;
  v_template campaign_templates;
  v_tz text;
  v_from date;
  v_to date;
  v_deadline timestamptz;
  v_qc int;
  v_qi int;
  v_seq int;
  v_other int;
  v_title text;
begin
  if not has_role(p_member.id, 'officer') then
    return v_out || jsonb_build_object('status', 'forbidden');
  end if;
  if v_action = 'list' then
    return v_out || jsonb_build_object('status', 'ok',
      'campaigns', coalesce((select jsonb_agg(campaign_setup_view(c) order by array_position(array['open', 'draft', 'closed'], c.status), c.created_at desc)
                               from campaigns c where c.ward_id = p_member.ward_id), '[]'::jsonb),
      'templates', coalesce((select jsonb_agg(jsonb_build_object('code', t.code, 'titleVi', t.title_vi, 'titleEn', t.title_en) order by t.period_from desc, t.code)
                               from campaign_templates t), '[]'::jsonb));
  end if;

  if v_action = 'create' then
    select * into v_template from campaign_templates where lower(code) = lower(btrim(coalesce(p_effect ->> 'template', '')));
    if not found then
      return v_out || jsonb_build_object('status', 'unknown', 'what', 'template', 'code', left(p_effect ->> 'template', 40));
    end if;
    if v_code !~ '^[a-z0-9][a-z0-9-]{2,39}$' then
      return v_out || jsonb_build_object('status', 'bad_code', 'code', left(v_code, 40));
    end if;
    v_title := btrim(regexp_replace(coalesce(p_effect ->> 'title', ''), '\s+', ' ', 'g'));
    if char_length(v_title) < 5 or char_length(v_title) > 200 then
      return v_out || jsonb_build_object('status', 'bad_title');
    end if;
    if exists (select 1 from campaigns where ward_id = p_member.ward_id and code = v_code) then
      return v_out || jsonb_build_object('status', 'exists', 'code', v_code);
    end if;
    insert into campaigns (ward_id, template_id, code, title_vi, title_en, status, opens_at, closes_at)
    values (p_member.ward_id, v_template.id, v_code, v_title, v_title, 'draft', null, null)
    returning * into v_campaign;
    insert into campaign_phases (campaign_id, seq, name_vi, name_en, starts_on, ends_on, deadline,
                                 quota_collectives, quota_individuals, quota_is_minimum)
    select v_campaign.id, tp.seq, tp.name_vi, tp.name_en, tp.period_from, tp.period_to, null,
           tp.quota_collectives, tp.quota_individuals, tp.quota_is_minimum
      from template_phases tp where tp.template_id = v_template.id;
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    values (p_member.ward_id, p_member.id, 'campaign.created', 'campaign', v_campaign.id::text, jsonb_build_object('template', v_template.code));
    return v_out || jsonb_build_object('status', 'done', 'campaign', campaign_setup_view(v_campaign));
  end if;

  select * into v_campaign from campaigns where ward_id = p_member.ward_id and lower(code) = v_code;
  if not found then
    return v_out || jsonb_build_object('status', 'unknown', 'what', 'campaign', 'code', left(v_code, 40));
  end if;
  select time_zone into v_tz from wards where id = p_member.ward_id;

  if v_action = 'phase' then
    v_seq := (p_effect ->> 'seq')::int;
    if not exists (select 1 from campaign_phases where campaign_id = v_campaign.id and seq = v_seq) then
      return v_out || jsonb_build_object('status', 'no_phase', 'code', v_campaign.code, 'seq', v_seq);
    end if;
    v_from := (p_effect ->> 'startsOn')::date;
    v_to := (p_effect ->> 'endsOn')::date;
    v_qc := (p_effect ->> 'quotaCollectives')::int;
    v_qi := (p_effect ->> 'quotaIndividuals')::int;
    if v_to < v_from then
      return v_out || jsonb_build_object('status', 'ends_before_start', 'seq', v_seq, 'startsOn', v_from, 'endsOn', v_to);
    end if;
    select seq into v_other from campaign_phases
     where campaign_id = v_campaign.id and seq <> v_seq and starts_on <= v_to and ends_on >= v_from
     order by seq limit 1;
    if found then
      return v_out || jsonb_build_object('status', 'overlap', 'seq', v_seq, 'with', v_other,
        'withStartsOn', (select starts_on from campaign_phases where campaign_id = v_campaign.id and seq = v_other),
        'withEndsOn', (select ends_on from campaign_phases where campaign_id = v_campaign.id and seq = v_other));
    end if;
    if p_effect ->> 'deadline' is not null then
      -- a deadline is a day: nominations close at 17:00 that day in the ward's time
      v_deadline := ((p_effect ->> 'deadline')::date + time '17:00') at time zone v_tz;
      if v_deadline < bot_now() then
        return v_out || jsonb_build_object('status', 'deadline_past', 'seq', v_seq, 'deadline', p_effect ->> 'deadline');
      end if;
      if (p_effect ->> 'deadline')::date > v_to or (p_effect ->> 'deadline')::date < v_from then
        return v_out || jsonb_build_object('status', 'deadline_outside', 'seq', v_seq, 'deadline', p_effect ->> 'deadline');
      end if;
    end if;
    if v_qc is null or v_qi is null or v_qc < 0 or v_qi < 0 or v_qc > 999 or v_qi > 999 then
      return v_out || jsonb_build_object('status', 'bad_quota');
    end if;
    update campaign_phases
       set starts_on = v_from, ends_on = v_to, deadline = v_deadline, quota_collectives = v_qc, quota_individuals = v_qi
     where campaign_id = v_campaign.id and seq = v_seq;
  elsif v_action = 'council' then
    update campaigns set uses_council = coalesce((p_effect ->> 'uses')::boolean, uses_council) where id = v_campaign.id;
  elsif v_action = 'posting' then
    v_qc := (p_effect ->> 'days')::int;
    if v_qc is null or v_qc < 0 or v_qc > 60 then
      return v_out || jsonb_build_object('status', 'bad_days');
    end if;
    update campaigns set posting_days = v_qc where id = v_campaign.id;
  elsif v_action = 'open' then
    if not exists (select 1 from campaign_phases where campaign_id = v_campaign.id) then
      return v_out || jsonb_build_object('status', 'no_phases', 'code', v_campaign.code);
    end if;
    if not exists (select 1 from campaign_phases where campaign_id = v_campaign.id
                    and ends_on >= (bot_now() at time zone v_tz)::date) then
      return v_out || jsonb_build_object('status', 'ended', 'code', v_campaign.code);
    end if;
    update campaigns
       set status = 'open',
           opens_at = coalesce(opens_at, bot_now()),
           closes_at = (select ((max(ends_on) + 1)::timestamp at time zone v_tz) from campaign_phases where campaign_id = v_campaign.id)
     where id = v_campaign.id;
  elsif v_action = 'close' then
    update campaigns set status = 'closed' where id = v_campaign.id;
  else
    raise exception 'fx_campaign_setup: unknown action %', v_action;
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'campaign.' || v_action, 'campaign', v_campaign.id::text, p_effect - 'type' - 'title');
  select * into v_campaign from campaigns where id = v_campaign.id;
  return v_out || jsonb_build_object('status', 'done', 'campaign', campaign_setup_view(v_campaign));
end
$$;

-- 4. handlers and security -------------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'report_request', 'public.fx_report_request(public.members, jsonb, jsonb)'),
  ('effect', 'campaign_setup', 'public.fx_campaign_setup(public.members, jsonb, jsonb)');

alter table public.report_requests enable row level security;
alter table public.report_links enable row level security;
alter table public.form_runs enable row level security;
alter table public.form_steps enable row level security;
revoke all on table public.report_requests, public.report_links, public.form_runs, public.form_steps from public, anon, authenticated;

revoke execute on function
  public.members_forget_reports(),
  public.campaigns_of_ward(uuid),
  public.fx_report_request(public.members, jsonb, jsonb),
  public.bot_report_claim(text, text[], text, int),
  public.bot_report_finish(uuid, text, text, text),
  public.bot_report_link_create(uuid, jsonb, int),
  public.bot_report_link_take(text, boolean),
  public.conversations_note_form(),
  public.nominations_note_form(),
  public.campaign_form_funnel(uuid),
  public.report_campaign_data_base(uuid),
  public.report_campaign_data(uuid),
  public.fx_progress_base(public.members, jsonb, jsonb),
  public.fx_progress(public.members, jsonb, jsonb),
  public.campaign_setup_view(public.campaigns),
  public.fx_campaign_setup(public.members, jsonb, jsonb)
from public, anon, authenticated;
revoke execute on function public.report_campaign_data_base(uuid) from service_role;
grant execute on function
  public.bot_report_claim(text, text[], text, int),
  public.bot_report_finish(uuid, text, text, text),
  public.bot_report_link_create(uuid, jsonb, int),
  public.bot_report_link_take(text, boolean),
  public.report_campaign_data(uuid)
to service_role;
