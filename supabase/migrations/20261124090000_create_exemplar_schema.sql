-- create_exemplar_schema: everything the exemplar bot keeps in postgres, in one migration.
--
-- what is here, in order:
--   1. roles and extensions (so the file also runs on a bare postgres or pglite, not only supabase)
--   2. helpers: vn_fold (diacritics-insensitive matching), iso timestamps, safe uuid casts
--   3. tables for the whole mission (wards, units, members, campaign templates, campaigns,
--      nominations, endorsements, conversations, inbound events, audit log, outbox, broadcasts)
--   4. triggers that bump wards.catalog_version when a ward's reference data changes
--   5. the two functions the bot calls on every chat turn: bot_turn_load and bot_turn_save
--   6. row level security and grants: anon and authenticated get nothing; only service_role
--      (the bot's server) may execute the two rpc functions, which are security definer.
--
-- must run on postgresql 15 (local server), 15/17 (supabase) and 18 (pglite): no pg16+ syntax.

-- 1. roles and extensions -------------------------------------------------------------------

-- supabase already has these roles; a plain postgres or pglite does not, and the grants below
-- name them. bypassrls only for a service_role we create ourselves (supabase manages its own).
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- trigram similarity for "is this nominee already nominated?". supabase keeps extensions in
-- their own schema; we do the same everywhere so references look alike on every backend.
create schema if not exists extensions;
create extension if not exists pg_trgm with schema extensions;

-- 2. helpers -------------------------------------------------------------------------------

-- fold a name for matching: people type vietnamese with or without diacritics, in any case,
-- with stray spaces. nfd splits "ấ" into "a" + combining marks, which we drop; "đ" has no
-- decomposition, so it is mapped by hand. lower() runs after the marks are gone, so it only
-- has to handle plain letters (pglite's c locale lowers ascii only). the whitespace class is
-- javascript's \s, so the typescript twin in src/domain/text.ts gives the same result.
create function public.vn_fold(p_text text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select pg_catalog.btrim(
    pg_catalog.regexp_replace(
      pg_catalog.lower(
        pg_catalog.translate(
          pg_catalog.regexp_replace(pg_catalog.normalize(p_text, 'NFD'), '[\u0300-\u036f]', '', 'g'),
          'đĐ', 'dd')),
      '[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'))
$$;

-- the digit groups of a (folded) name, leading zeros dropped: "to dan pho 03" -> "3".
-- trigrams rate "to dan pho 3" and "to dan pho 5" as very similar, but they are different
-- units; two names can only match when their numbers are equal (both empty counts as equal).
create function public.vn_digit_groups(p_text text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select pg_catalog.btrim(
    pg_catalog.regexp_replace(
      pg_catalog.regexp_replace(p_text, '[^0-9]+', ' ', 'g'),
      '(^| )0+([0-9])', '\1\2', 'g'))
$$;

-- timestamps leave the database as javascript's toISOString() shape (utc, milliseconds, "z"),
-- whatever the session time zone is, so the typescript side parses one format.
create function public.iso_utc(p_at timestamptz) returns text
language sql stable strict parallel safe
set search_path = ''
as $$
  select pg_catalog.to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- ids inside jsonb payloads come from conversation state; a malformed one must give an
-- "invalid"/"not found" answer, not an exception that aborts the whole turn.
create function public.try_uuid(p_text text) returns uuid
language sql immutable parallel safe
set search_path = ''
as $$
  select case
    when p_text ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    then p_text::uuid
  end
$$;

-- receipt codes as people type them: "tl-0042", "TL 42", "tl0042" all mean "TL-0042".
-- anything that does not look like prefix + number is only upper-cased and trimmed.
create function public.receipt_code_normalize(p_code text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  select case
    when m is null then pg_catalog.upper(pg_catalog.btrim(p_code))
    else m[1] || '-' || pg_catalog.lpad(m[2], greatest(4, pg_catalog.length(m[2])), '0')
  end
  from (select pg_catalog.regexp_match(
          pg_catalog.upper(pg_catalog.btrim(p_code)),
          '^([A-Z]{1,4})[ ._-]*0*([0-9]{1,9})$') as m) s
$$;

-- 3. tables ----------------------------------------------------------------------------------

create table public.wards (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  receipt_prefix text not null check (receipt_prefix ~ '^[A-Z]{1,4}$'),
  -- the next receipt number; taken with update ... returning so two submissions never share one
  next_receipt int not null default 1 check (next_receipt >= 1),
  -- bumped by triggers whenever anything shown in the ward's catalog changes; the bot caches
  -- the catalog per ward and only reloads it when this differs from its cached version
  catalog_version int not null default 1,
  -- when the cached catalog goes out of date by itself: the catalog's "current phase" depends
  -- on today's date, so the version is also bumped once the next phase boundary has passed.
  -- null: nothing date-dependent is pending (or no catalog built yet).
  catalog_stale_at timestamptz,
  time_zone text not null default 'Asia/Ho_Chi_Minh',
  created_at timestamptz not null default now()
);

create table public.units (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id) on delete cascade,
  kind text not null check (kind in ('to_dan_pho', 'lang', 'co_quan', 'doan_the')),
  name text not null,
  name_folded text generated always as (public.vn_fold(name)) stored,
  seq int not null default 0,
  active boolean not null default true,
  unique (ward_id, name)
);

create table public.members (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  -- the person's chat name is personal data (decree 13/2023): it is not stored on first contact;
  -- a nomination keeps it (contact_name) only when the nominator consents
  display_name text,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  role text not null default 'resident' check (role in ('resident', 'leader', 'officer')),
  -- for a leader: the unit they head (their nominations to screen)
  unit_id uuid references public.units (id),
  announcements_opt_in boolean not null default true,
  -- false once a platform says the person blocked the bot: stop pushing to them
  reachable boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- set when the person asks to be forgotten (decree 13/2023); personal fields are cleared then
  deleted_at timestamptz
);

-- one person per (channel, platform user id). account linking later points two identities at
-- one member, which is why the member is a separate row.
create table public.member_identities (
  channel text not null check (channel in ('console', 'telegram', 'zalo')),
  external_id text not null,
  member_id uuid not null references public.members (id) on delete cascade,
  -- where to push messages to this person (their private chat with the bot)
  chat_id text not null,
  created_at timestamptz not null default now(),
  primary key (channel, external_id)
);
create index member_identities_member_idx on public.member_identities (member_id);

-- campaign templates: the plan of 2021-2025 is the first; 2026-2030 reuses its shape.
create table public.campaign_templates (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  title_vi text not null,
  title_en text not null,
  period_from date not null,
  period_to date not null,
  -- the document the template was taken from
  source text,
  check (period_from <= period_to)
);

create table public.template_phases (
  template_id uuid not null references public.campaign_templates (id) on delete cascade,
  seq int not null,
  name_vi text not null,
  name_en text not null,
  period_from date not null,
  period_to date not null,
  quota_collectives int not null default 0,
  quota_individuals int not null default 0,
  -- phase 2 of the plan says "at least": the quota is a floor, not a target
  quota_is_minimum boolean not null default false,
  goal_vi text,
  goal_en text,
  primary key (template_id, seq),
  check (period_from <= period_to)
);

create table public.categories (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.campaign_templates (id) on delete cascade,
  code text not null,
  kind text not null check (kind in ('collective', 'individual')),
  seq int not null,
  name_vi text not null,
  name_en text not null,
  description_vi text not null default '',
  description_en text not null default '',
  -- leaders and managers: the collective they head must be named with the nomination
  requires_led_unit boolean not null default false,
  -- which unit kinds a nominee of this category belongs to; empty means any
  unit_kinds text[] not null default '{}'
    check (unit_kinds <@ array['to_dan_pho', 'lang', 'co_quan', 'doan_the']),
  unique (template_id, code)
);

-- category_id null: a general criterion that applies to every category of the template
create table public.criteria (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.campaign_templates (id) on delete cascade,
  category_id uuid references public.categories (id) on delete cascade,
  seq int not null,
  text_vi text not null,
  text_en text not null
);
create index criteria_template_idx on public.criteria (template_id);
create index criteria_category_idx on public.criteria (category_id);

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  template_id uuid not null references public.campaign_templates (id),
  code text not null,
  title_vi text not null,
  title_en text not null,
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opens_at timestamptz,
  closes_at timestamptz,
  created_at timestamptz not null default now(),
  unique (ward_id, code)
);
create index campaigns_template_idx on public.campaigns (template_id);

create table public.campaign_phases (
  id uuid primary key default gen_random_uuid(),
  campaign_id uuid not null references public.campaigns (id) on delete cascade,
  seq int not null,
  name_vi text not null,
  name_en text not null,
  starts_on date not null,
  ends_on date not null,
  -- set by officers; the plan itself only gives periods
  deadline timestamptz,
  quota_collectives int not null default 0,
  quota_individuals int not null default 0,
  quota_is_minimum boolean not null default false,
  unique (campaign_id, seq),
  check (starts_on <= ends_on)
);

create table public.nominations (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  campaign_id uuid not null references public.campaigns (id),
  category_id uuid not null references public.categories (id),
  kind text not null check (kind in ('collective', 'individual')),
  -- the unit the nominee belongs to (or, for a collective, the unit nominated)
  unit_id uuid not null references public.units (id),
  nominee_name text not null check (char_length(nominee_name) between 2 and 150),
  nominee_folded text generated always as (public.vn_fold(nominee_name)) stored,
  deeds text not null check (char_length(deeds) between 20 and 2000),
  -- leaders and managers: the collective they head
  led_unit_id uuid references public.units (id),
  photo_ref text,
  nominator_id uuid not null references public.members (id),
  contact_consent boolean not null default false,
  -- kept only with consent (decree 13/2023: collect only what is needed)
  contact_name text check (char_length(contact_name) <= 200),
  contact_phone text check (contact_phone ~ '^0[35789][0-9]{8}$'),
  status text not null default 'submitted' check (status in (
    'submitted', 'screened', 'forwarded', 'returned', 'appraised', 'honoured', 'not_honoured',
    'withdrawn')),
  receipt_code text not null,
  -- one nomination per filled-in form: a double confirm or a retried turn cannot create two
  form_id uuid not null unique,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (ward_id, receipt_code),
  check (contact_consent or (contact_phone is null and contact_name is null))
);
-- "is this person already nominated?" while the form is filled in: same campaign and unit
create index nominations_campaign_unit_idx on public.nominations (campaign_id, unit_id);
-- fuzzy name search across a ward (officers' search, later issues)
create index nominations_nominee_trgm_idx
  on public.nominations using gin (nominee_folded extensions.gin_trgm_ops);
-- "my nominations", newest first
create index nominations_nominator_idx on public.nominations (nominator_id, created_at desc);

create table public.nomination_criteria (
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  criterion_id uuid not null references public.criteria (id),
  primary key (nomination_id, criterion_id)
);

create table public.nomination_status_history (
  id bigserial primary key,
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  status text not null,
  actor_member_id uuid references public.members (id),
  note text,
  at timestamptz not null default now()
);
create index nomination_status_history_nomination_idx
  on public.nomination_status_history (nomination_id, at);

create table public.endorsements (
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  member_id uuid not null references public.members (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (nomination_id, member_id)
);
-- "what did I endorse", newest first
create index endorsements_member_idx on public.endorsements (member_id, created_at desc);

-- one open dialog per chat; version is the optimistic lock that makes a stale turn harmless
create table public.conversations (
  id uuid primary key default gen_random_uuid(),
  channel text not null check (channel in ('console', 'telegram', 'zalo')),
  chat_id text not null,
  member_id uuid not null references public.members (id) on delete cascade,
  state jsonb not null default '{"flow":null,"step":null,"answers":{},"trail":[]}',
  version int not null default 0,
  updated_at timestamptz not null default now(),
  unique (channel, chat_id)
);

-- platforms re-deliver updates (telegram retries a slow webhook with the same update_id);
-- an event id is recorded in the same transaction as the state it produced
create table public.inbound_events (
  channel text not null,
  event_id text not null,
  processed_at timestamptz not null default now(),
  primary key (channel, event_id)
);

-- who did what, for officers and auditors. details hold ids and codes only, never names,
-- phone numbers or message text.
create table public.audit_log (
  id bigserial primary key,
  ward_id uuid references public.wards (id),
  actor_member_id uuid references public.members (id),
  action text not null,
  subject_type text not null,
  subject_id text not null,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_ward_idx on public.audit_log (ward_id, at);

-- reminders and broadcasts (later issues): one row per (message, recipient); dedupe_key makes
-- a message go out at most once per recipient, leases let several processes share the work.
create table public.outbox (
  id bigserial primary key,
  ward_id uuid references public.wards (id),
  dedupe_key text not null unique,
  member_id uuid references public.members (id) on delete cascade,
  channel text not null check (channel in ('console', 'telegram', 'zalo')),
  payload jsonb not null,
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed', 'skipped')),
  not_before timestamptz not null default now(),
  lease_until timestamptz,
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index outbox_status_idx on public.outbox (status, not_before);

create table public.broadcasts (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  author_member_id uuid references public.members (id),
  body_vi text not null,
  body_en text,
  created_at timestamptz not null default now()
);

-- 4. catalog versions ------------------------------------------------------------------------

-- the bot caches each ward's catalog (campaigns, categories, criteria, units) and reloads it
-- only when wards.catalog_version moves, so every change to those rows must move it.
-- one trigger function for all the tables: it finds the affected wards from old and new rows.
create function public.bump_catalog_version() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_rows jsonb[] := '{}';
begin
  if tg_op = 'UPDATE' and to_jsonb(old) = to_jsonb(new) then
    return null; -- a no-op update changes nothing the bot shows
  end if;
  if tg_op <> 'INSERT' then v_rows := v_rows || to_jsonb(old); end if;
  if tg_op <> 'DELETE' then v_rows := v_rows || to_jsonb(new); end if;

  if tg_table_name in ('units', 'campaigns') then
    update wards set catalog_version = catalog_version + 1
     where id in (select (r ->> 'ward_id')::uuid from unnest(v_rows) r);
  elsif tg_table_name = 'campaign_phases' then
    update wards set catalog_version = catalog_version + 1
     where id in (select c.ward_id from campaigns c
                   where c.id in (select (r ->> 'campaign_id')::uuid from unnest(v_rows) r));
  elsif tg_table_name in ('categories', 'criteria') then
    update wards set catalog_version = catalog_version + 1
     where id in (select c.ward_id from campaigns c
                   where c.template_id in (select (r ->> 'template_id')::uuid from unnest(v_rows) r));
  elsif tg_table_name = 'campaign_templates' then
    update wards set catalog_version = catalog_version + 1
     where id in (select c.ward_id from campaigns c
                   where c.template_id in (select (r ->> 'id')::uuid from unnest(v_rows) r));
  end if;
  return null;
end
$$;

create trigger units_bump_catalog after insert or update or delete on public.units
  for each row execute function public.bump_catalog_version();
create trigger campaigns_bump_catalog after insert or update or delete on public.campaigns
  for each row execute function public.bump_catalog_version();
create trigger campaign_phases_bump_catalog after insert or update or delete on public.campaign_phases
  for each row execute function public.bump_catalog_version();
create trigger categories_bump_catalog after insert or update or delete on public.categories
  for each row execute function public.bump_catalog_version();
create trigger criteria_bump_catalog after insert or update or delete on public.criteria
  for each row execute function public.bump_catalog_version();
create trigger campaign_templates_bump_catalog after update or delete on public.campaign_templates
  for each row execute function public.bump_catalog_version();

-- the ward itself is in the catalog (name, code, receipt prefix; the time zone decides the
-- current phase). receipt numbers and the version columns change often and must not count.
create function public.bump_own_catalog_version() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  if (new.code, new.name, new.receipt_prefix, new.time_zone)
     is distinct from (old.code, old.name, old.receipt_prefix, old.time_zone)
     and new.catalog_version = old.catalog_version then
    new.catalog_version := old.catalog_version + 1;
  end if;
  return new;
end
$$;

create trigger wards_bump_catalog before update on public.wards
  for each row execute function public.bump_own_catalog_version();

-- 5. functions -------------------------------------------------------------------------------

-- the catalog of one ward, as the typescript type Catalog. built only when the caller's cached
-- version differs, so it may be thorough. it also records in wards.catalog_stale_at when the
-- "current phase" it computed stops being true (next phase start or current phase end), so
-- bot_turn_load can bump the version then without recomputing phases on every turn.
create function public.build_ward_catalog(p_ward_id uuid) returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_ward wards;
  v_today date;
  v_stale_at timestamptz;
  v_catalog jsonb;
begin
  select * into strict v_ward from wards where id = p_ward_id;
  v_today := (now() at time zone v_ward.time_zone)::date;

  with open_campaigns as (
    select * from campaigns where ward_id = v_ward.id and status = 'open'
  ), templates as (
    select distinct template_id from open_campaigns
  )
  select jsonb_build_object(
    'version', v_ward.catalog_version,
    'ward', jsonb_build_object('id', v_ward.id, 'code', v_ward.code, 'name', v_ward.name,
                               'receiptPrefix', v_ward.receipt_prefix),
    'campaigns', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', c.id, 'templateId', c.template_id, 'code', c.code,
               'titleVi', c.title_vi, 'titleEn', c.title_en, 'status', c.status,
               -- the phase containing today, else the next one, else none
               'currentPhase', (
                 select jsonb_build_object('seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                                           'deadline', iso_utc(p.deadline))
                   from campaign_phases p
                  where p.campaign_id = c.id and p.ends_on >= v_today
                  order by (p.starts_on <= v_today) desc, p.starts_on, p.seq
                  limit 1))
             order by c.opens_at nulls last, c.code)
        from open_campaigns c), '[]'::jsonb),
    'categories', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', k.id, 'templateId', k.template_id, 'code', k.code, 'kind', k.kind,
               'seq', k.seq, 'nameVi', k.name_vi, 'nameEn', k.name_en,
               'descriptionVi', k.description_vi, 'descriptionEn', k.description_en,
               'requiresLedUnit', k.requires_led_unit, 'unitKinds', to_jsonb(k.unit_kinds))
             order by k.seq, k.code)
        from categories k where k.template_id in (select template_id from templates)), '[]'::jsonb),
    -- general criteria first, then each category's, in the categories' order
    'criteria', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', r.id, 'templateId', r.template_id, 'categoryId', r.category_id,
               'seq', r.seq, 'textVi', r.text_vi, 'textEn', r.text_en)
             order by k.seq nulls first, r.seq, r.id)
        from criteria r left join categories k on k.id = r.category_id
       where r.template_id in (select template_id from templates)), '[]'::jsonb),
    'units', coalesce((
      select jsonb_agg(jsonb_build_object('id', u.id, 'kind', u.kind, 'name', u.name)
             order by array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], u.kind),
                      u.seq, u.name)
        from units u where u.ward_id = v_ward.id and u.active), '[]'::jsonb))
  into v_catalog;

  -- the next date boundary of any open campaign's phases, as the ward's local midnight
  select min(case when p.starts_on > v_today then p.starts_on else p.ends_on + 1 end)::timestamp
           at time zone v_ward.time_zone
    into v_stale_at
    from campaign_phases p join campaigns c on c.id = p.campaign_id
   where c.ward_id = v_ward.id and c.status = 'open' and p.ends_on >= v_today;

  if v_stale_at is distinct from v_ward.catalog_stale_at then
    update wards set catalog_stale_at = v_stale_at where id = v_ward.id;
  end if;
  return v_catalog;
