-- add_review_base: what every step of the review path (screening by the unit's leader, appraisal
-- by the ward, the council's vote, public posting, honours) stands on. each step is its own
-- capability with its own functions in a later migration; this one holds the shared parts.
--
-- what is here:
--   1. campaign settings: a council or not, its quorum and threshold, the public posting period
--   2. nomination statuses for the review path, the posting deadline
--   3. tables: invitations to a role, appraisal marks per criterion, council votes, residents'
--      comments on posted nominations, honours
--   4. role checks (used inside every function that acts for an officer, leader or council member)
--   5. nomination_transition: the one way a status changes (history, audit, the nominator told)
--   6. notices: to role holders, and to a unit's screener when a nomination arrives
--   7. bot_admins_ensure: the first officers, named by configuration
--   8. rls and grants
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. campaign settings -----------------------------------------------------------------------------

-- the law leaves a ward-level council's quorum and threshold open: settings per campaign. "more
-- than half of the members vote" is quorum 0.5 (strictly more), "more than half of the votes
-- agree" is threshold 0.5 (strictly more). posting_days 0: no public posting period.
alter table public.campaigns add column uses_council boolean not null default true;
alter table public.campaigns add column council_quorum numeric not null default 0.5 check (council_quorum >= 0 and council_quorum < 1);
alter table public.campaigns add column council_threshold numeric not null default 0.5 check (council_threshold >= 0 and council_threshold < 1);
alter table public.campaigns add column posting_days int not null default 5 check (posting_days between 0 and 60);

-- 2. statuses --------------------------------------------------------------------------------------

-- submitted -> (leader) forwarded | returned | declined; returned -> (nominator answers) submitted;
-- forwarded -> (officer) proposed | declined; proposed -> (council) posted | approved | not_honoured;
-- posted -> (after the posting period) honoured | not_honoured; approved -> honoured | not_honoured.
-- submitted -> withdrawn by the nominator. 'screened' and 'appraised' stay for old rows.
alter table public.nominations drop constraint nominations_status_check;
alter table public.nominations add constraint nominations_status_check check (status in (
  'submitted', 'screened', 'forwarded', 'returned', 'appraised', 'proposed', 'posted', 'approved',
  'honoured', 'not_honoured', 'declined', 'withdrawn'));
-- the end of the public posting period, set when a proposal is posted
alter table public.nominations add column posting_until timestamptz;
create index nominations_unit_status_idx on public.nominations (unit_id, status, created_at);
create index nominations_campaign_status_idx on public.nominations (campaign_id, status, created_at);

-- 3. tables ----------------------------------------------------------------------------------------

-- a one-time invitation to a role, valid 7 days; the code is typed (zalo, terminal) or carried by
-- a telegram deep link. a leader's invitation names the unit.
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  ward_id uuid not null references public.wards (id),
  code text not null unique check (code ~ '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$'),
  role text not null check (role in ('leader', 'officer', 'council')),
  unit_id uuid references public.units (id),
  -- the name the officer gave (a role holder acts in an official capacity; shown in histories)
  holder_name text check (char_length(holder_name) <= 100),
  -- a unit has one leader at a time unless the officer says otherwise
  allow_second_leader boolean not null default false,
  invited_by uuid references public.members (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  used_by uuid references public.members (id) on delete set null,
  declined_at timestamptz,
  check ((role = 'leader') = (unit_id is not null))
);
create index invitations_ward_idx on public.invitations (ward_id, created_at);

alter table public.member_roles add column holder_name text check (char_length(holder_name) <= 100);
alter table public.member_roles add column invitation_id uuid references public.invitations (id) on delete set null;

-- the ward's appraisal: each criterion of the nomination's category met or not, with a note
create table public.appraisal_marks (
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  criterion_id uuid not null references public.criteria (id),
  met boolean not null,
  note text check (char_length(note) <= 1000),
  marked_by uuid references public.members (id) on delete set null,
  marked_at timestamptz not null default now(),
  primary key (nomination_id, criterion_id)
);

-- the council's vote on a proposal: one vote per member, changeable while voting is open
create table public.council_votes (
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  member_id uuid not null references public.members (id) on delete cascade,
  vote text not null check (vote in ('agree', 'disagree', 'abstain')),
  voted_at timestamptz not null default now(),
  primary key (nomination_id, member_id)
);

-- residents' comments on a posted nomination (they reach the officers)
create table public.public_comments (
  id bigserial primary key,
  nomination_id uuid not null references public.nominations (id) on delete cascade,
  member_id uuid references public.members (id) on delete set null,
  body text not null check (char_length(body) between 1 and 1000),
  created_at timestamptz not null default now()
);
create index public_comments_nomination_idx on public.public_comments (nomination_id, created_at);

-- the honour given (e.g. "Giấy khen của Chủ tịch UBND phường") and the phase it counts for
create table public.honours (
  nomination_id uuid primary key references public.nominations (id) on delete cascade,
  title text not null check (char_length(title) between 2 and 200),
  honoured_on date not null,
  phase_id uuid references public.campaign_phases (id),
  honoured_by uuid references public.members (id) on delete set null,
  created_at timestamptz not null default now()
);
create index honours_phase_idx on public.honours (phase_id);

-- 4. role checks -----------------------------------------------------------------------------------

-- whether the member holds the role now (for a leader: of that unit, or of any unit when null)
create function public.has_role(p_member_id uuid, p_role text, p_unit_id uuid default null) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r
                  where r.member_id = p_member_id and r.role = p_role and r.revoked_at is null
                    and (p_unit_id is null or r.unit_id = p_unit_id))
