-- add_campaign_templates_io: what officers and operators need around a campaign outside the
-- chat: one read for every report of a campaign, campaign templates loaded from and written to
-- files, and a new ward with its units.
--
--   report_campaign_data(campaign)       the CampaignReportData json (src/reports/report-data.ts)
--   report_campaign_id(ward, campaign)   a campaign's id from the codes people type
--   campaign_template_import(json, bool) a template file's content, in one transaction
--   campaign_template_export(code)       the same shape back, for a file
--   ward_add(code, name, prefix, units)  a ward and its units, in one transaction
--
-- no table is added. every function is security definer (it runs as the tables' owner, like the
-- turn functions) and only service_role may execute it. must run on postgresql 15 and 18.

-- 1. reports --------------------------------------------------------------------------------

-- timestamps leave this function as javascript's toISOString() shape, like iso_utc(); inlined
-- here because iso_utc is not inlinable (it sets search_path) and a report calls it ~40,000 times.
create function public.report_iso(p_at timestamptz) returns text
language sql stable strict parallel safe
as $$
  select to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- everything a campaign report shows, in one statement: the nominations are read once (the noms
-- cte) and their criteria, endorsement counts, status history and endorsements are joined and
-- aggregated over it, never looked up per nomination. null when there is no such campaign.
--
-- not in the schema yet, returned empty until the issues that add them land:
--   honourTitle / honouredOn  null for every nomination (honours: "leaders and officers" issue)
--   funnel                    [] (per-step form funnel: issue 11, "where people give up")
-- nothing here identifies a nominator, an endorser or a contact (decree 13/2023): status changes
-- name the actor's role (their role today), endorsements only their time.
create function public.report_campaign_data(p_campaign_id uuid) returns jsonb
language sql stable security definer
set search_path = public, pg_temp
-- the planner misjudges the joins below by orders of magnitude and would compile the query with
-- llvm (jit) on every call, which costs more than the query itself
set jit = off
as $$
  with camp as (
    select c.id, c.ward_id, c.template_id, c.code, c.title_vi, c.title_en, c.status,
           w.code as ward_code, w.name as ward_name, w.receipt_prefix, w.time_zone,
           t.code as template_code
      from campaigns c
      join wards w on w.id = c.ward_id
      join campaign_templates t on t.id = c.template_id
     where c.id = p_campaign_id
  ),
  crit as (
    -- ref: a small number per criterion (general first, then by category), so 10,000
    -- nominations carry a few integers each instead of uuids
    select cr.id,
           (row_number() over (order by cat.seq nulls first, cr.seq, cr.id))::int as ref,
           cat.code as category_code, cr.seq, cr.text_vi, cr.text_en
      from camp
      join criteria cr on cr.template_id = camp.template_id
      left join categories cat on cat.id = cr.category_id
  ),
  noms as materialized (
    select n.id, n.receipt_code, n.nominee_name, n.kind, n.status, n.deeds, n.created_at,
           u.name as unit_name, lu.name as led_unit_name, cat.code as category_code
      from nominations n
      join units u on u.id = n.unit_id
      left join units lu on lu.id = n.led_unit_id
      join categories cat on cat.id = n.category_id
     where n.campaign_id = p_campaign_id
  ),
  met as (
    select nc.nomination_id, array_agg(crit.ref order by crit.ref) as refs
      from noms
      join nomination_criteria nc on nc.nomination_id = noms.id
      join crit on crit.id = nc.criterion_id
     group by nc.nomination_id
  ),
  endorsed as (
    select e.nomination_id, count(*)::int as n
      from noms
      join endorsements e on e.nomination_id = noms.id
     group by e.nomination_id
  )
  -- built as json (text, about twice as fast to assemble as jsonb for 10,000 nominations) and
  -- converted to jsonb once at the end
  select (json_build_object(
    'generatedAt', report_iso(now()),
    'ward', json_build_object('code', camp.ward_code, 'name', camp.ward_name,
                               'receiptPrefix', camp.receipt_prefix, 'timeZone', camp.time_zone),
    'campaign', json_build_object('code', camp.code, 'titleVi', camp.title_vi, 'titleEn', camp.title_en,
                                   'status', camp.status, 'templateCode', camp.template_code),
    'phases', coalesce((
      select json_agg(json_build_object(
               'seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
               'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text,
               'deadline', report_iso(p.deadline),
               'quotaCollectives', p.quota_collectives, 'quotaIndividuals', p.quota_individuals,
               'quotaIsMinimum', p.quota_is_minimum) order by p.seq)
        from campaign_phases p where p.campaign_id = camp.id), '[]'::json),
    'categories', coalesce((
      select json_agg(json_build_object('code', cat.code, 'kind', cat.kind, 'seq', cat.seq,
                                          'nameVi', cat.name_vi, 'nameEn', cat.name_en) order by cat.seq, cat.code)
        from categories cat where cat.template_id = camp.template_id), '[]'::json),
    'criteria', coalesce((
      select json_agg(json_build_object('ref', crit.ref, 'categoryCode', crit.category_code, 'seq', crit.seq,
                                          'textVi', crit.text_vi, 'textEn', crit.text_en) order by crit.ref)
        from crit), '[]'::json),
    'units', coalesce((
      select json_agg(json_build_object('name', u.name, 'kind', u.kind, 'seq', u.seq) order by u.kind, u.seq, u.name)
        from units u where u.ward_id = camp.ward_id and u.active), '[]'::json),
    'nominations', coalesce((
      select json_agg(json_build_object(
               'receiptCode', n.receipt_code, 'nominee', n.nominee_name, 'kind', n.kind,
               'categoryCode', n.category_code, 'unitName', n.unit_name, 'ledUnitName', n.led_unit_name,
               'status', n.status, 'deeds', n.deeds, 'submittedAt', report_iso(n.created_at),
               'endorsementCount', coalesce(endorsed.n, 0), 'criteria', coalesce(to_json(met.refs), '[]'::json),
               'honourTitle', null, 'honouredOn', null) order by n.created_at, n.receipt_code)
        from noms n
        left join met on met.nomination_id = n.id
        left join endorsed on endorsed.nomination_id = n.id), '[]'::json),
    'statusHistory', coalesce((
      select json_agg(json_build_object('receiptCode', n.receipt_code, 'status', h.status,
                                          'actorRole', m.role, 'note', h.note, 'at', report_iso(h.at))
                       order by h.at, h.id)
        from noms n
        join nomination_status_history h on h.nomination_id = n.id
        left join members m on m.id = h.actor_member_id), '[]'::json),
    'endorsements', coalesce((
      select json_agg(json_build_object('receiptCode', n.receipt_code, 'at', report_iso(e.created_at))
                       order by e.created_at, n.receipt_code)
        from noms n
        join endorsements e on e.nomination_id = n.id), '[]'::json),
    'funnel', '[]'::json))::jsonb
  from camp