end
$$;

-- similarity (pg_trgm, 0..1) from which a folded name counts as "maybe the same nominee".
-- tuned by the tests in test/integration/sql-lookup.test.ts: "nguyen van anh" vs
-- "nguyen van anhh" is 0.82 (a typo: match), vs "nguyen van binh" 0.63 (another person: no
-- match). vietnamese names share family and middle names, so unrelated names score high;
-- 0.7 sits between. a false match only costs the user one "no, continue" answer.
create function public.nominee_similarity_threshold() returns real
language sql immutable parallel safe
set search_path = ''
as $$ select 0.7::real $$;

-- up to 3 nominations of a campaign and unit whose nominee looks like p_name (folded equal, or
-- similar by trigrams with the same numbers), best first, as SimilarNomination json; an empty
-- array for a blank name
create function public.similar_nominations(p_campaign_id uuid, p_unit_id uuid, p_member_id uuid, p_name text)
returns jsonb
language plpgsql stable
set search_path = public, extensions, pg_temp
as $$
declare
  -- folded once here: inside a query postgres would fold it again for every row compared
  v_folded text := vn_fold(p_name);
  v_digits text := vn_digit_groups(vn_fold(p_name));
  v_threshold real := nominee_similarity_threshold();
begin
  if btrim(coalesce(p_name, '')) = '' then
    return '[]'::jsonb;
  end if;
  return (
    select coalesce(jsonb_agg(
             jsonb_build_object(
               'id', s.id, 'code', s.receipt_code, 'nomineeName', s.nominee_name,
               'categoryId', s.category_id,
               'endorsements', (select count(*) from endorsements e where e.nomination_id = s.id),
               'mine', s.nominator_id = p_member_id,
               'endorsedByMe', exists (select 1 from endorsements e
                                        where e.nomination_id = s.id and e.member_id = p_member_id))
             order by s.exact desc, s.score desc, s.created_at), '[]'::jsonb)
      from (select n.id, n.receipt_code, n.nominee_name, n.category_id, n.nominator_id,
                   n.created_at, n.nominee_folded = v_folded as exact,
                   extensions.similarity(n.nominee_folded, v_folded) as score
              from nominations n
             where n.campaign_id = p_campaign_id and n.unit_id = p_unit_id
               and n.status <> 'withdrawn'
               and (n.nominee_folded = v_folded
                    or extensions.similarity(n.nominee_folded, v_folded) >= v_threshold)
               and vn_digit_groups(n.nominee_folded) = v_digits
             order by exact desc, score desc, n.created_at
             limit 3) s);
