-- add_screening: a unit's leader (and the ward's officers, for what goes to the ward) screens the
-- nominations waiting in 'submitted': forward to the ward, return to the nominator with a question,
-- or decline with a reason; the nominator answers a returned nomination and it comes back.
--
-- what is here:
--   1. who screens what now: screening_is_screener, screening_may_act, screening_queue_of
--   2. lookups: the queue a page at a time, one nomination as a screener sees it, a returned
--      nomination as its nominator sees it
--   3. effects: screening_decide (forward / return / decline) and screening_answer (the
--      nominator's answer), both through nomination_transition
--   4. the allow-list rows, and grants
--
-- every function checks the member's role itself (a resident's member id can list, open and act
-- on nothing), whatever the bot's menus allow. expected outcomes are values, never exceptions.
--
-- must run on postgresql 15, 17 and 18 (pglite).

-- 1. who screens what --------------------------------------------------------------------------------

-- whether the member holds a role that screens anything: a unit's leader or an officer
create function public.screening_is_screener(p_member_id uuid) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select has_role(p_member_id, 'leader') or has_role(p_member_id, 'officer')
$$;

-- whether the member may act on this nomination: can_screen (an officer of its ward, or its unit's
-- leader when it is neither theirs nor their unit head's), and never on a nomination they made,
-- whatever their role
create function public.screening_may_act(p_member_id uuid, p_nomination public.nominations) returns boolean
language sql stable
set search_path = public, pg_temp
as $$
  select p_nomination.nominator_id <> p_member_id and can_screen(p_member_id, p_nomination)
$$;

-- the nominations waiting for this member's screening: of the units they lead (neither their own
-- nor their unit head's), and, for an officer, those that go to the ward. the officers' part is
-- nomination_screened_by_ward written as a not exists, so a ward's whole queue is one scan rather
-- than a function call per nomination (the integration test checks the two agree).
create function public.screening_queue_of(p_member public.members) returns setof public.nominations
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_units uuid[] := array(select r.unit_id from member_roles r
                           where r.member_id = p_member.id and r.role = 'leader' and r.revoked_at is null);
  v_officer boolean := has_role(p_member.id, 'officer');
begin
  return query
  select n.* from nominations n
   where n.ward_id = p_member.ward_id and n.status = 'submitted' and n.nominator_id <> p_member.id
     and ((n.unit_id = any (v_units) and n.led_unit_id is distinct from n.unit_id)
          or (v_officer and not exists (
                select 1 from member_roles r
                 where r.role = 'leader' and r.revoked_at is null and r.unit_id = n.unit_id
                   and r.member_id <> n.nominator_id and n.led_unit_id is distinct from n.unit_id)));
end
$$;

-- a nomination's history as the screener reads it: each change with its date, its note, and who
-- made it (the nominator, or the role of whoever acted); oldest first
create function public.screening_history_json(p_nomination public.nominations) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'status', h.status, 'at', iso_utc(h.at), 'note', h.note,
           'by', case when h.actor_member_id is null then null
                      when h.actor_member_id = p_nomination.nominator_id then 'nominator'
                      when has_role(h.actor_member_id, 'officer') then 'officer'
                      when has_role(h.actor_member_id, 'leader') then 'leader'
                      else 'other' end) order by h.at, h.id), '[]'::jsonb)
    from nomination_status_history h where h.nomination_id = p_nomination.id
$$;

-- where a nomination that is no longer waiting stands: its status, when it got there, and whether
-- this member moved it there (a repeated press) or someone else did
create function public.screening_moved_json(p_member public.members, p_nomination public.nominations) returns jsonb
language sql stable
set search_path = public, pg_temp
as $$
  select jsonb_build_object('status', 'moved', 'code', p_nomination.receipt_code, 'name', p_nomination.nominee_name,
                            'current', p_nomination.status,
                            'at', (select iso_utc(h.at) from nomination_status_history h
                                    where h.nomination_id = p_nomination.id order by h.at desc, h.id desc limit 1),
                            'byYou', coalesce((select h.actor_member_id = p_member.id from nomination_status_history h
                                                where h.nomination_id = p_nomination.id order by h.at desc, h.id desc limit 1), false))