$$;

-- who screens a submitted nomination: its unit's leader, except a nomination the leader made or
-- one of the unit's own head (leaders and managers whose led unit is this unit); those, and units
-- without a leader, go to the ward's officers
create function public.nomination_screened_by_ward(p_nomination public.nominations) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select not exists (
    select 1 from member_roles r
     where r.role = 'leader' and r.revoked_at is null and r.unit_id = p_nomination.unit_id
       and r.member_id <> p_nomination.nominator_id
       and p_nomination.led_unit_id is distinct from p_nomination.unit_id)
$$;

-- whether the member may screen this nomination: an officer of its ward, or its unit's leader
-- when the nomination is neither their own nor their unit head's
create function public.can_screen(p_member_id uuid, p_nomination public.nominations) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select exists (select 1 from member_roles r join members m on m.id = r.member_id
                  where r.member_id = p_member_id and r.role = 'officer' and r.revoked_at is null
                    and m.ward_id = p_nomination.ward_id)
      or (has_role(p_member_id, 'leader', p_nomination.unit_id)
          and p_nomination.nominator_id <> p_member_id
          and p_nomination.led_unit_id is distinct from p_nomination.unit_id)
$$;

-- 5. status changes ----------------------------------------------------------------------------------

-- the notice a status change sends the nominator, as data: the bot's 'status' notice renderer
-- turns it into text in the nominator's language when it is sent
create function public.status_notice(p_nomination public.nominations, p_status text, p_note text) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('notice', 'status', 'args', jsonb_strip_nulls(jsonb_build_object(
    'status', p_status, 'code', p_nomination.receipt_code, 'name', p_nomination.nominee_name,
    'note', nullif(btrim(coalesce(p_note, '')), ''))))
$$;

-- the one way a nomination's status changes: only from one of p_from (two officers acting at once:
-- the second finds the status moved and gets null), with a history row (actor, note), an audit
-- row (ids only) and a notice to the nominator; on 'honoured' the endorsers hear too. returns
-- the updated row, or null when the status was not one of p_from.
create function public.nomination_transition(p_nomination_id uuid, p_from text[], p_to text, p_actor uuid, p_note text)
returns public.nominations
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_row nominations;
  v_history bigint;
begin
  update nominations set status = p_to, updated_at = now()
   where id = p_nomination_id and status = any (p_from)
  returning * into v_row;
  if v_row.id is null then
    return null;
  end if;
  insert into nomination_status_history (nomination_id, status, actor_member_id, note, at)
  values (v_row.id, p_to, p_actor, nullif(btrim(coalesce(p_note, '')), ''), bot_now())
  returning id into v_history;
  insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
  values (v_row.ward_id, p_actor, 'nomination.' || p_to, 'nomination', v_row.id::text,
          jsonb_build_object('code', v_row.receipt_code, 'history', v_history));
  -- the nominator hears of every change they did not make themselves
  if v_row.nominator_id is distinct from p_actor then
    perform bot_notify(v_row.nominator_id, 'status:' || v_history, status_notice(v_row, p_to, p_note));
  end if;
  if p_to = 'honoured' then
    perform bot_notify(e.member_id, 'honoured:' || v_row.id || ':' || e.member_id,
                       jsonb_build_object('notice', 'endorsed_honoured',
                                          'args', jsonb_build_object('code', v_row.receipt_code, 'name', v_row.nominee_name)))
      from endorsements e where e.nomination_id = v_row.id;
  end if;
  return v_row;
end
$$;

-- 6. notices to role holders ----------------------------------------------------------------------
--
-- a notice's payload is {notice: <name>, args: {...}}: the bot renders it with the notice renderer
-- of that name (in src/conversation/capabilities), in the recipient's language, when it is sent.