end
$$;

-- one round trip before a chat turn: who is speaking, their conversation, whether the event
-- was seen before, the ward's catalog if the caller's copy is stale, and the lookup the state
-- asked for. the hot path is four index lookups (identity + member, conversation, ward, event)
-- and no writes; it writes only on first contact and once after a phase boundary has passed.
create function public.bot_turn_load(
  p_channel text,
  p_chat_id text,
  p_user_id text,
  p_locale_hint text,
  p_event_id text,
  p_input text,
  p_catalog_versions jsonb,
  p_default_ward text
) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_member members;
  v_new_member_id uuid;
  v_ward_id uuid;
  v_conv record;
  v_version int;
  v_stale_at timestamptz;
  v_catalog jsonb;
  v_lookup jsonb;
  v_campaign_id uuid;
  v_unit_id uuid;
begin
  select m.* into v_member
    from member_identities i join members m on m.id = i.member_id
   where i.channel = p_channel and i.external_id = p_user_id;

  if not found then
    -- first contact. two processes may get this person's first two messages at once: both
    -- create a member, only one identity insert wins, the loser removes its member and reads
    -- the winner's.
    select id into v_ward_id from wards where code = p_default_ward;
    if v_ward_id is null then
      select id into v_ward_id from wards order by created_at, code limit 1;
    end if;
    if v_ward_id is null then
      raise exception 'bot_turn_load: no ward exists; run the seed or create a ward first';
    end if;

    insert into members (ward_id, locale)
    values (v_ward_id,
            case when lower(coalesce(p_locale_hint, '')) like 'en%' then 'en' else 'vi' end)
    returning id into v_new_member_id;

    insert into member_identities (channel, external_id, member_id, chat_id)
    values (p_channel, p_user_id, v_new_member_id, p_chat_id)
    on conflict (channel, external_id) do nothing;

    select m.* into strict v_member
      from member_identities i join members m on m.id = i.member_id
     where i.channel = p_channel and i.external_id = p_user_id;
    if v_member.id <> v_new_member_id then
      delete from members where id = v_new_member_id;
    end if;
  end if;

  select id, version, state into v_conv
    from conversations where channel = p_channel and chat_id = p_chat_id;
  if not found then
    insert into conversations (channel, chat_id, member_id)
    values (p_channel, p_chat_id, v_member.id)
    on conflict (channel, chat_id) do nothing;
    select id, version, state into strict v_conv
      from conversations where channel = p_channel and chat_id = p_chat_id;
  end if;

  -- the catalog: nothing to do when the caller's cached version is current, except noticing
  -- that a phase boundary passed since the catalog was built (one timestamp comparison)
  select catalog_version, catalog_stale_at into v_version, v_stale_at
    from wards where id = v_member.ward_id;
  if v_stale_at <= now() then
    update wards set catalog_version = catalog_version + 1, catalog_stale_at = null
     where id = v_member.ward_id and catalog_stale_at <= now();
    select catalog_version into v_version from wards where id = v_member.ward_id;
  end if;
  if p_catalog_versions is null
     or (p_catalog_versions ->> v_member.ward_id::text) is distinct from v_version::text then
    v_catalog := build_ward_catalog(v_member.ward_id);
  end if;

  -- "is this nominee already nominated?": asked by the state, answered with this input, and
  -- for the form's quick answer (a collective named after its unit) when the state names one
  if v_conv.state -> 'lookup' ->> 'kind' = 'similar_nominations' then
    v_campaign_id := try_uuid(v_conv.state -> 'lookup' ->> 'campaignId');
    v_unit_id := try_uuid(v_conv.state -> 'lookup' ->> 'unitId');
    v_lookup := jsonb_build_object(
      'kind', 'similar_nominations',
      'matches', similar_nominations(v_campaign_id, v_unit_id, v_member.id, p_input),
      'quickMatches', similar_nominations(v_campaign_id, v_unit_id, v_member.id,
                                          v_conv.state -> 'lookup' ->> 'quickName'));
  end if;

  return jsonb_build_object(
    'duplicate', p_event_id is not null and exists (
      select 1 from inbound_events where channel = p_channel and event_id = p_event_id),
    'conversation', jsonb_build_object('id', v_conv.id, 'version', v_conv.version,
                                       'state', v_conv.state),
    'member', jsonb_build_object('id', v_member.id, 'wardId', v_member.ward_id,
                                 'displayName', v_member.display_name, 'locale', v_member.locale,
                                 'role', v_member.role, 'unitId', v_member.unit_id),
    'catalog', v_catalog,
    'lookup', v_lookup);