$$;

-- a page number or a size from a request (typed by nobody, but never trusted): digits only
create function public.screening_int(p_text text, p_default int) returns int
language sql immutable
set search_path = public, pg_temp
as $$
  select case when p_text ~ '^[0-9]{1,6}$' then p_text::int else p_default end
$$;

-- 2. lookups -------------------------------------------------------------------------------------------

-- the nominations waiting for the member's screening, oldest first, one page:
-- request {page, pageSize}; a page past the end gives the last one
create function public.lookup_screening_queue(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_size int := least(greatest(screening_int(p_request ->> 'pageSize', 5), 1), 20);
  v_ids uuid[];
  v_total int;
  v_pages int;
  v_page int;
  v_items jsonb;
begin
  if not screening_is_screener(p_member.id) then
    return jsonb_build_object('status', 'forbidden');
  end if;
  -- one pass over the queue: its ids in order, then the page's rows
  select coalesce(array_agg(q.id order by q.created_at, q.id), '{}') into v_ids from screening_queue_of(p_member) q;
  v_total := cardinality(v_ids);
  v_pages := greatest(1, (v_total + v_size - 1) / v_size);
  v_page := least(greatest(screening_int(p_request ->> 'page', 1), 1), v_pages);
  v_ids := v_ids[(v_page - 1) * v_size + 1 : v_page * v_size];
  select coalesce(jsonb_agg(jsonb_build_object(
           'code', n.receipt_code, 'nomineeName', n.nominee_name,
           'unitName', (select u.name from units u where u.id = n.unit_id),
           'submittedAt', iso_utc(n.created_at),
           'answered', exists (select 1 from nomination_status_history h where h.nomination_id = n.id and h.status = 'returned'),
           'endorsements', (select count(*) from endorsements e where e.nomination_id = n.id))
           order by array_position(v_ids, n.id)), '[]'::jsonb)
    into v_items
    from nominations n where n.id = any (v_ids);
  return jsonb_build_object('status', 'ok', 'total', v_total, 'page', v_page, 'pages', v_pages,
                            'pageSize', v_size, 'items', v_items);
end
$$;

-- one nomination as its screener sees it: request {code}. everything the nominator gave, the
-- nominator's chat name and phone only when they consented, endorsements and history; or why not:
-- forbidden (no screening role; their own nomination; their unit head's; another unit's),
-- not_found, or moved (no longer waiting, with where it stands)
create function public.lookup_screening_nomination(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_n nominations;
begin
  if not screening_is_screener(p_member.id) then
    return jsonb_build_object('status', 'forbidden', 'reason', 'no_role');
  end if;
  select * into v_n from nominations
   where ward_id = p_member.ward_id and receipt_code = receipt_code_normalize(coalesce(p_request ->> 'code', ''));
  if v_n.id is null then
    return jsonb_build_object('status', 'not_found', 'code', p_request ->> 'code');
  end if;
  if v_n.nominator_id = p_member.id then
    return jsonb_build_object('status', 'forbidden', 'reason', 'own', 'code', v_n.receipt_code);
  end if;
  if not screening_may_act(p_member.id, v_n) then
    return jsonb_build_object('status', 'forbidden', 'code', v_n.receipt_code,
                              'reason', case when has_role(p_member.id, 'leader', v_n.unit_id) then 'head' else 'elsewhere' end);
  end if;
  if v_n.status <> 'submitted' then
    return screening_moved_json(p_member, v_n);
  end if;
  return jsonb_build_object('status', 'open', 'nomination', jsonb_build_object(
    'code', v_n.receipt_code,
    'nomineeName', v_n.nominee_name,
    'kind', v_n.kind,
    'category', (select jsonb_build_object('vi', k.name_vi, 'en', k.name_en) from categories k where k.id = v_n.category_id),
    'unitName', (select u.name from units u where u.id = v_n.unit_id),
    'deeds', v_n.deeds,
    'criteria', coalesce((select jsonb_agg(jsonb_build_object('vi', r.text_vi, 'en', r.text_en)
                                           order by r.category_id nulls first, r.seq, r.id)
                            from nomination_criteria c join criteria r on r.id = c.criterion_id
                           where c.nomination_id = v_n.id), '[]'::jsonb),
    'ledUnitName', (select u.name from units u where u.id = v_n.led_unit_id),
    'photoRef', v_n.photo_ref,
    -- decree 13/2023: the nominator's contact is shown only with their consent
    'contactName', case when v_n.contact_consent then v_n.contact_name end,
    'contactPhone', case when v_n.contact_consent then v_n.contact_phone end,
    'endorsements', (select count(*) from endorsements e where e.nomination_id = v_n.id),
    'submittedAt', iso_utc(v_n.created_at),
    'history', screening_history_json(v_n)));
end
$$;

-- a returned nomination as its nominator sees it, to answer: request {code}; the question is the
-- note of its last 'returned' change. not_found for anyone but the nominator.
create function public.lookup_screening_returned(p_member public.members, p_request jsonb, p_input text) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_n nominations;
begin
  select * into v_n from nominations
   where ward_id = p_member.ward_id and nominator_id = p_member.id
     and receipt_code = receipt_code_normalize(coalesce(p_request ->> 'code', ''));
  if v_n.id is null then
    return jsonb_build_object('status', 'not_found', 'code', p_request ->> 'code');
  end if;
  if v_n.status <> 'returned' then
    return screening_moved_json(p_member, v_n);
  end if;
  return jsonb_build_object('status', 'returned', 'code', v_n.receipt_code, 'name', v_n.nominee_name,
    'question', (select h.note from nomination_status_history h
                  where h.nomination_id = v_n.id and h.status = 'returned' order by h.at desc, h.id desc limit 1));
end
$$;

-- 3. effects -------------------------------------------------------------------------------------------

-- the screener's decision: effect {code, action: forward | return | decline, note}. a question
-- (return) and a reason (decline) are required, a note is at most 1000 characters. the nominator
-- hears through nomination_transition; forwarding also tells the ward's officers. of two
-- screeners at once (or a stale button), the second gets 'moved' with where it stands now.
create function public.fx_screening_decide(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_action text := p_effect ->> 'action';
  v_note text := nullif(btrim(coalesce(p_effect ->> 'note', '')), '');
  v_to text;
  v_n nominations;
  v_row nominations;
  v_history bigint;
  v_notified int := 0;
  v_result jsonb := jsonb_build_object('type', 'screening_decide', 'code', p_effect ->> 'code', 'action', v_action);
begin
  if not screening_is_screener(p_member.id) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;
  v_to := case v_action when 'forward' then 'forwarded' when 'return' then 'returned' when 'decline' then 'declined' end;
  if v_to is null then
    return v_result || jsonb_build_object('status', 'invalid', 'reason', 'action');
  end if;
  if v_note is null and v_action in ('return', 'decline') then
    return v_result || jsonb_build_object('status', 'invalid', 'reason', 'note_required');
  end if;
  if char_length(v_note) > 1000 then
    return v_result || jsonb_build_object('status', 'invalid', 'reason', 'note_too_long');
  end if;
  select * into v_n from nominations
   where ward_id = p_member.ward_id and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  if not screening_may_act(p_member.id, v_n) then
    return v_result || jsonb_build_object('status', 'forbidden');
  end if;

  v_row := nomination_transition(v_n.id, array['submitted'], v_to, p_member.id, v_note);
  if v_row.id is null then
    select * into v_n from nominations where id = v_n.id;
    return v_result || screening_moved_json(p_member, v_n);
  end if;

  select max(h.id) into v_history from nomination_status_history h where h.nomination_id = v_row.id;
  -- the nominator's notice, queued by nomination_transition (none when they cannot be reached)
  if exists (select 1 from outbox where dedupe_key = 'status:' || v_history) then
    v_notified := 1;
  end if;
  if v_to = 'forwarded' then
    v_notified := v_notified + notify_role(v_row.ward_id, 'officer', null, 'forwarded:' || v_history,
      jsonb_build_object('notice', 'forwarded_to_ward', 'args', jsonb_build_object(
        'code', v_row.receipt_code, 'name', v_row.nominee_name,
        'unit', (select u.name from units u where u.id = v_row.unit_id))),
      p_member.id);
  end if;
  return v_result || jsonb_build_object('status', 'done', 'code', v_row.receipt_code, 'name', v_row.nominee_name,
    'notified', v_notified,
    'remaining', (select count(*) from screening_queue_of(p_member)));
end
$$;

-- the nominator's answer to a returned nomination: effect {code, text} (1 to 1000 characters).
-- the answer is the history note of the change back to 'submitted' (actor: the nominator), and
-- whoever screens it hears. only the nominator of a nomination in 'returned' may answer.
create function public.fx_screening_answer(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_text text := nullif(btrim(coalesce(p_effect ->> 'text', '')), '');
  v_n nominations;
  v_row nominations;
  v_result jsonb := jsonb_build_object('type', 'screening_answer', 'code', p_effect ->> 'code');
begin
  if v_text is null then
    return v_result || jsonb_build_object('status', 'invalid', 'reason', 'text_required');
  end if;
  if char_length(v_text) > 1000 then
    return v_result || jsonb_build_object('status', 'invalid', 'reason', 'text_too_long');
  end if;
  select * into v_n from nominations
   where ward_id = p_member.ward_id and nominator_id = p_member.id
     and receipt_code = receipt_code_normalize(coalesce(p_effect ->> 'code', ''));
  if v_n.id is null then
    return v_result || jsonb_build_object('status', 'not_found');
  end if;
  v_row := nomination_transition(v_n.id, array['returned'], 'submitted', p_member.id, v_text);
  if v_row.id is null then
    select * into v_n from nominations where id = v_n.id;
    return v_result || screening_moved_json(p_member, v_n);
  end if;
  return v_result || jsonb_build_object('status', 'done', 'code', v_row.receipt_code, 'name', v_row.nominee_name,
    'notified', notify_screener(v_row, 'answered'));
end
$$;

-- 4. the allow-list and grants ---------------------------------------------------------------------

insert into public.bot_handlers (kind, name, fn) values
  ('lookup', 'screening_queue', 'public.lookup_screening_queue(public.members, jsonb, text)'),
  ('lookup', 'screening_nomination', 'public.lookup_screening_nomination(public.members, jsonb, text)'),
  ('lookup', 'screening_returned', 'public.lookup_screening_returned(public.members, jsonb, text)'),
  ('effect', 'screening_decide', 'public.fx_screening_decide(public.members, jsonb, jsonb)'),
  ('effect', 'screening_answer', 'public.fx_screening_answer(public.members, jsonb, jsonb)');

revoke execute on function
  public.screening_is_screener(uuid),
  public.screening_may_act(uuid, public.nominations),
  public.screening_queue_of(public.members),
  public.screening_history_json(public.nominations),
  public.screening_moved_json(public.members, public.nominations),
  public.screening_int(text, int),
  public.lookup_screening_queue(public.members, jsonb, text),
  public.lookup_screening_nomination(public.members, jsonb, text),
  public.lookup_screening_returned(public.members, jsonb, text),
  public.fx_screening_decide(public.members, jsonb, jsonb),
  public.fx_screening_answer(public.members, jsonb, jsonb)
from public, anon, authenticated;
