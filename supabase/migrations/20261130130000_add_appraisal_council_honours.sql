-- add_appraisal_council_honours: the ward's side of the review path. officers appraise the
-- nominations forwarded to the ward (each criterion of the category met or not, with a note) and
-- propose them for honour or decline them with a reason; the campaign's council votes on each
-- proposal; an approved proposal is posted for residents' comments for the campaign's posting
-- period; after it an officer honours the nomination (or not). an officer reads a nomination's
-- whole history.
--
-- what is here:
--   1. helpers: roles in a ward, phases, the council's tally and outcome, who did a history row,
--      the dossier an officer or a council member reads
--   2. appraisal: the officers' list per campaign and phase, the dossier, fx_appraise,
--      fx_council_close (an officer closes a vote)
--   3. the council: its list, fx_council_vote (the vote closes when every member has voted)
--   4. public posting: fx_posted_list, lookup_posted_one, fx_post_comment
--   5. honours: the list, fx_honour
--   6. history: fx_nomination_history
--   7. the allow-list rows, rls and grants
--
-- every function that acts for an officer or a council member checks the role itself (a resident's
-- member id gets {status: 'forbidden'}); every expected outcome is a value, never an exception.
-- time is bot_now() (CLOCK_OFFSET shifts it). must run on postgresql 15, 17 and 18 (pglite).

-- 1. helpers ---------------------------------------------------------------------------------------

-- whether the member holds the role (officer, council) in the ward now
create function public.has_ward_role(p_member_id uuid, p_role text, p_ward_id uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r
                  where r.member_id = p_member_id and r.role = p_role and r.revoked_at is null
                    and r.ward_id = p_ward_id)
$$;

-- a page number from a request: 0 when missing or malformed
create function public.request_page(p_request jsonb) returns int
language sql immutable
set search_path = public, pg_temp
as $$
  select case when coalesce(p_request ->> 'page', '') ~ '^[0-9]{1,5}$' then (p_request ->> 'page')::int else 0 end
$$;

-- the page to show of p_total rows, p_size a page: the one asked for, or the last one
create function public.clamp_page(p_page int, p_total int, p_size int) returns int
language sql immutable
set search_path = public, pg_temp
as $$
  select least(greatest(p_page, 0), greatest((p_total - 1) / p_size, 0))
$$;

-- today in the ward's time zone, on the bot's clock
create function public.ward_today(p_ward_id uuid) returns date
language sql stable
set search_path = public, pg_temp
as $$
  select (bot_now() at time zone w.time_zone)::date from wards w where w.id = p_ward_id
$$;

-- the campaign's phase containing a day, if any
create function public.campaign_phase_on(p_campaign_id uuid, p_day date) returns uuid
language sql stable
set search_path = public, pg_temp
as $$
  select p.id from campaign_phases p
   where p.campaign_id = p_campaign_id and p_day between p.starts_on and p.ends_on
   order by p.seq limit 1
$$;

-- the campaign's current phase (as the catalog shows it): the one running today, else the next
create function public.campaign_current_phase(p_campaign_id uuid, p_today date) returns uuid
language sql stable
set search_path = public, pg_temp
as $$
  select p.id from campaign_phases p
   where p.campaign_id = p_campaign_id and p.ends_on >= p_today
   order by (p.starts_on <= p_today) desc, p.starts_on, p.seq limit 1
$$;

-- the phase a nomination belongs to: the one containing the day it was submitted (ward time)
create function public.nomination_phase(p_nomination public.nominations) returns uuid
language sql stable
set search_path = public, pg_temp
as $$
  select campaign_phase_on(p_nomination.campaign_id, (p_nomination.created_at at time zone w.time_zone)::date)
    from wards w where w.id = p_nomination.ward_id
$$;

-- the honour a ward gives unless the officer names another (Luật Thi đua, khen thưởng, điều 80)
create function public.honour_default_title() returns text
language sql immutable
set search_path = public, pg_temp
as $$ select 'Giấy khen của Chủ tịch UBND phường'::text $$;

-- the council's votes on a proposal, counting only current members of the ward's council:
-- {members, agree, disagree, abstain, voted}
create function public.council_tally(p_nomination_id uuid, p_ward_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  with council as (
    select distinct r.member_id from member_roles r
     where r.ward_id = p_ward_id and r.role = 'council' and r.revoked_at is null
  ), votes as (
    select v.vote from council_votes v join council c on c.member_id = v.member_id
     where v.nomination_id = p_nomination_id
  )
  select jsonb_build_object(
    'members', (select count(*) from council),
    'agree', (select count(*) from votes where vote = 'agree'),
    'disagree', (select count(*) from votes where vote = 'disagree'),
    'abstain', (select count(*) from votes where vote = 'abstain'),
    'voted', (select count(*) from votes))
$$;

-- the council's result. both settings are "strictly more than": the quorum is met when more than
-- p_quorum of the members voted; the proposal passes when more than p_threshold of the votes cast
-- agree (an abstention is a vote cast that does not agree). exactly half is not more than half.
create function public.council_outcome(p_members int, p_agree int, p_disagree int, p_abstain int,
                                       p_quorum numeric, p_threshold numeric)
returns text
language sql immutable
set search_path = public, pg_temp
as $$
  select case
    when p_members <= 0 or (p_agree + p_disagree + p_abstain) <= p_quorum * p_members then 'no_quorum'
    when p_agree > p_threshold * (p_agree + p_disagree + p_abstain) then 'approved'
    else 'rejected'
  end
$$;

-- the outcome of a tally under a campaign's settings
create function public.council_tally_outcome(p_tally jsonb, p_campaign public.campaigns) returns text
language sql immutable
set search_path = public, pg_temp
as $$
  select council_outcome((p_tally ->> 'members')::int, (p_tally ->> 'agree')::int, (p_tally ->> 'disagree')::int,
                         (p_tally ->> 'abstain')::int, p_campaign.council_quorum, p_campaign.council_threshold)
$$;

-- the council's result as the note of the status change (the ward's records are in vietnamese)
create function public.council_result_note(p_tally jsonb, p_outcome text) returns text
language sql immutable
set search_path = public, pg_temp
as $$
  select 'Hội đồng Thi đua – Khen thưởng biểu quyết: ' || (p_tally ->> 'agree') || ' đồng ý, '
         || (p_tally ->> 'disagree') || ' không đồng ý, ' || (p_tally ->> 'abstain') || ' không ý kiến ('
         || (p_tally ->> 'voted') || '/' || (p_tally ->> 'members') || ' thành viên); '
         || case p_outcome when 'approved' then 'thông qua.'
                           when 'rejected' then 'không thông qua.'
                           else 'không đủ số thành viên biểu quyết.' end