end
$$;

-- a short summary of one nomination (NominationSummary in contract.ts)
create function public.nomination_summary(p_nomination_id uuid) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object(
    'code', n.receipt_code, 'nomineeName', n.nominee_name, 'categoryId', n.category_id,
    'status', n.status, 'submittedAt', iso_utc(n.created_at),
    'endorsements', (select count(*) from endorsements e where e.nomination_id = n.id))
  from nominations n where n.id = p_nomination_id
$$;

-- effect submit_nomination: validates everything the form collected, takes the next receipt
-- number and records the nomination. every expected outcome is a value, never an exception.
create function public.effect_submit_nomination(p_member public.members, p_effect jsonb) returns jsonb
language plpgsql
set search_path = public, extensions, pg_temp
as $$
declare
  v_form_id uuid := try_uuid(p_effect ->> 'formId');
  v_campaign campaigns;
  v_category categories;
  v_unit units;
  v_led_unit_id uuid;
  v_name text := btrim(coalesce(p_effect ->> 'nomineeName', ''));
  v_deeds text := btrim(coalesce(p_effect ->> 'deeds', ''));
  v_consent boolean := coalesce(p_effect -> 'consent' = 'true'::jsonb, false);
  v_phone text;
  v_criteria uuid[];
  v_number int;
  v_prefix text;
  v_code text;
  v_id uuid;