$$;

-- the campaign a report is asked for, by the codes an operator types; null when unknown
create function public.report_campaign_id(p_ward_code text, p_campaign_code text) returns uuid
language sql stable security definer
set search_path = public, pg_temp
as $$
  select c.id from campaigns c join wards w on w.id = c.ward_id
   where w.code = p_ward_code and c.code = p_campaign_code
$$;

-- 2. campaign templates as files ---------------------------------------------------------------

-- loads one template (the shape of supabase/templates/*.yaml, already checked by the cli's zod
-- schema) in one transaction. an existing code is refused as a value, not an exception:
--   {status: 'exists'}                   the code is taken and p_replace is false
--   {status: 'in_use', campaigns: n}     p_replace, but campaigns are built from it
--   {status: 'created' | 'replaced', id, phases, categories, criteria}
-- a malformed template (the cli would not send one) raises: nothing is written then.
create function public.campaign_template_import(p_template jsonb, p_replace boolean default false) returns jsonb
language plpgsql security definer
set search_path = public, pg_temp
as $$
declare
  v_code text := p_template ->> 'code';
  v_existing uuid;
  v_used int;
  v_id uuid;
  v_category jsonb;
  v_category_seq bigint;
  v_category_id uuid;
  v_overlap text;
begin
  if v_code is null or jsonb_typeof(p_template -> 'phases') is distinct from 'array'
     or jsonb_typeof(p_template -> 'categories') is distinct from 'array' then
    raise exception 'campaign_template_import: a template needs a code, phases and categories';
  end if;
  -- the phases of a template follow each other: none starts before the previous one ended
  select format('phase %s starts on %s, before phase %s ends on %s', b ->> 'seq', b ->> 'period_from', a ->> 'seq', a ->> 'period_to')
    into v_overlap
    from jsonb_array_elements(p_template -> 'phases') a
    join jsonb_array_elements(p_template -> 'phases') b
      on (a ->> 'seq')::int <> (b ->> 'seq')::int
     and (a ->> 'period_from')::date <= (b ->> 'period_from')::date
     and (b ->> 'period_from')::date <= (a ->> 'period_to')::date
   limit 1;
  if v_overlap is not null then
    raise exception 'campaign_template_import: phases overlap: %', v_overlap;
  end if;

  select id into v_existing from campaign_templates where code = v_code for update;
  if v_existing is not null then
    if not p_replace then
      return jsonb_build_object('status', 'exists', 'code', v_code);
    end if;
    select count(*) into v_used from campaigns where template_id = v_existing;
    if v_used > 0 then
      return jsonb_build_object('status', 'in_use', 'code', v_code, 'campaigns', v_used);
    end if;
    delete from campaign_templates where id = v_existing;
  end if;

  insert into campaign_templates (code, title_vi, title_en, period_from, period_to, source)
  values (v_code, p_template ->> 'title_vi', p_template ->> 'title_en',
          (p_template ->> 'period_from')::date, (p_template ->> 'period_to')::date, p_template ->> 'source')
  returning id into v_id;

  insert into template_phases (template_id, seq, name_vi, name_en, period_from, period_to,
                               quota_collectives, quota_individuals, quota_is_minimum, goal_vi, goal_en)
  select v_id, (p ->> 'seq')::int, p ->> 'name_vi', p ->> 'name_en',
         (p ->> 'period_from')::date, (p ->> 'period_to')::date,
         coalesce((p ->> 'quota_collectives')::int, 0), coalesce((p ->> 'quota_individuals')::int, 0),
         coalesce((p ->> 'quota_is_minimum')::boolean, false), p ->> 'goal_vi', p ->> 'goal_en'
    from jsonb_array_elements(p_template -> 'phases') p;

  insert into criteria (template_id, category_id, seq, text_vi, text_en)
  select v_id, null, g.seq, g.c ->> 'text_vi', g.c ->> 'text_en'
    from jsonb_array_elements(coalesce(p_template -> 'general_criteria', '[]'::jsonb)) with ordinality g(c, seq);

  for v_category, v_category_seq in
    select c, seq from jsonb_array_elements(p_template -> 'categories') with ordinality x(c, seq)
  loop
    insert into categories (template_id, code, kind, seq, name_vi, name_en, description_vi, description_en,
                            requires_led_unit, unit_kinds)
    values (v_id, v_category ->> 'code', v_category ->> 'kind', v_category_seq,
            v_category ->> 'name_vi', v_category ->> 'name_en',
            coalesce(v_category ->> 'description_vi', ''), coalesce(v_category ->> 'description_en', ''),
            coalesce((v_category ->> 'requires_led_unit')::boolean, false),
            array(select jsonb_array_elements_text(coalesce(v_category -> 'unit_kinds', '[]'::jsonb))))
    returning id into v_category_id;
    insert into criteria (template_id, category_id, seq, text_vi, text_en)
    select v_id, v_category_id, k.seq, k.c ->> 'text_vi', k.c ->> 'text_en'
      from jsonb_array_elements(coalesce(v_category -> 'criteria', '[]'::jsonb)) with ordinality k(c, seq);
  end loop;

  return jsonb_build_object(
    'status', case when v_existing is null then 'created' else 'replaced' end,
    'code', v_code, 'id', v_id,
    'phases', (select count(*) from template_phases where template_id = v_id),
    'categories', (select count(*) from categories where template_id = v_id),
    'criteria', (select count(*) from criteria where template_id = v_id));
end
$$;

-- one template in the file shape that campaign_template_import takes (null fields left out);
-- null when there is no template with that code
create function public.campaign_template_export(p_code text) returns jsonb
language sql stable security definer
set search_path = public, pg_temp
as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'code', t.code, 'title_vi', t.title_vi, 'title_en', t.title_en,
    'period_from', t.period_from::text, 'period_to', t.period_to::text, 'source', t.source,
    'phases', coalesce((
      select jsonb_agg(jsonb_build_object(
               'seq', p.seq, 'name_vi', p.name_vi, 'name_en', p.name_en,
               'period_from', p.period_from::text, 'period_to', p.period_to::text,
               'quota_collectives', p.quota_collectives, 'quota_individuals', p.quota_individuals,
               'quota_is_minimum', p.quota_is_minimum, 'goal_vi', p.goal_vi, 'goal_en', p.goal_en) order by p.seq)
        from template_phases p where p.template_id = t.id), '[]'::jsonb),
    'general_criteria', coalesce((
      select jsonb_agg(jsonb_build_object('text_vi', k.text_vi, 'text_en', k.text_en) order by k.seq, k.id)
        from criteria k where k.template_id = t.id and k.category_id is null), '[]'::jsonb),
    'categories', coalesce((
      select jsonb_agg(jsonb_build_object(
               'code', c.code, 'kind', c.kind, 'name_vi', c.name_vi, 'name_en', c.name_en,
               'description_vi', c.description_vi, 'description_en', c.description_en,
               'requires_led_unit', c.requires_led_unit, 'unit_kinds', to_jsonb(c.unit_kinds),
               'criteria', coalesce((
                 select jsonb_agg(jsonb_build_object('text_vi', k.text_vi, 'text_en', k.text_en) order by k.seq, k.id)
                   from criteria k where k.category_id = c.id), '[]'::jsonb)) order by c.seq, c.code)
        from categories c where c.template_id = t.id), '[]'::jsonb)))
  from campaign_templates t
  where t.code = p_code
$$;

-- 3. wards -----------------------------------------------------------------------------------

-- a ward and its units (p_units: [{kind, name, seq}], checked by the cli with line numbers) in
-- one transaction. expected refusals are values:
--   {status: 'exists'}                    a ward has this code
--   {status: 'prefix_taken', ward: code}  another ward prints receipts with this prefix
--   {status: 'created', id, units: n}
create function public.ward_add(p_code text, p_name text, p_prefix text, p_units jsonb) returns jsonb
language plpgsql security definer
set search_path = public, pg_temp
as $$
declare
  v_id uuid;
  v_other text;
  v_units int;
begin
  if p_code !~ '^[a-z0-9-]{2,40}$' or coalesce(btrim(p_name), '') = '' or p_prefix !~ '^[A-Z]{1,4}$'
     or jsonb_typeof(p_units) is distinct from 'array' then
    raise exception 'ward_add: a ward needs a code (a-z, 0-9, -), a name, a prefix of 1-4 capital letters and a units array';
  end if;
  -- two processes adding the same ward: the second waits here, then sees the first one's row
  perform pg_advisory_xact_lock(hashtext('ward_add'));
  if exists (select 1 from wards where code = p_code) then
    return jsonb_build_object('status', 'exists', 'code', p_code);
  end if;
  select code into v_other from wards where receipt_prefix = p_prefix limit 1;
  if v_other is not null then
    return jsonb_build_object('status', 'prefix_taken', 'ward', v_other);
  end if;
  insert into wards (code, name, receipt_prefix) values (p_code, btrim(p_name), p_prefix)
  returning id into v_id;
  insert into units (ward_id, kind, name, seq)
  select v_id, u ->> 'kind', btrim(u ->> 'name'), coalesce((u ->> 'seq')::int, 0)
    from jsonb_array_elements(p_units) u;
  get diagnostics v_units = row_count;
  return jsonb_build_object('status', 'created', 'id', v_id, 'code', p_code, 'units', v_units);
end
$$;

-- 4. security ----------------------------------------------------------------------------------

revoke execute on function
  public.report_iso(timestamptz),
  public.report_campaign_data(uuid),
  public.report_campaign_id(text, text),
  public.campaign_template_import(jsonb, boolean),
  public.campaign_template_export(text),
  public.ward_add(text, text, text, jsonb)
from public, anon, authenticated;
grant execute on function
  public.report_campaign_data(uuid),
  public.report_campaign_id(text, text),
  public.campaign_template_import(jsonb, boolean),
  public.campaign_template_export(text),
  public.ward_add(text, text, text, jsonb)
to service_role;