$$;

-- who did a history row, as a history shows it: {role, holderName, unitName, unitKind}, or null for someone
-- without a role. leaders screen (forwarded, returned, declined), so for those rows a leader's
-- role of the nomination's unit comes first; for the ward's steps the officer's role does.
create function public.history_actor(p_member_id uuid, p_nomination public.nominations, p_status text, p_at timestamptz)
returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_strip_nulls(jsonb_build_object('role', r.role, 'holderName', r.holder_name, 'unitName', u.name, 'unitKind', u.kind))
    from member_roles r left join units u on u.id = r.unit_id
   where r.member_id = p_member_id and r.ward_id = p_nomination.ward_id
   order by (r.revoked_at is null or r.revoked_at >= p_at) desc,
            case
              when p_status in ('forwarded', 'returned', 'declined', 'screened') then
                case when r.role = 'leader' and r.unit_id = p_nomination.unit_id then 0
                     when r.role = 'officer' then 1 when r.role = 'council' then 2 else 3 end
              else
                case when r.role = 'officer' then 0 when r.role = 'council' then 1
                     when r.role = 'leader' and r.unit_id = p_nomination.unit_id then 2 else 3 end
            end,
            r.granted_at desc
   limit 1
$$;

-- the criteria of a nomination's category: the template's general ones first, then the category's
create function public.nomination_criteria_json(p_nomination public.nominations) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'vi', r.text_vi, 'en', r.text_en)
                            order by (r.category_id is not null), r.seq, r.id), '[]'::jsonb)
    from criteria r join categories k on k.id = p_nomination.category_id
   where r.template_id = k.template_id and (r.category_id is null or r.category_id = k.id)
$$;

-- one line of a list of nominations: {code, nomineeName, category {vi, en}, unitName, status}
create function public.nomination_line(p_nomination public.nominations) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'code', p_nomination.receipt_code, 'nomineeName', p_nomination.nominee_name,
    'category', jsonb_build_object('vi', k.name_vi, 'en', k.name_en),
    'unitName', u.name, 'status', p_nomination.status)
    from categories k, units u
   where k.id = p_nomination.category_id and u.id = p_nomination.unit_id
$$;

-- when the nomination reached its current status (its last history row), for "waiting since"
create function public.nomination_since(p_nomination public.nominations) returns timestamptz
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce((select max(h.at) from nomination_status_history h
                    where h.nomination_id = p_nomination.id and h.status = p_nomination.status),
                  p_nomination.updated_at)
$$;

-- everything an officer (view 'appraise' or 'honour') or a council member (view 'council') reads
-- about one nomination. a council member sees neither the nominator's contact nor how others voted.
create function public.review_dossier_json(p_nomination public.nominations, p_view text, p_member_id uuid) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_campaign campaigns;
  v_tally jsonb;
  v_forwarded jsonb;
  v_last jsonb;
  v_council jsonb;
begin
  select * into strict v_campaign from campaigns where id = p_nomination.campaign_id;
  v_tally := council_tally(p_nomination.id, p_nomination.ward_id);
  if p_view = 'council' then
    v_council := jsonb_build_object('members', v_tally -> 'members', 'voted', v_tally -> 'voted',
      'myVote', (select v.vote from council_votes v where v.nomination_id = p_nomination.id and v.member_id = p_member_id));
  else
    v_council := v_tally || jsonb_build_object('outcome', council_tally_outcome(v_tally, v_campaign));
  end if;

  -- the screening that sent it to the ward: when, by whom, with which comment
  select jsonb_strip_nulls(jsonb_build_object('at', iso_utc(h.at), 'note', h.note,
           'by', history_actor(h.actor_member_id, p_nomination, h.status, h.at)))
    into v_forwarded
    from nomination_status_history h
   where h.nomination_id = p_nomination.id and h.status = 'forwarded'
   order by h.at desc, h.id desc limit 1;

  -- the last change (a closed vote's result is its note)
  select jsonb_strip_nulls(jsonb_build_object('status', h.status, 'at', iso_utc(h.at), 'note', h.note))
    into v_last
    from nomination_status_history h
   where h.nomination_id = p_nomination.id
   order by h.at desc, h.id desc limit 1;

  return jsonb_strip_nulls(jsonb_build_object(
    'id', p_nomination.id,
    'view', p_view,
    'line', nomination_line(p_nomination),
    'kind', p_nomination.kind,
    'ledUnitName', (select name from units where id = p_nomination.led_unit_id),
    'deeds', p_nomination.deeds,
    'hasPhoto', p_nomination.photo_ref is not null,
    'submittedAt', iso_utc(p_nomination.created_at),
    'postingUntil', iso_utc(p_nomination.posting_until),
    'postingOpen', p_nomination.status = 'posted' and bot_now() <= p_nomination.posting_until,
    'endorsements', (select count(*) from endorsements e where e.nomination_id = p_nomination.id),
    'contact', case when p_view <> 'council' and p_nomination.contact_consent
                    then jsonb_strip_nulls(jsonb_build_object('name', p_nomination.contact_name, 'phone', p_nomination.contact_phone)) end,
    'campaign', jsonb_build_object('titleVi', v_campaign.title_vi, 'titleEn', v_campaign.title_en,
                                   'usesCouncil', v_campaign.uses_council, 'postingDays', v_campaign.posting_days,
                                   'quorum', v_campaign.council_quorum, 'threshold', v_campaign.council_threshold),
    'criteria', nomination_criteria_json(p_nomination),
    'claimed', coalesce((select jsonb_agg(c.criterion_id) from nomination_criteria c where c.nomination_id = p_nomination.id), '[]'::jsonb),
    'forwarded', v_forwarded,
    'last', v_last,
    'marks', coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('criterionId', m.criterion_id, 'met', m.met, 'note', m.note)))
                         from appraisal_marks m where m.nomination_id = p_nomination.id), '[]'::jsonb),
    'council', v_council,
    'comments', (select count(*) from public_comments c where c.nomination_id = p_nomination.id),
    'today', to_char(ward_today(p_nomination.ward_id), 'YYYY-MM-DD'),
    'phases', coalesce((select jsonb_agg(jsonb_build_object('id', p.id, 'seq', p.seq, 'vi', p.name_vi, 'en', p.name_en,
                                                            'startsOn', to_char(p.starts_on, 'YYYY-MM-DD'),
                                                            'endsOn', to_char(p.ends_on, 'YYYY-MM-DD')) order by p.seq)
                          from campaign_phases p where p.campaign_id = p_nomination.campaign_id), '[]'::jsonb),
    'currentPhaseId', campaign_current_phase(p_nomination.campaign_id, ward_today(p_nomination.ward_id)),
    'defaultTitle', case when p_view = 'honour' then honour_default_title() end));