begin
  if v_form_id is null then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'form_id');
  end if;
  -- a retried or doubled confirmation: answer with the code already given
  select receipt_code into v_code from nominations where form_id = v_form_id;
  if found then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'already', 'code', v_code);
  end if;

  select * into v_campaign from campaigns
   where id = try_uuid(p_effect ->> 'campaignId') and ward_id = p_member.ward_id;
  if not found or v_campaign.status <> 'open' then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'campaign_closed');
  end if;

  select * into v_category from categories
   where id = try_uuid(p_effect ->> 'categoryId') and template_id = v_campaign.template_id;
  if not found then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'category');
  end if;

  -- the unit must be an active unit of the ward, of a kind the category accepts
  select * into v_unit from units
   where id = try_uuid(p_effect ->> 'unitId') and ward_id = p_member.ward_id and active;
  if not found or (cardinality(v_category.unit_kinds) > 0
                   and not v_unit.kind = any (v_category.unit_kinds)) then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'unit');
  end if;

  if jsonb_typeof(p_effect -> 'criterionIds') = 'array' then
    select array_agg(distinct try_uuid(x)) into v_criteria
      from jsonb_array_elements_text(p_effect -> 'criterionIds') x;
  end if;
  if coalesce(cardinality(v_criteria), 0) = 0
     or array_position(v_criteria, null) is not null
     or (select count(*) from criteria r
          where r.id = any (v_criteria) and r.template_id = v_campaign.template_id
            and (r.category_id is null or r.category_id = v_category.id)) <> cardinality(v_criteria) then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'criteria');
  end if;

  -- leaders and managers name the collective they head; other categories must not
  if v_category.requires_led_unit then
    select id into v_led_unit_id from units
     where id = try_uuid(p_effect ->> 'ledUnitId') and ward_id = p_member.ward_id;
    if v_led_unit_id is null then
      return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'led_unit');
    end if;
  elsif nullif(p_effect ->> 'ledUnitId', '') is not null then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'led_unit');
  end if;

  if char_length(v_name) not between 2 and 150 then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'nominee_name');
  end if;
  if char_length(v_deeds) not between 20 and 2000 then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'deeds');
  end if;

  -- the phone is kept only with consent; without consent it is dropped, not checked.
  -- spaces, dots, dashes and a +84 country code are accepted as people write them.
  if v_consent and nullif(btrim(p_effect ->> 'phone'), '') is not null then
    v_phone := regexp_replace(regexp_replace(p_effect ->> 'phone', '[[:space:]().-]', '', 'g'),
                              '^\+?84', '0');
    if v_phone !~ '^0[35789][0-9]{8}$' then
      return jsonb_build_object('type', 'submit_nomination', 'status', 'invalid', 'reason', 'phone');
    end if;
  end if;

  -- receipt numbers are per ward and without gaps. lock the ward row first, then look for the
  -- form again: a concurrent confirm of the same form waits here and then finds the first one
  -- (read committed: this statement sees what committed while we waited), so it takes no number.
  -- "no key update" is the lock the receipt update takes anyway; unlike "for update" it does not
  -- hold up inserts elsewhere whose foreign keys point at the ward.
  perform 1 from wards where id = p_member.ward_id for no key update;
  select receipt_code into v_code from nominations where form_id = v_form_id;
  if found then
    return jsonb_build_object('type', 'submit_nomination', 'status', 'already', 'code', v_code);
  end if;

  update wards set next_receipt = next_receipt + 1 where id = p_member.ward_id
  returning next_receipt - 1, receipt_prefix into v_number, v_prefix;
  v_code := v_prefix || '-' || lpad(v_number::text, greatest(4, length(v_number::text)), '0');

  insert into nominations (ward_id, campaign_id, category_id, kind, unit_id, nominee_name, deeds,
                           led_unit_id, photo_ref, nominator_id, contact_consent, contact_name,
                           contact_phone, receipt_code, form_id)
  values (p_member.ward_id, v_campaign.id, v_category.id, v_category.kind, v_unit.id, v_name,
          v_deeds, v_led_unit_id, nullif(p_effect ->> 'photoRef', ''), p_member.id, v_consent,
          case when v_consent then left(nullif(btrim(p_effect ->> 'contactName'), ''), 200) end,
          v_phone, v_code, v_form_id)
  returning id into v_id;

  insert into nomination_criteria (nomination_id, criterion_id)
  select v_id, unnest(v_criteria);

  insert into nomination_status_history (nomination_id, status, actor_member_id)
  values (v_id, 'submitted', p_member.id);

  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'nomination.submitted', 'nomination', v_id::text,
          jsonb_build_object('code', v_code, 'campaignId', v_campaign.id,
                             'categoryId', v_category.id, 'unitId', v_unit.id));

  return jsonb_build_object('type', 'submit_nomination', 'status', 'created', 'code', v_code);