-- queues one notice per current holder of a role in a ward (a leader's role: of one unit);
-- returns how many were queued. the key gets the member id appended.
create function public.notify_role(p_ward_id uuid, p_role text, p_unit_id uuid, p_key text, p_payload jsonb,
                                   p_except uuid default null)
returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_count int := 0;
  v_member uuid;
begin
  for v_member in
    select distinct r.member_id from member_roles r join members m on m.id = r.member_id
     where m.ward_id = p_ward_id and r.role = p_role and r.revoked_at is null
       and (p_unit_id is null or r.unit_id = p_unit_id)
       and r.member_id is distinct from p_except
  loop
    if bot_notify(v_member, p_key || ':' || v_member, p_payload) then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- a new nomination (or one answered after a question) reaches whoever screens it: the unit's
-- leader, or the ward's officers
-- p_event: 'new' (just submitted) or 'answered' (the nominator answered a question)
create function public.notify_screener(p_nomination public.nominations, p_event text) returns int
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_unit text;
  v_payload jsonb;
  v_key text := 'screen:' || p_nomination.id || ':' || p_event || ':' || extract(epoch from now())::bigint;
begin
  select name into v_unit from units where id = p_nomination.unit_id;
  v_payload := jsonb_build_object('notice', 'screen', 'args', jsonb_build_object(
    'event', p_event, 'code', p_nomination.receipt_code, 'name', p_nomination.nominee_name, 'unit', v_unit));
  if nomination_screened_by_ward(p_nomination) then
    return notify_role(p_nomination.ward_id, 'officer', null, v_key, v_payload, p_nomination.nominator_id);
  end if;
  return notify_role(p_nomination.ward_id, 'leader', p_nomination.unit_id, v_key, v_payload, p_nomination.nominator_id);
end
$$;

create function public.nominations_tell_screener() returns trigger
language plpgsql
set search_path = public, pg_temp
as $$
begin
  perform notify_screener(new, 'new');
  return null;
end
$$;

create trigger nominations_tell_screener after insert on public.nominations
  for each row execute function public.nominations_tell_screener();

-- 7. the first officers ------------------------------------------------------------------------------

-- officers named by configuration (ADMIN_TELEGRAM_IDS, ADMIN_ZALO_IDS, ADMIN_CONSOLE_USERS):
-- [{channel, externalId}]; each gets a member (and identity, whose private chat id is their user
-- id) in the ward and the officer role, once. returns how many roles were granted now.
create function public.bot_admins_ensure(p_ward_code text, p_identities jsonb) returns int
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_ward uuid;
  v_item jsonb;
  v_member uuid;
  v_granted int := 0;
begin
  select id into v_ward from wards where code = p_ward_code;
  if v_ward is null then
    select id into v_ward from wards order by created_at, code limit 1;
  end if;
  if v_ward is null then
    raise exception 'bot_admins_ensure: no ward exists';
  end if;
  for v_item in select * from jsonb_array_elements(coalesce(p_identities, '[]'::jsonb)) loop
    select member_id into v_member from member_identities
     where channel = v_item ->> 'channel' and external_id = v_item ->> 'externalId';
    if v_member is null then
      insert into members (ward_id) values (v_ward) returning id into v_member;
      insert into member_identities (channel, external_id, member_id, chat_id)
      values (v_item ->> 'channel', v_item ->> 'externalId', v_member, v_item ->> 'externalId');
    end if;
    if not has_role(v_member, 'officer') then
      insert into member_roles (member_id, ward_id, role) select v_member, ward_id, 'officer' from members where id = v_member;
      insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
      select ward_id, null, 'role.granted', 'member', v_member::text,
             jsonb_build_object('role', 'officer', 'by', 'configuration', 'channel', v_item ->> 'channel')
        from members where id = v_member;
      v_granted := v_granted + 1;
    end if;
  end loop;
  return v_granted;
end
$$;

-- 8. security ------------------------------------------------------------------------------------

alter table public.invitations enable row level security;
alter table public.appraisal_marks enable row level security;
alter table public.council_votes enable row level security;
alter table public.public_comments enable row level security;
alter table public.honours enable row level security;
revoke all on table public.invitations, public.appraisal_marks, public.council_votes, public.public_comments,
  public.honours from public, anon, authenticated;
revoke all on sequence public.public_comments_id_seq from public, anon, authenticated;

revoke execute on function
  public.has_role(uuid, text, uuid),
  public.nomination_screened_by_ward(public.nominations),
  public.can_screen(uuid, public.nominations),
  public.status_notice(public.nominations, text, text),
  public.nomination_transition(uuid, text[], text, uuid, text),
  public.notify_role(uuid, text, uuid, text, jsonb, uuid),
  public.notify_screener(public.nominations, text),
  public.nominations_tell_screener(),
  public.bot_admins_ensure(text, jsonb)
from public, anon, authenticated;
grant execute on function public.bot_admins_ensure(text, jsonb) to service_role;