end
$$;

-- lookup review_dossier {code, view}: one nomination of the member's ward, for an officer (views
-- 'appraise', 'honour') or a council member (view 'council': only nominations that were proposed)
create function public.lookup_review_dossier(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_view text := coalesce(p_request ->> 'view', '');
  v_row nominations;
begin
  if v_view not in ('appraise', 'honour', 'council') then
    return jsonb_build_object('status', 'invalid');
  end if;
  if not has_ward_role(p_member.id, case when v_view = 'council' then 'council' else 'officer' end, p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  select n.* into v_row from nominations n
   where n.ward_id = p_member.ward_id and n.receipt_code = receipt_code_normalize(coalesce(p_request ->> 'code', ''));
  if v_row.id is null
     or (v_view = 'council' and not exists (select 1 from nomination_status_history h
                                              where h.nomination_id = v_row.id and h.status = 'proposed')) then
    return jsonb_build_object('status', 'not_found');
  end if;
  return jsonb_build_object('status', 'found', 'dossier', review_dossier_json(v_row, v_view, p_member.id));
end
$$;

-- 2. appraisal -------------------------------------------------------------------------------------

-- what waits for the ward's officers: forwarded nominations (to appraise) and proposals (the
-- council's vote, which an officer may close), each with its group "<campaign id>:<phase id or ->"
-- (the phase containing the day the nomination was submitted) and when it reached its status
create function public.appraisal_queue(p_ward_id uuid)
returns table (id uuid, grp text, status text, since timestamptz, code text)
language sql stable
set search_path = public, pg_temp
as $$
  select n.id, n.campaign_id || ':' || coalesce(nomination_phase(n)::text, '-'), n.status, nomination_since(n), n.receipt_code
    from nominations n
   where n.ward_id = p_ward_id and n.status in ('forwarded', 'proposed')
$$;

-- lookup appraisal_list {group?, page}: the officers' list, per campaign and phase, forwarded ones
-- first, oldest first, a page at a time. with several groups and none asked for, no items: the
-- officer chooses a group first.
create function public.lookup_appraisal_list(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_size constant int := 8;
  v_groups jsonb;
  v_group text := p_request ->> 'group';
  v_total int;
  v_page int;
  v_items jsonb;
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;

  select coalesce(jsonb_agg(jsonb_build_object(
           'key', g.grp,
           'campaign', jsonb_build_object('vi', c.title_vi, 'en', c.title_en),
           'phase', case when p.id is not null then jsonb_build_object('seq', p.seq, 'vi', p.name_vi, 'en', p.name_en) end,
           'forwarded', g.forwarded, 'proposed', g.proposed)
         order by c.opens_at nulls last, c.code, p.seq nulls last), '[]'::jsonb)
    into v_groups
    from (select q.grp, count(*) filter (where q.status = 'forwarded') as forwarded,
                 count(*) filter (where q.status = 'proposed') as proposed
            from appraisal_queue(p_member.ward_id) q group by q.grp) g
    join campaigns c on c.id = try_uuid(split_part(g.grp, ':', 1))
    left join campaign_phases p on p.id = try_uuid(split_part(g.grp, ':', 2));

  if v_group is null or not exists (select 1 from jsonb_array_elements(v_groups) x where x ->> 'key' = v_group) then
    v_group := case when jsonb_array_length(v_groups) = 1 then v_groups -> 0 ->> 'key' end;
  end if;

  select count(*) into v_total from appraisal_queue(p_member.ward_id) q where q.grp = v_group;
  v_page := clamp_page(request_page(p_request), v_total, v_size);
  select coalesce(jsonb_agg(x.item order by x.ord), '[]'::jsonb) into v_items
    from (select nomination_line(n) || jsonb_build_object('since', iso_utc(q.since))
                 || case when n.status = 'proposed' then
                      jsonb_build_object('council', council_tally(n.id, n.ward_id) - 'agree' - 'disagree' - 'abstain')
                    else '{}'::jsonb end as item,
                 row_number() over (order by (q.status = 'proposed'), q.since, q.code) as ord
            from appraisal_queue(p_member.ward_id) q join nominations n on n.id = q.id
           where q.grp = v_group
           order by (q.status = 'proposed'), q.since, q.code
           offset v_page * v_size limit v_size) x;

  return jsonb_strip_nulls(jsonb_build_object('status', 'ok', 'groups', v_groups, 'group', v_group,
                            'total', v_total, 'page', v_page, 'pageSize', v_size, 'items', v_items));
end
$$;

-- closes the council's vote on a proposal (the caller holds the nomination's row lock and has seen
-- it 'proposed'): approved -> 'posted' for the campaign's posting period, or 'approved' without
-- one; rejected or without a quorum -> 'not_honoured'; the council's result is the note. the
-- officers (but the one who closed it) are told. null when the status had moved.
create function public.council_close(p_nomination public.nominations, p_actor uuid) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_campaign campaigns;
  v_tally jsonb;
  v_outcome text;
  v_to text;
  v_row nominations;
  v_until timestamptz;
  v_notified int := 0;
begin
  select * into strict v_campaign from campaigns where id = p_nomination.campaign_id;
  v_tally := council_tally(p_nomination.id, p_nomination.ward_id);
  v_outcome := council_tally_outcome(v_tally, v_campaign);
  v_to := case when v_outcome <> 'approved' then 'not_honoured'
               when v_campaign.posting_days > 0 then 'posted' else 'approved' end;
  v_row := nomination_transition(p_nomination.id, array['proposed'], v_to, p_actor, council_result_note(v_tally, v_outcome));
  if v_row.id is null then
    return null;
  end if;
  if v_to = 'posted' then
    update nominations set posting_until = bot_now() + make_interval(days => v_campaign.posting_days)
     where id = v_row.id returning posting_until into v_until;
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_row.ward_id, p_actor, 'council.closed', 'nomination', v_row.id::text,
          jsonb_build_object('code', v_row.receipt_code, 'outcome', v_outcome) || v_tally);
  v_notified := notify_role(v_row.ward_id, 'officer', null, 'council_result:' || v_row.id,
    jsonb_build_object('notice', 'council_result', 'args', jsonb_strip_nulls(jsonb_build_object(
      'code', v_row.receipt_code, 'name', v_row.nominee_name, 'outcome', v_outcome, 'status', v_to,
      'postingUntil', iso_utc(v_until)) || v_tally)),
    p_actor);
  return jsonb_strip_nulls(jsonb_build_object('outcome', v_outcome, 'status', v_to, 'tally', v_tally,
                                              'postingUntil', iso_utc(v_until),
                                              'notified', v_notified + (v_row.nominator_id is distinct from p_actor)::int));
end
$$;

-- effect appraise {nominationId, decision: propose|decline, marks: [{criterionId, met, note?}],
-- note?, reason?}: an officer's appraisal of a forwarded nomination. proposing needs a mark for
-- every criterion of the category; declining needs a reason. proposing goes to the council
-- ('proposed', its members told) or, without one, straight to 'posted' (for posting_days) or
-- 'approved'. of two officers acting at once one wins; the other gets 'moved' with the status.
create function public.fx_appraise(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_decision text := p_effect ->> 'decision';
  v_reason text := nullif(btrim(coalesce(p_effect ->> 'reason', '')), '');
  v_note text := nullif(btrim(coalesce(p_effect ->> 'note', '')), '');
  v_marks jsonb := case when jsonb_typeof(p_effect -> 'marks') = 'array' then p_effect -> 'marks' else '[]'::jsonb end;
  v_n nominations;
  v_campaign campaigns;
  v_criteria uuid[];
  v_to text;
  v_row nominations;
  v_until timestamptz;
  v_members int := 0;
  v_notified int := 0;
  v_history bigint;
  v_result jsonb := jsonb_build_object('type', 'appraise');
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  select * into v_n from nominations where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id for update;
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  v_result := v_result || jsonb_build_object('code', v_n.receipt_code, 'name', v_n.nominee_name);
  if v_decision is null or v_decision not in ('propose', 'decline')
     or char_length(coalesce(v_reason, '')) > 1000 or char_length(coalesce(v_note, '')) > 1000 then
    return v_result || jsonb_build_object('status', 'invalid');
  end if;
  if v_decision = 'decline' and (v_reason is null or char_length(v_reason) < 3) then
    return v_result || jsonb_build_object('status', 'reason_required');
  end if;
  if v_n.status <> 'forwarded' then
    return v_result || jsonb_build_object('status', 'moved', 'current', v_n.status);
  end if;

  select array_agg((c ->> 'id')::uuid) into v_criteria from jsonb_array_elements(nomination_criteria_json(v_n)) c;
  if exists (select 1 from jsonb_array_elements(v_marks) m
              where try_uuid(m ->> 'criterionId') is null or not (try_uuid(m ->> 'criterionId') = any (v_criteria))
                 or jsonb_typeof(m -> 'met') <> 'boolean' or char_length(coalesce(m ->> 'note', '')) > 1000) then
    return v_result || jsonb_build_object('status', 'invalid');
  end if;
  if v_decision = 'propose' and exists (
       select 1 from unnest(v_criteria) c
        where not exists (select 1 from jsonb_array_elements(v_marks) m where try_uuid(m ->> 'criterionId') = c)) then
    return v_result || jsonb_build_object('status', 'marks_required');
  end if;

  select * into strict v_campaign from campaigns where id = v_n.campaign_id;
  v_to := case when v_decision = 'decline' then 'declined'
               when v_campaign.uses_council then 'proposed'
               when v_campaign.posting_days > 0 then 'posted' else 'approved' end;
  v_row := nomination_transition(v_n.id, array['forwarded'], v_to, p_member.id,
                                 case when v_decision = 'decline' then v_reason else v_note end);
  if v_row.id is null then
    return v_result || jsonb_build_object('status', 'moved', 'current', (select status from nominations where id = v_n.id));
  end if;

  insert into appraisal_marks (nomination_id, criterion_id, met, note, marked_by, marked_at)
  select v_n.id, try_uuid(m ->> 'criterionId'), (m ->> 'met')::boolean, nullif(btrim(coalesce(m ->> 'note', '')), ''),
         p_member.id, bot_now()
    from jsonb_array_elements(v_marks) m
  on conflict (nomination_id, criterion_id) do update
    set met = excluded.met, note = excluded.note, marked_by = excluded.marked_by, marked_at = excluded.marked_at;
  if jsonb_array_length(v_marks) > 0 then
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    values (v_n.ward_id, p_member.id, 'appraisal.marked', 'nomination', v_n.id::text,
            jsonb_build_object('code', v_n.receipt_code,
                               'met', (select count(*) from jsonb_array_elements(v_marks) m where (m ->> 'met')::boolean),
                               'marked', jsonb_array_length(v_marks)));
  end if;

  if v_to = 'proposed' then
    select max(id) into v_history from nomination_status_history where nomination_id = v_n.id;
    v_members := (council_tally(v_n.id, v_n.ward_id) ->> 'members')::int;
    v_notified := notify_role(v_n.ward_id, 'council', null, 'council:' || v_n.id || ':' || v_history,
      jsonb_build_object('notice', 'council_vote', 'args', jsonb_build_object(
        'code', v_n.receipt_code, 'name', v_n.nominee_name, 'unit', (select name from units where id = v_n.unit_id))),
      p_member.id);
  elsif v_to = 'posted' then
    update nominations set posting_until = bot_now() + make_interval(days => v_campaign.posting_days)
     where id = v_n.id returning posting_until into v_until;
  end if;
  return v_result || jsonb_strip_nulls(jsonb_build_object(
    'status', 'done', 'outcome', v_to, 'councilMembers', case when v_to = 'proposed' then v_members end,
    'postingUntil', iso_utc(v_until),
    'notified', v_notified + (v_n.nominator_id is distinct from p_member.id)::int));
end
$$;

-- effect council_close {nominationId}: an officer closes the council's vote on a proposal. with
-- no council member at all nothing changes ('no_council'): invite members first.
create function public.fx_council_close(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_n nominations;
  v_closed jsonb;
  v_result jsonb := jsonb_build_object('type', 'council_close');
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  select * into v_n from nominations where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id for update;
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  v_result := v_result || jsonb_build_object('code', v_n.receipt_code, 'name', v_n.nominee_name);
  if v_n.status <> 'proposed' then
    return v_result || jsonb_build_object('status', 'moved', 'current', v_n.status);
  end if;
  if (council_tally(v_n.id, v_n.ward_id) ->> 'members')::int = 0 then
    return v_result || jsonb_build_object('status', 'no_council');
  end if;
  v_closed := council_close(v_n, p_member.id);
  if v_closed is null then
    return v_result || jsonb_build_object('status', 'moved', 'current', (select status from nominations where id = v_n.id));
  end if;
  return v_result || jsonb_build_object('status', 'closed', 'closed', v_closed - 'notified', 'notified', v_closed -> 'notified');
end
$$;

-- 3. the council -----------------------------------------------------------------------------------

-- lookup council_list {page}: the proposals waiting for the council's vote, oldest first, with the
-- member's own vote
create function public.lookup_council_list(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_size constant int := 8;
  v_total int;
  v_page int;
  v_items jsonb;
begin
  if not has_ward_role(p_member.id, 'council', p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  select count(*) into v_total from nominations n where n.ward_id = p_member.ward_id and n.status = 'proposed';
  v_page := clamp_page(request_page(p_request), v_total, v_size);
  select coalesce(jsonb_agg(x.item order by x.since, x.code), '[]'::jsonb) into v_items
    from (select nomination_line(n) || jsonb_strip_nulls(jsonb_build_object('since', iso_utc(nomination_since(n)),
                   'myVote', (select v.vote from council_votes v where v.nomination_id = n.id and v.member_id = p_member.id))) as item,
                 nomination_since(n) as since, n.receipt_code as code
            from nominations n
           where n.ward_id = p_member.ward_id and n.status = 'proposed'
           order by 2, 3
           offset v_page * v_size limit v_size) x;
  return jsonb_build_object('status', 'ok', 'total', v_total, 'page', v_page, 'pageSize', v_size, 'items', v_items);
end
$$;

-- effect council_vote {nominationId, vote: agree|disagree|abstain}: a council member's vote on a
-- proposal, changeable while the vote is open; the vote closes by itself once every current
-- member has voted. after it closed: 'closed' with the nomination's status and the result.
create function public.fx_council_vote(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_vote text := p_effect ->> 'vote';
  v_n nominations;
  v_previous text;
  v_closed jsonb;
  v_result jsonb := jsonb_build_object('type', 'council_vote');
begin
  if not has_ward_role(p_member.id, 'council', p_member.ward_id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  if v_vote is null or v_vote not in ('agree', 'disagree', 'abstain') then
    return v_result || jsonb_build_object('status', 'invalid');
  end if;
  -- the row lock orders the votes on one proposal: the last voter sees every other vote
  select * into v_n from nominations where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id for update;
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  select v.vote into v_previous from council_votes v where v.nomination_id = v_n.id and v.member_id = p_member.id;
  v_result := v_result || jsonb_strip_nulls(jsonb_build_object('code', v_n.receipt_code, 'name', v_n.nominee_name,
                                                               'vote', v_vote, 'previous', v_previous));
  if v_n.status <> 'proposed' then
    return v_result || jsonb_build_object('status', 'closed', 'current', v_n.status,
      'last', (select jsonb_strip_nulls(jsonb_build_object('at', iso_utc(h.at), 'note', h.note))
                 from nomination_status_history h where h.nomination_id = v_n.id order by h.at desc, h.id desc limit 1));
  end if;

  insert into council_votes (nomination_id, member_id, vote, voted_at) values (v_n.id, p_member.id, v_vote, bot_now())
  on conflict (nomination_id, member_id) do update set vote = excluded.vote, voted_at = excluded.voted_at;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_n.ward_id, p_member.id, 'council.voted', 'nomination', v_n.id::text,
          jsonb_build_object('code', v_n.receipt_code, 'vote', v_vote, 'changed', v_previous is not null and v_previous <> v_vote));

  if not exists (select 1 from member_roles r
                  where r.ward_id = v_n.ward_id and r.role = 'council' and r.revoked_at is null
                    and not exists (select 1 from council_votes v where v.nomination_id = v_n.id and v.member_id = r.member_id)) then
    v_closed := council_close(v_n, p_member.id);
  end if;
  return v_result || jsonb_strip_nulls(jsonb_build_object(
    'status', case when v_previous is null then 'voted' when v_previous = v_vote then 'unchanged' else 'changed' end,
    'closed', v_closed - 'notified', 'notified', v_closed -> 'notified'));
end
$$;

-- 4. public posting --------------------------------------------------------------------------------

-- the longest comment a resident may send, and how many one person may send on one nomination
create function public.public_comment_limits() returns table (max_chars int, per_member int)
language sql immutable
set search_path = public, pg_temp
as $$ select 1000, 5 $$;

-- effect posted_list: the exemplars posted for comments now (posting period running), for
-- everyone: what they did, and until when comments are open
create function public.fx_posted_list(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('type', 'posted_list', 'items', coalesce(jsonb_agg(x.item order by x.until, x.code), '[]'::jsonb))
    from (select nomination_line(n) || jsonb_build_object('deeds', n.deeds, 'postingUntil', iso_utc(n.posting_until)) as item,
                 n.posting_until as until, n.receipt_code as code
            from nominations n
           where n.ward_id = p_member.ward_id and n.status = 'posted' and n.posting_until >= bot_now()
           order by n.posting_until, n.receipt_code
           limit 30) x
$$;

-- lookup posted_one {code}: whether a nomination takes comments now
create function public.lookup_posted_one(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce((
    select jsonb_build_object('status', case when n.posting_until >= bot_now() then 'open' else 'closed' end,
                              'code', n.receipt_code, 'name', n.nominee_name, 'postingUntil', iso_utc(n.posting_until))
      from nominations n
     where n.ward_id = p_member.ward_id and n.receipt_code = receipt_code_normalize(coalesce(p_request ->> 'code', ''))
       and n.status = 'posted' and n.posting_until is not null),
    jsonb_build_object('status', 'not_posted'))
$$;

-- effect post_comment {code, text}: a resident's comment on a posted nomination while its posting
-- period runs; it reaches the ward's officers. the text is never written to the audit log.
create function public.fx_post_comment(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_text text := btrim(coalesce(p_effect ->> 'text', ''));
  v_limits record;
  v_n nominations;
  v_id bigint;
  v_notified int;
  v_result jsonb := jsonb_build_object('type', 'post_comment', 'code', receipt_code_normalize(coalesce(p_effect ->> 'code', '')));
begin
  select * into v_limits from public_comment_limits();
  if v_text = '' then
    return v_result || jsonb_build_object('status', 'empty');
  end if;
  if char_length(v_text) > v_limits.max_chars then
    return v_result || jsonb_build_object('status', 'too_long', 'length', char_length(v_text), 'max', v_limits.max_chars);
  end if;
  select * into v_n from nominations n
   where n.ward_id = p_member.ward_id and n.receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if v_n.id is null or v_n.status <> 'posted' or v_n.posting_until is null then
    return v_result || jsonb_build_object('status', 'not_posted');
  end if;
  v_result := v_result || jsonb_build_object('code', v_n.receipt_code, 'name', v_n.nominee_name, 'postingUntil', iso_utc(v_n.posting_until));
  if bot_now() > v_n.posting_until then
    return v_result || jsonb_build_object('status', 'closed');
  end if;
  if (select count(*) from public_comments c where c.nomination_id = v_n.id and c.member_id = p_member.id) >= v_limits.per_member then
    return v_result || jsonb_build_object('status', 'limit', 'max', v_limits.per_member);
  end if;
  insert into public_comments (nomination_id, member_id, body, created_at) values (v_n.id, p_member.id, v_text, bot_now())
  returning id into v_id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_n.ward_id, p_member.id, 'comment.posted', 'nomination', v_n.id::text,
          jsonb_build_object('code', v_n.receipt_code, 'comment', v_id));
  v_notified := notify_role(v_n.ward_id, 'officer', null, 'comment:' || v_id,
    jsonb_build_object('notice', 'public_comment', 'args', jsonb_build_object(
      'code', v_n.receipt_code, 'name', v_n.nominee_name, 'text', v_text)),
    p_member.id);
  return v_result || jsonb_build_object('status', 'sent', 'notified', v_notified);
end
$$;

-- 5. honours ---------------------------------------------------------------------------------------

-- lookup honour_list {page}: what an officer may honour now: posted nominations whose posting
-- period ended, and approved ones; with how many are still posted and when the first one ends
create function public.lookup_honour_list(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_size constant int := 8;
  v_now timestamptz := bot_now();
  v_total int;
  v_page int;
  v_items jsonb;
  v_posting jsonb;
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  select count(*) into v_total from nominations n
   where n.ward_id = p_member.ward_id
     and (n.status = 'approved' or (n.status = 'posted' and v_now > n.posting_until));
  v_page := clamp_page(request_page(p_request), v_total, v_size);
  select coalesce(jsonb_agg(x.item order by x.ord), '[]'::jsonb) into v_items
    from (select nomination_line(n) || jsonb_strip_nulls(jsonb_build_object(
                   'postingUntil', iso_utc(n.posting_until),
                   'comments', (select count(*) from public_comments c where c.nomination_id = n.id))) as item,
                 row_number() over (order by coalesce(n.posting_until, nomination_since(n)), n.receipt_code) as ord
            from nominations n
           where n.ward_id = p_member.ward_id
             and (n.status = 'approved' or (n.status = 'posted' and v_now > n.posting_until))
           order by coalesce(n.posting_until, nomination_since(n)), n.receipt_code
           offset v_page * v_size limit v_size) x;
  select jsonb_build_object('count', count(*), 'nextUntil', iso_utc(min(n.posting_until))) into v_posting
    from nominations n
   where n.ward_id = p_member.ward_id and n.status = 'posted' and n.posting_until >= v_now;
  return jsonb_build_object('status', 'ok', 'total', v_total, 'page', v_page, 'pageSize', v_size, 'items', v_items,
                            'posting', jsonb_strip_nulls(v_posting));
end
$$;

-- effect honour {nominationId, decision: honour|decline, title?, date? (yyyy-mm-dd), reason?}: after
-- the posting period (or once approved without one) an officer honours a nomination, recorded in
-- honours with the phase it counts for (the campaign phase containing the date, else the current
-- one, else its last), or declines it with a reason. the nominator and the endorsers are told by
-- nomination_transition.
create function public.fx_honour(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_decision text := p_effect ->> 'decision';
  v_title text := btrim(coalesce(nullif(btrim(coalesce(p_effect ->> 'title', '')), ''), honour_default_title()));
  v_reason text := nullif(btrim(coalesce(p_effect ->> 'reason', '')), '');
  v_date date;
  v_n nominations;
  v_phase campaign_phases;
  v_row nominations;
  v_result jsonb := jsonb_build_object('type', 'honour');
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  select * into v_n from nominations where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id for update;
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  v_result := v_result || jsonb_build_object('code', v_n.receipt_code, 'name', v_n.nominee_name);
  if v_decision is null or v_decision not in ('honour', 'decline') or char_length(coalesce(v_reason, '')) > 1000 then
    return v_result || jsonb_build_object('status', 'invalid');
  end if;
  if v_decision = 'decline' and (v_reason is null or char_length(v_reason) < 3) then
    return v_result || jsonb_build_object('status', 'reason_required');
  end if;
  if v_n.status not in ('posted', 'approved') then
    return v_result || jsonb_build_object('status', 'moved', 'current', v_n.status);
  end if;
  if v_n.status = 'posted' and bot_now() <= v_n.posting_until then
    return v_result || jsonb_build_object('status', 'posting_open', 'postingUntil', iso_utc(v_n.posting_until));
  end if;

  if v_decision = 'decline' then
    v_row := nomination_transition(v_n.id, array['posted', 'approved'], 'not_honoured', p_member.id, v_reason);
    if v_row.id is null then
      return v_result || jsonb_build_object('status', 'moved', 'current', (select status from nominations where id = v_n.id));
    end if;
    return v_result || jsonb_build_object('status', 'not_honoured', 'notified', (v_n.nominator_id is distinct from p_member.id)::int);
  end if;

  if char_length(v_title) not between 2 and 200 then
    return v_result || jsonb_build_object('status', 'invalid');
  end if;
  if coalesce(p_effect ->> 'date', '') = '' then
    v_date := ward_today(v_n.ward_id);
  elsif p_effect ->> 'date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then
    begin
      v_date := (p_effect ->> 'date')::date;
    exception when others then
      v_date := null;
    end;
  end if;
  if v_date is null or v_date < date '2000-01-01' or v_date > ward_today(v_n.ward_id) + 366 then
    return v_result || jsonb_build_object('status', 'invalid_date');
  end if;

  select * into v_phase from campaign_phases
   where id = coalesce(campaign_phase_on(v_n.campaign_id, v_date),
                       campaign_current_phase(v_n.campaign_id, ward_today(v_n.ward_id)),
                       (select p.id from campaign_phases p where p.campaign_id = v_n.campaign_id order by p.seq desc limit 1));
  v_row := nomination_transition(v_n.id, array['posted', 'approved'], 'honoured', p_member.id,
                                 v_title || ' (' || to_char(v_date, 'DD/MM/YYYY') || ')');
  if v_row.id is null then
    return v_result || jsonb_build_object('status', 'moved', 'current', (select status from nominations where id = v_n.id));
  end if;
  insert into honours (nomination_id, title, honoured_on, phase_id, honoured_by) values (v_n.id, v_title, v_date, v_phase.id, p_member.id)
  on conflict (nomination_id) do update
    set title = excluded.title, honoured_on = excluded.honoured_on, phase_id = excluded.phase_id,
        honoured_by = excluded.honoured_by, created_at = now();
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_n.ward_id, p_member.id, 'honour.recorded', 'nomination', v_n.id::text,
          jsonb_strip_nulls(jsonb_build_object('code', v_n.receipt_code, 'phase', v_phase.id, 'on', to_char(v_date, 'YYYY-MM-DD'))));
  return v_result || jsonb_strip_nulls(jsonb_build_object(
    'status', 'honoured', 'title', v_title, 'date', to_char(v_date, 'YYYY-MM-DD'),
    'phase', case when v_phase.id is not null then jsonb_build_object('seq', v_phase.seq, 'vi', v_phase.name_vi, 'en', v_phase.name_en) end,
    'endorsers', (select count(*) from endorsements e where e.nomination_id = v_n.id),
    'notified', (v_n.nominator_id is distinct from p_member.id)::int
                + (select count(*) from endorsements e where e.nomination_id = v_n.id)::int));
end
$$;

-- 6. history -----------------------------------------------------------------------------------------

-- effect nomination_history {code}: for an officer, a nomination's whole history: each change
-- (when, in ward time; what; who: the role, the holder's name when set, the unit for leaders, or
-- "the nominator" without a name; the note), the appraisal marks, the council's tally, the number
-- of residents' comments and the honour.
create function public.fx_nomination_history(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_n nominations;
  v_zone text;
  v_result jsonb := jsonb_build_object('type', 'nomination_history', 'code', receipt_code_normalize(coalesce(p_effect ->> 'code', '')));
begin
  if not has_ward_role(p_member.id, 'officer', p_member.ward_id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  select n.* into v_n from nominations n
   where n.ward_id = p_member.ward_id and n.receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  select time_zone into v_zone from wards where id = v_n.ward_id;
  return v_result || jsonb_build_object(
    'status', 'found',
    'nomination', nomination_line(v_n),
    'rows', coalesce((
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
               'at', to_char(h.at at time zone v_zone, 'DD/MM/YYYY HH24:MI'),
               'status', h.status,
               'by', case when h.actor_member_id is null then jsonb_build_object('system', true)
                          when h.actor_member_id = v_n.nominator_id then jsonb_build_object('nominator', true)
                          else coalesce(history_actor(h.actor_member_id, v_n, h.status, h.at), '{}'::jsonb) end,
               'note', h.note)) order by h.at, h.id)
        from nomination_status_history h where h.nomination_id = v_n.id), '[]'::jsonb),
    'criteria', nomination_criteria_json(v_n),
    'marks', coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object('criterionId', m.criterion_id, 'met', m.met, 'note', m.note)))
                         from appraisal_marks m where m.nomination_id = v_n.id), '[]'::jsonb),
    'council', case when exists (select 1 from nomination_status_history h where h.nomination_id = v_n.id and h.status = 'proposed')
                    then council_tally(v_n.id, v_n.ward_id) end,
    'comments', (select count(*) from public_comments c where c.nomination_id = v_n.id),
    'honour', (select jsonb_strip_nulls(jsonb_build_object('title', o.title, 'date', to_char(o.honoured_on, 'YYYY-MM-DD'),
                                                           'phase', jsonb_build_object('seq', p.seq, 'vi', p.name_vi, 'en', p.name_en)))
                 from honours o left join campaign_phases p on p.id = o.phase_id where o.nomination_id = v_n.id));
end
$$;

-- 7. the allow-list, security ------------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('lookup', 'appraisal_list', 'public.lookup_appraisal_list(public.members, jsonb, text)'),
  ('lookup', 'review_dossier', 'public.lookup_review_dossier(public.members, jsonb, text)'),
  ('lookup', 'council_list', 'public.lookup_council_list(public.members, jsonb, text)'),
  ('lookup', 'honour_list', 'public.lookup_honour_list(public.members, jsonb, text)'),
  ('lookup', 'posted_one', 'public.lookup_posted_one(public.members, jsonb, text)'),
  ('effect', 'appraise', 'public.fx_appraise(public.members, jsonb, jsonb)'),
  ('effect', 'council_close', 'public.fx_council_close(public.members, jsonb, jsonb)'),
  ('effect', 'council_vote', 'public.fx_council_vote(public.members, jsonb, jsonb)'),
  ('effect', 'posted_list', 'public.fx_posted_list(public.members, jsonb, jsonb)'),
  ('effect', 'post_comment', 'public.fx_post_comment(public.members, jsonb, jsonb)'),
  ('effect', 'honour', 'public.fx_honour(public.members, jsonb, jsonb)'),
  ('effect', 'nomination_history', 'public.fx_nomination_history(public.members, jsonb, jsonb)');

revoke execute on function
  public.has_ward_role(uuid, text, uuid),
  public.request_page(jsonb),
  public.clamp_page(int, int, int),
  public.ward_today(uuid),
  public.campaign_phase_on(uuid, date),
  public.campaign_current_phase(uuid, date),
  public.nomination_phase(public.nominations),
  public.honour_default_title(),
  public.council_tally(uuid, uuid),
  public.council_outcome(int, int, int, int, numeric, numeric),
  public.council_tally_outcome(jsonb, public.campaigns),
  public.council_result_note(jsonb, text),
  public.history_actor(uuid, public.nominations, text, timestamptz),
  public.nomination_criteria_json(public.nominations),
  public.nomination_line(public.nominations),
  public.nomination_since(public.nominations),
  public.review_dossier_json(public.nominations, text, uuid),
  public.lookup_review_dossier(public.members, jsonb, text),
  public.appraisal_queue(uuid),
  public.lookup_appraisal_list(public.members, jsonb, text),
  public.council_close(public.nominations, uuid),
  public.fx_appraise(public.members, jsonb, jsonb),
  public.fx_council_close(public.members, jsonb, jsonb),
  public.lookup_council_list(public.members, jsonb, text),
  public.fx_council_vote(public.members, jsonb, jsonb),
  public.public_comment_limits(),
  public.fx_posted_list(public.members, jsonb, jsonb),
  public.lookup_posted_one(public.members, jsonb, text),
  public.fx_post_comment(public.members, jsonb, jsonb),
  public.lookup_honour_list(public.members, jsonb, text),
  public.fx_honour(public.members, jsonb, jsonb),
  public.fx_nomination_history(public.members, jsonb, jsonb)
from public, anon, authenticated;