end
$$;

-- effect endorse: one endorsement per person and nomination, never one's own
create function public.effect_endorse(p_member public.members, p_effect jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_nomination nominations;
  v_inserted int;
  v_count int;
begin
  select * into v_nomination from nominations
   where id = try_uuid(p_effect ->> 'nominationId') and ward_id = p_member.ward_id
     and status <> 'withdrawn';
  if not found then
    return jsonb_build_object('type', 'endorse', 'status', 'not_found');
  end if;

  if v_nomination.nominator_id = p_member.id then
    select count(*) into v_count from endorsements where nomination_id = v_nomination.id;
    return jsonb_build_object('type', 'endorse', 'status', 'own',
                              'code', v_nomination.receipt_code, 'count', v_count);
  end if;

  insert into endorsements (nomination_id, member_id) values (v_nomination.id, p_member.id)
  on conflict do nothing;
  get diagnostics v_inserted = row_count;
  select count(*) into v_count from endorsements where nomination_id = v_nomination.id;

  if v_inserted = 0 then
    return jsonb_build_object('type', 'endorse', 'status', 'already',
                              'code', v_nomination.receipt_code, 'count', v_count);
  end if;

  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (p_member.ward_id, p_member.id, 'nomination.endorsed', 'nomination', v_nomination.id::text,
          jsonb_build_object('code', v_nomination.receipt_code));
  return jsonb_build_object('type', 'endorse', 'status', 'endorsed',
                            'code', v_nomination.receipt_code, 'count', v_count);
end
$$;

-- effect status: one nomination by its receipt code, if this member may see it
-- (its nominator or an endorser; leaders of its unit and ward officers in a later issue)
create function public.effect_status(p_member public.members, p_effect jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_nomination nominations;
begin
  select n.* into v_nomination from nominations n
   where n.ward_id = p_member.ward_id
     and n.receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''))
     and (n.nominator_id = p_member.id
          or exists (select 1 from endorsements e
                      where e.nomination_id = n.id and e.member_id = p_member.id));
  if not found then
    return jsonb_build_object('type', 'status', 'status', 'not_found');
  end if;

  return jsonb_build_object('type', 'status', 'status', 'found', 'nomination',
    nomination_summary(v_nomination.id) || jsonb_build_object(
      'campaignId', v_nomination.campaign_id,
      'unitName', (select name from units where id = v_nomination.unit_id),
      'history', coalesce((select jsonb_agg(jsonb_build_object('status', h.status, 'at', iso_utc(h.at))
                                            order by h.at, h.id)
                             from nomination_status_history h
                            where h.nomination_id = v_nomination.id), '[]'::jsonb)));
