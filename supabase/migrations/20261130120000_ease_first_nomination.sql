-- ease_first_nomination: what a resident who has never used a bot needs (issue 12).
--
-- what is here:
--   1. member_consents: a person's consent per purpose, with the notice's version and its time
--      (the contact notice is said once per person; the privacy work reuses the table)
--   2. criteria.label_vi / label_en: a few words per criterion for lists, the text kept for
--      reading in full; the catalog carries them (build_ward_catalog is wrapped, not copied)
--   3. the seeded categories and criteria: the two "người lao động" categories renamed so a
--      resident can tell them apart, and the seeded criteria labelled (only rows still as seeded)
--   4. members.unit_id is the resident's home unit: looked up, remembered, its nominations listed
--   5. effects and lookups: consent recorded with a submission, the public status of any
--      nomination, the campaign's phases, support by code, and changing one's mind (change,
--      withdraw, take back a support) while screening has not started (status 'submitted')
--   6. bot_handlers rows; rls and grants
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. consents ------------------------------------------------------------------------------------

create table public.member_consents (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references public.members (id) on delete cascade,
  -- what the consent is for: 'contact' (the ward may keep the nominator's contact)
  purpose text not null check (purpose ~ '^[a-z][a-z0-9_]*$'),
  -- the version of the notice the person read before agreeing
  notice_version text not null check (char_length(notice_version) between 1 and 40),
  given_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  unique (member_id, purpose, notice_version)
);
create index member_consents_live_idx on public.member_consents (member_id, purpose, given_at desc)
  where withdrawn_at is null;

-- records (or renews) a person's consent to one version of a notice
create function public.record_member_consent(p_member_id uuid, p_purpose text, p_notice_version text) returns void
language sql
set search_path = public, pg_temp
as $$
  insert into member_consents (member_id, purpose, notice_version)
  values (p_member_id, p_purpose, p_notice_version)
  on conflict (member_id, purpose, notice_version)
  do update set given_at = now(), withdrawn_at = null where member_consents.withdrawn_at is not null
$$;

-- 2. short labels for criteria ---------------------------------------------------------------------

alter table public.criteria add column label_vi text check (char_length(label_vi) between 1 and 60);
alter table public.criteria add column label_en text check (char_length(label_en) between 1 and 60);

-- the catalog as before, each criterion with its labels. the function is wrapped, not copied, so
-- whatever another migration built into the catalog stays; the bot reads the labels as optional.
alter function public.build_ward_catalog(uuid) rename to build_ward_catalog_base;

create function public.build_ward_catalog(p_ward_id uuid) returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_catalog jsonb := build_ward_catalog_base(p_ward_id);
begin
  return v_catalog || jsonb_build_object('criteria', coalesce((
    select jsonb_agg(x.item || jsonb_build_object('labelVi', r.label_vi, 'labelEn', r.label_en) order by x.n)
      from jsonb_array_elements(v_catalog -> 'criteria') with ordinality as x(item, n)
      left join criteria r on r.id = try_uuid(x.item ->> 'id')), '[]'::jsonb));
end
$$;

-- 3. the seeded wording -----------------------------------------------------------------------------

-- "người lao động" was in both names; the plan's meaning stays in the descriptions. only a name
-- still as seeded is changed: an officer's own wording is kept.
update public.categories
   set name_vi = 'Cán bộ, người làm việc ở cơ quan, doanh nghiệp',
       name_en = 'Officials and people working in agencies or businesses'
 where id = '10000000-0000-4000-8001-000000000003'
   and name_vi = 'Cán bộ, công chức, viên chức, người lao động';
update public.categories
   set name_vi = 'Người tốt, việc tốt',
       name_en = 'Good people, good deeds'
 where id = '10000000-0000-4000-8001-000000000004'
   and name_vi = 'Người lao động, người tốt, việc tốt';

-- labels of the seeded criteria (seed.sql sets them on a new database), where none is set yet
update public.criteria r
   set label_vi = l.vi, label_en = l.en
  from (values
    ('10000000-0000-4000-8002-000000000001'::uuid, 'Dẫn đầu phong trào', 'Leads the movement'),
    ('10000000-0000-4000-8002-000000000002'::uuid, 'Làm theo Bác, đúng pháp luật', 'Follows Ho Chi Minh''s example and the law'),
    ('10000000-0000-4000-8002-000000000003'::uuid, 'Làm từ thiện, nhân đạo', 'Does charity work'),
    ('10000000-0000-4000-8002-000000000101'::uuid, 'Cải cách hành chính tốt', 'Good administrative reform'),
    ('10000000-0000-4000-8002-000000000102'::uuid, 'Giữ kỷ luật, quy chế công vụ', 'Keeps discipline and rules'),
    ('10000000-0000-4000-8002-000000000103'::uuid, 'Dân chủ, văn hóa công sở', 'Democratic, cultured workplace'),
    ('10000000-0000-4000-8002-000000000104'::uuid, 'Duy trì phong trào thi đua', 'Keeps emulation going'),
    ('10000000-0000-4000-8002-000000000105'::uuid, 'Nghiêm túc chế độ làm việc', 'Keeps to its working rules'),
    ('10000000-0000-4000-8002-000000000106'::uuid, 'Tiết kiệm, chống lãng phí', 'Thrift, no waste'),
    ('10000000-0000-4000-8002-000000000107'::uuid, 'Dùng ngân sách hiệu quả', 'Uses the budget well'),
    ('10000000-0000-4000-8002-000000000201'::uuid, 'Có quy ước, hương ước', 'Has community rules'),
    ('10000000-0000-4000-8002-000000000202'::uuid, 'Giữ nếp sống văn hóa, bản sắc', 'Keeps culture and identity'),
    ('10000000-0000-4000-8002-000000000203'::uuid, 'An ninh trật tự, không tệ nạn', 'Safe, no social evils'),
    ('10000000-0000-4000-8002-000000000204'::uuid, 'Giảm hộ nghèo, không tái nghèo', 'Fewer poor households'),
    ('10000000-0000-4000-8002-000000000205'::uuid, 'Môi trường sạch', 'Clean environment'),
    ('10000000-0000-4000-8002-000000000206'::uuid, 'Cưới, tang tiết kiệm', 'Thrifty weddings and funerals'),
    ('10000000-0000-4000-8002-000000000207'::uuid, 'Đời sống khá lên, cộng đồng đầm ấm', 'Better lives, a warm community'),
    ('10000000-0000-4000-8002-000000000208'::uuid, 'Đạt chuẩn văn hóa cuối năm', 'Meets the year-end standard'),
    ('10000000-0000-4000-8002-000000000301'::uuid, 'Hăng say làm việc, học tập', 'Works and studies keenly'),
    ('10000000-0000-4000-8002-000000000302'::uuid, 'Năng suất, hiệu quả cao', 'Highly productive'),
    ('10000000-0000-4000-8002-000000000303'::uuid, 'Hoàn thành tốt nhiệm vụ', 'Completes tasks well'),
    ('10000000-0000-4000-8002-000000000304'::uuid, 'Lao động trực tiếp', 'Hands-on worker'),
    ('10000000-0000-4000-8002-000000000401'::uuid, 'Hưởng ứng phong trào', 'Joins the movements'),
    ('10000000-0000-4000-8002-000000000402'::uuid, 'Kỷ luật, sáng tạo', 'Disciplined and creative'),
    ('10000000-0000-4000-8002-000000000403'::uuid, 'Có sáng kiến, cải tiến', 'Has improvements'),
    ('10000000-0000-4000-8002-000000000404'::uuid, 'Giúp đỡ mọi người', 'Helps others'),
    ('10000000-0000-4000-8002-000000000405'::uuid, 'Có cách làm hay', 'Good ways of doing things'),
    ('10000000-0000-4000-8002-000000000406'::uuid, 'Gia đình văn hóa', 'Cultural family'),
    ('10000000-0000-4000-8002-000000000407'::uuid, 'Được mọi người quý mến', 'Loved and respected'),
    ('10000000-0000-4000-8002-000000000501'::uuid, 'Trách nhiệm người đứng đầu', 'Responsible as the head'),
    ('10000000-0000-4000-8002-000000000502'::uuid, 'Lãnh đạo, điều hành hiệu quả', 'Leads effectively'),
    ('10000000-0000-4000-8002-000000000503'::uuid, 'Làm tốt nhiệm vụ của ngành', 'Fulfils the sector''s duties'),
    ('10000000-0000-4000-8002-000000000504'::uuid, 'Tổ chức tốt phong trào thi đua', 'Runs emulation well'),
    ('10000000-0000-4000-8002-000000000505'::uuid, 'Tập thể mình đứng đầu xuất sắc', 'Their collective excels')
  ) as l(id, vi, en)
 where r.id = l.id and r.label_vi is null and r.label_en is null;

-- 4. the home unit ------------------------------------------------------------------------------------

comment on column public.members.unit_id is
  'the resident''s home unit (a residential group or village), asked once; leaders'' units are in member_roles';

-- the person's home unit: {unitId} (null until they say it)
create function public.lookup_home_unit(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('unitId', (
    select u.id from units u
     where u.id = p_member.unit_id and u.ward_id = p_member.ward_id and u.active and u.kind in ('to_dan_pho', 'lang')))
$$;

-- effect set_home_unit: remembers the residential group or village the person lives in
create function public.fx_set_home_unit(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_unit_id uuid;
begin
  select id into v_unit_id from units
   where id = try_uuid(p_effect ->> 'unitId') and ward_id = p_member.ward_id and active
     and kind in ('to_dan_pho', 'lang');
  if v_unit_id is null then
    return jsonb_build_object('type', 'set_home_unit', 'status', 'invalid');
  end if;
  update members set unit_id = v_unit_id, updated_at = now() where id = p_member.id;
  return jsonb_build_object('type', 'set_home_unit', 'status', 'ok');
end
$$;

-- a unit's nominations in the open campaigns, newest first (20): what a neighbour may support
create function public.lookup_unit_nominations(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('nominations', coalesce((
    select jsonb_agg(jsonb_build_object(
             'id', n.id, 'code', n.receipt_code, 'nomineeName', n.nominee_name, 'categoryId', n.category_id,
             'endorsements', (select count(*) from endorsements e where e.nomination_id = n.id),
             'mine', n.nominator_id = p_member.id,
             'endorsedByMe', exists (select 1 from endorsements e where e.nomination_id = n.id and e.member_id = p_member.id))
           order by n.created_at desc, n.id)
      from (select x.* from nominations x join campaigns c on c.id = x.campaign_id
             where x.unit_id = try_uuid(p_request ->> 'unitId') and x.ward_id = p_member.ward_id
               and c.status = 'open' and x.status <> 'withdrawn'
             order by x.created_at desc, x.id
             limit 20) n), '[]'::jsonb))
$$;

-- 5. effects and lookups --------------------------------------------------------------------------

-- the person's live consent for a purpose: {consent: {noticeVersion, givenAt} | null}
create function public.lookup_member_consent(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('consent', (
    select jsonb_build_object('noticeVersion', c.notice_version, 'givenAt', iso_utc(c.given_at))
      from member_consents c
     where c.member_id = p_member.id and c.purpose = coalesce(p_request ->> 'purpose', 'contact')
       and c.withdrawn_at is null
     order by c.given_at desc
     limit 1))
$$;

-- effect submit_nomination, as before, and the nominator's consent recorded once per person
create function public.fx_submit_nomination_with_consent(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_result jsonb := effect_submit_nomination(p_member, p_effect);
begin
  if v_result ->> 'status' = 'created' and p_effect -> 'consent' = 'true'::jsonb
     and nullif(btrim(p_effect ->> 'consentNotice'), '') is not null then
    perform record_member_consent(p_member.id, 'contact', left(btrim(p_effect ->> 'consentNotice'), 40));
  end if;
  return v_result;
end
$$;

-- effect status: its nominator and its supporters see everything (as before); anyone else in the
-- ward sees its public status (nominee, category, unit, status, supports), nothing of who made it
create function public.fx_status_for_anyone(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_own jsonb := effect_status(p_member, p_effect);
  v_nomination nominations;
begin
  if v_own ->> 'status' = 'found' then
    select * into v_nomination from nominations
     where ward_id = p_member.ward_id and receipt_code = v_own -> 'nomination' ->> 'code';
    return v_own || jsonb_build_object('view', case when v_nomination.nominator_id = p_member.id then 'own' else 'endorsed' end);
  end if;
  select * into v_nomination from nominations
   where ward_id = p_member.ward_id
     and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if not found then
    return jsonb_build_object('type', 'status', 'status', 'not_found');
  end if;
  return jsonb_build_object('type', 'status', 'status', 'found', 'view', 'public', 'nomination',
    nomination_summary(v_nomination.id) || jsonb_build_object(
      'campaignId', v_nomination.campaign_id,
      'unitName', (select name from units where id = v_nomination.unit_id),
      'history', '[]'::jsonb));
end
$$;

-- effect campaign_about: the phases of the ward's open campaigns, with dates and quotas
create function public.fx_campaign_about(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('type', 'campaign_about', 'campaigns', coalesce((
    select jsonb_agg(jsonb_build_object('id', c.id, 'phases', coalesce((
             select jsonb_agg(jsonb_build_object(
                      'seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                      'startsOn', p.starts_on::text, 'endsOn', p.ends_on::text, 'deadline', iso_utc(p.deadline),
                      'quotaCollectives', p.quota_collectives, 'quotaIndividuals', p.quota_individuals,
                      'quotaIsMinimum', p.quota_is_minimum) order by p.seq)
               from campaign_phases p where p.campaign_id = c.id), '[]'::jsonb))
           order by c.opens_at nulls last, c.code)
      from campaigns c where c.ward_id = p_member.ward_id and c.status = 'open'), '[]'::jsonb))
$$;

-- effect endorse_code: support a nomination by its receipt code (as effect endorse does by id)
create function public.fx_endorse_code(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_id uuid;
begin
  select id into v_id from nominations
   where ward_id = p_member.ward_id
     and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if v_id is null then
    return jsonb_build_object('type', 'endorse', 'status', 'not_found');
  end if;
  return effect_endorse(p_member, jsonb_build_object('nominationId', v_id));
end
$$;

-- effect unendorse: takes back one's support, while screening has not started
create function public.fx_unendorse(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_nomination nominations;
  v_deleted int;
  v_count int;
begin
  select * into v_nomination from nominations
   where ward_id = p_member.ward_id
     and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''))
   for update;
  if not found then
    return jsonb_build_object('type', 'unendorse', 'status', 'not_found');
  end if;
  if not exists (select 1 from endorsements where nomination_id = v_nomination.id and member_id = p_member.id) then
    return jsonb_build_object('type', 'unendorse', 'status', 'not_endorsed', 'code', v_nomination.receipt_code);
  end if;
  if v_nomination.status <> 'submitted' then
    return jsonb_build_object('type', 'unendorse', 'status', 'locked', 'code', v_nomination.receipt_code);
  end if;
  delete from endorsements where nomination_id = v_nomination.id and member_id = p_member.id;
  get diagnostics v_deleted = row_count;
  select count(*) into v_count from endorsements where nomination_id = v_nomination.id;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'nomination.unendorsed', 'nomination', v_nomination.id::text,
          jsonb_build_object('code', v_nomination.receipt_code));
  return jsonb_build_object('type', 'unendorse', 'status', 'removed', 'code', v_nomination.receipt_code, 'count', v_count);
end
$$;

-- effect withdraw_nomination: the nominator withdraws it, while screening has not started
create function public.fx_withdraw_nomination(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_nomination nominations;
begin
  select * into v_nomination from nominations
   where ward_id = p_member.ward_id and nominator_id = p_member.id
     and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''))
   for update;
  if not found then
    return jsonb_build_object('type', 'withdraw_nomination', 'status', 'not_found');
  end if;
  if v_nomination.status = 'withdrawn' then
    return jsonb_build_object('type', 'withdraw_nomination', 'status', 'already', 'code', v_nomination.receipt_code);
  end if;
  if v_nomination.status <> 'submitted' then
    return jsonb_build_object('type', 'withdraw_nomination', 'status', 'locked', 'code', v_nomination.receipt_code);
  end if;
  update nominations set status = 'withdrawn', updated_at = now() where id = v_nomination.id;
  insert into nomination_status_history (nomination_id, status, actor_member_id)
  values (v_nomination.id, 'withdrawn', p_member.id);
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'nomination.withdrawn', 'nomination', v_nomination.id::text,
          jsonb_build_object('code', v_nomination.receipt_code));
  return jsonb_build_object('type', 'withdraw_nomination', 'status', 'withdrawn', 'code', v_nomination.receipt_code);
end
$$;

-- one of the person's own nominations, as the form needs it to change it: {status, nomination}
create function public.lookup_own_nomination(p_member public.members, p_request jsonb, p_input text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce((
    select jsonb_build_object('status', 'found', 'nomination', jsonb_build_object(
             'id', n.id, 'code', n.receipt_code, 'status', n.status, 'campaignId', n.campaign_id,
             'categoryId', n.category_id, 'kind', n.kind, 'unitId', n.unit_id, 'nomineeName', n.nominee_name,
             'deeds', n.deeds, 'ledUnitId', n.led_unit_id, 'photoRef', n.photo_ref,
             'consent', n.contact_consent, 'phone', n.contact_phone,
             'criterionIds', coalesce((select jsonb_agg(c.criterion_id order by r.seq, r.id)
                                         from nomination_criteria c join criteria r on r.id = c.criterion_id
                                        where c.nomination_id = n.id), '[]'::jsonb)))
      from nominations n
     where n.ward_id = p_member.ward_id and n.nominator_id = p_member.id
       and n.receipt_code = receipt_code_normalize(coalesce(p_request ->> 'code', ''))),
    jsonb_build_object('status', 'not_found'))
$$;

-- effect update_nomination: the nominator's changes, checked as a submission is, while screening
-- has not started; the receipt code stays. every expected outcome is a value.
create function public.fx_update_nomination(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_nomination nominations;
  v_campaign campaigns;
  v_category categories;
  v_unit units;
  v_led_unit_id uuid;
  v_name text := btrim(coalesce(p_effect ->> 'nomineeName', ''));
  v_deeds text := btrim(coalesce(p_effect ->> 'deeds', ''));
  v_consent boolean := coalesce(p_effect -> 'consent' = 'true'::jsonb, false);
  v_phone text;
  v_criteria uuid[];
  v_invalid text;
begin
  select * into v_nomination from nominations
   where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id and nominator_id = p_member.id
   for update;
  if not found then
    return jsonb_build_object('type', 'update_nomination', 'status', 'not_found');
  end if;
  if v_nomination.status <> 'submitted' then
    return jsonb_build_object('type', 'update_nomination', 'status', 'locked', 'code', v_nomination.receipt_code);
  end if;

  select * into v_campaign from campaigns where id = v_nomination.campaign_id;
  select * into v_category from categories
   where id = try_uuid(p_effect ->> 'categoryId') and template_id = v_campaign.template_id;
  if not found then
    v_invalid := 'category';
  end if;
  if v_invalid is null then
    select * into v_unit from units
     where id = try_uuid(p_effect ->> 'unitId') and ward_id = p_member.ward_id and active;
    if not found or (cardinality(v_category.unit_kinds) > 0 and not v_unit.kind = any (v_category.unit_kinds)) then
      v_invalid := 'unit';
    end if;
  end if;
  if v_invalid is null then
    if jsonb_typeof(p_effect -> 'criterionIds') = 'array' then
      select array_agg(distinct try_uuid(x)) into v_criteria from jsonb_array_elements_text(p_effect -> 'criterionIds') x;
    end if;
    if coalesce(cardinality(v_criteria), 0) = 0 or array_position(v_criteria, null) is not null
       or (select count(*) from criteria r
            where r.id = any (v_criteria) and r.template_id = v_campaign.template_id
              and (r.category_id is null or r.category_id = v_category.id)) <> cardinality(v_criteria) then
      v_invalid := 'criteria';
    end if;
  end if;
  if v_invalid is null and v_category.requires_led_unit then
    select id into v_led_unit_id from units where id = try_uuid(p_effect ->> 'ledUnitId') and ward_id = p_member.ward_id;
    if v_led_unit_id is null then
      v_invalid := 'led_unit';
    end if;
  end if;
  if v_invalid is null and char_length(v_name) not between 2 and 150 then
    v_invalid := 'nominee_name';
  end if;
  if v_invalid is null and char_length(v_deeds) not between 20 and 2000 then
    v_invalid := 'deeds';
  end if;
  if v_invalid is null and v_consent and nullif(btrim(p_effect ->> 'phone'), '') is not null then
    v_phone := regexp_replace(regexp_replace(p_effect ->> 'phone', '[[:space:]().-]', '', 'g'), '^\+?84', '0');
    if v_phone !~ '^0[35789][0-9]{8}$' then
      v_invalid := 'phone';
    end if;
  end if;
  if v_invalid is not null then
    return jsonb_build_object('type', 'update_nomination', 'status', 'invalid', 'reason', v_invalid);
  end if;

  update nominations
     set category_id = v_category.id, kind = v_category.kind, unit_id = v_unit.id, nominee_name = v_name,
         deeds = v_deeds, led_unit_id = v_led_unit_id, photo_ref = nullif(p_effect ->> 'photoRef', ''),
         contact_consent = v_consent,
         contact_name = case when not v_consent then null
                             else coalesce(left(nullif(btrim(p_effect ->> 'contactName'), ''), 200), contact_name) end,
         contact_phone = v_phone, updated_at = now()
   where id = v_nomination.id;
  delete from nomination_criteria where nomination_id = v_nomination.id;
  insert into nomination_criteria (nomination_id, criterion_id) select v_nomination.id, unnest(v_criteria);

  if v_consent and nullif(btrim(p_effect ->> 'consentNotice'), '') is not null then
    perform record_member_consent(p_member.id, 'contact', left(btrim(p_effect ->> 'consentNotice'), 40));
  end if;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'nomination.updated', 'nomination', v_nomination.id::text,
          jsonb_build_object('code', v_nomination.receipt_code, 'categoryId', v_category.id, 'unitId', v_unit.id));
  return jsonb_build_object('type', 'update_nomination', 'status', 'updated', 'code', v_nomination.receipt_code);
end
$$;

-- 6. the allow-list, security ----------------------------------------------------------------------

update public.bot_handlers set fn = 'public.fx_submit_nomination_with_consent(public.members, jsonb, jsonb)'
 where kind = 'effect' and name = 'submit_nomination';
update public.bot_handlers set fn = 'public.fx_status_for_anyone(public.members, jsonb, jsonb)'
 where kind = 'effect' and name = 'status';

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'set_home_unit', 'public.fx_set_home_unit(public.members, jsonb, jsonb)'),
  ('effect', 'campaign_about', 'public.fx_campaign_about(public.members, jsonb, jsonb)'),
  ('effect', 'endorse_code', 'public.fx_endorse_code(public.members, jsonb, jsonb)'),
  ('effect', 'unendorse', 'public.fx_unendorse(public.members, jsonb, jsonb)'),
  ('effect', 'withdraw_nomination', 'public.fx_withdraw_nomination(public.members, jsonb, jsonb)'),
  ('effect', 'update_nomination', 'public.fx_update_nomination(public.members, jsonb, jsonb)'),
  ('lookup', 'member_consent', 'public.lookup_member_consent(public.members, jsonb, text)'),
  ('lookup', 'home_unit', 'public.lookup_home_unit(public.members, jsonb, text)'),
  ('lookup', 'unit_nominations', 'public.lookup_unit_nominations(public.members, jsonb, text)'),
  ('lookup', 'own_nomination', 'public.lookup_own_nomination(public.members, jsonb, text)');

alter table public.member_consents enable row level security;
revoke all on table public.member_consents from public, anon, authenticated;

-- all internal: only the turn's entry points (already granted to service_role) call them
revoke execute on function
  public.record_member_consent(uuid, text, text),
  public.build_ward_catalog_base(uuid),
  public.build_ward_catalog(uuid),
  public.lookup_home_unit(public.members, jsonb, text),
  public.fx_set_home_unit(public.members, jsonb, jsonb),
  public.lookup_unit_nominations(public.members, jsonb, text),
  public.lookup_member_consent(public.members, jsonb, text),
  public.fx_submit_nomination_with_consent(public.members, jsonb, jsonb),
  public.fx_status_for_anyone(public.members, jsonb, jsonb),
  public.fx_campaign_about(public.members, jsonb, jsonb),
  public.fx_endorse_code(public.members, jsonb, jsonb),
  public.fx_unendorse(public.members, jsonb, jsonb),
  public.fx_withdraw_nomination(public.members, jsonb, jsonb),
  public.lookup_own_nomination(public.members, jsonb, text),
  public.fx_update_nomination(public.members, jsonb, jsonb)
from public, anon, authenticated;