end
$$;

-- effect mine: what this member nominated and what they endorsed, newest first, 20 of each
create function public.effect_mine(p_member public.members) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('type', 'mine',
    'nominations', coalesce((
      select jsonb_agg(nomination_summary(n.id) order by n.created_at desc, n.id)
        from (select id, created_at from nominations where nominator_id = p_member.id
               order by created_at desc, id limit 20) n), '[]'::jsonb),
    'endorsements', coalesce((
      select jsonb_agg(nomination_summary(e.nomination_id) order by e.created_at desc, e.nomination_id)
        from (select nomination_id, created_at from endorsements where member_id = p_member.id
               order by created_at desc, nomination_id limit 20) e), '[]'::jsonb))
$$;

-- one transaction after a chat turn: check the version the turn was computed from, record the
-- event as processed, apply the turn's effect and store the next state. a stale version or a
-- re-delivered event writes nothing, so a double press or a retried webhook is harmless.
create function public.bot_turn_save(
  p_conversation_id uuid,
  p_version int,
  p_state jsonb,
  p_channel text,
  p_event_id text,
  p_member_id uuid,
  p_effect jsonb
) returns jsonb
language plpgsql
security definer
set search_path = public, extensions, pg_temp
as $$
declare
  v_current int;
  v_inserted int;
  v_member members;
  v_result jsonb;
  v_new_version int;
begin
  if p_state is null then
    raise exception 'bot_turn_save: p_state is required';
  end if;

  -- the row lock also serialises turns of one chat across processes
  select version into v_current from conversations where id = p_conversation_id for update;
  if not found or v_current <> p_version then
    return jsonb_build_object('ok', false, 'reason', 'stale');
  end if;

  if p_event_id is not null then
    insert into inbound_events (channel, event_id) values (p_channel, p_event_id)
    on conflict do nothing;
    get diagnostics v_inserted = row_count;
    if v_inserted = 0 then
      return jsonb_build_object('ok', false, 'reason', 'duplicate_event');
    end if;
  end if;

  if p_effect is not null and jsonb_typeof(p_effect) <> 'null' then
    select * into strict v_member from members where id = p_member_id;
    case p_effect ->> 'type'
      when 'submit_nomination' then
        v_result := effect_submit_nomination(v_member, p_effect);
      when 'endorse' then
        v_result := effect_endorse(v_member, p_effect);
      when 'status' then
        v_result := effect_status(v_member, p_effect);
      when 'mine' then
        v_result := effect_mine(v_member);
      when 'set_locale' then
        -- the engine only offers vi and en; anything else is a bug, not a user's answer
        if coalesce(p_effect ->> 'locale', '') not in ('vi', 'en') then
          raise exception 'bot_turn_save: unsupported locale %', p_effect ->> 'locale';
        end if;
        update members set locale = p_effect ->> 'locale', updated_at = now()
         where id = v_member.id;
        v_result := jsonb_build_object('type', 'set_locale', 'status', 'ok',
                                       'locale', p_effect ->> 'locale');
      else
        -- a programming error: roll back the whole turn (the event stays unprocessed)
        raise exception 'bot_turn_save: unknown effect type %', coalesce(p_effect ->> 'type', '(none)')
          using hint = 'expected submit_nomination, endorse, set_locale, status or mine';
    end case;
  end if;

  update conversations set state = p_state, version = version + 1, updated_at = now()
   where id = p_conversation_id
  returning version into v_new_version;

  return jsonb_build_object('ok', true, 'version', v_new_version, 'effect', v_result);
end
$$;

-- 6. security ------------------------------------------------------------------------------

-- rls on, no policies: anon and authenticated (supabase's public keys) see no row even if a
-- grant slips in later. the functions run as their owner, who owns the tables.
alter table public.wards enable row level security;
alter table public.units enable row level security;
alter table public.members enable row level security;
alter table public.member_identities enable row level security;
alter table public.campaign_templates enable row level security;
alter table public.template_phases enable row level security;
alter table public.categories enable row level security;
alter table public.criteria enable row level security;
alter table public.campaigns enable row level security;
alter table public.campaign_phases enable row level security;
alter table public.nominations enable row level security;
alter table public.nomination_criteria enable row level security;
alter table public.nomination_status_history enable row level security;
alter table public.endorsements enable row level security;
alter table public.conversations enable row level security;
alter table public.inbound_events enable row level security;
alter table public.audit_log enable row level security;
alter table public.outbox enable row level security;
alter table public.broadcasts enable row level security;

-- supabase's default privileges grant every new table and sequence to anon and authenticated;
-- take that back explicitly.
revoke all on table
  public.wards, public.units, public.members, public.member_identities,
  public.campaign_templates, public.template_phases, public.categories, public.criteria,
  public.campaigns, public.campaign_phases, public.nominations, public.nomination_criteria,
  public.nomination_status_history, public.endorsements, public.conversations,
  public.inbound_events, public.audit_log, public.outbox, public.broadcasts
from public, anon, authenticated;
revoke all on sequence
  public.nomination_status_history_id_seq, public.audit_log_id_seq, public.outbox_id_seq
from public, anon, authenticated;

-- functions are executable by public by default (and by anon via supabase's defaults).
-- only the two rpc entry points and vn_fold are for the server; the rest are internal.
revoke execute on function
  public.vn_fold(text), public.vn_digit_groups(text), public.iso_utc(timestamptz),
  public.try_uuid(text), public.receipt_code_normalize(text),
  public.bump_catalog_version(), public.bump_own_catalog_version(),
  public.build_ward_catalog(uuid), public.nominee_similarity_threshold(),
  public.similar_nominations(uuid, uuid, uuid, text),
  public.bot_turn_load(text, text, text, text, text, text, jsonb, text),
  public.nomination_summary(uuid),
  public.effect_submit_nomination(public.members, jsonb), public.effect_endorse(public.members, jsonb),
  public.effect_status(public.members, jsonb), public.effect_mine(public.members),
  public.bot_turn_save(uuid, int, jsonb, text, text, uuid, jsonb)
from public, anon, authenticated;

grant usage on schema public, extensions to service_role;
grant execute on function
  public.bot_turn_load(text, text, text, text, text, text, jsonb, text),
  public.bot_turn_save(uuid, int, jsonb, text, text, uuid, jsonb),
  public.vn_fold(text)
to service_role;
