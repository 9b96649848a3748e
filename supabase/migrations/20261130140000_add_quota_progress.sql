-- add_quota_progress: /tiendo for officers and leaders. per open campaign: each phase's quota
-- against the collectives and individuals honoured for it, and per unit how many nominations
-- were submitted, forwarded to the ward, proposed for honours and honoured. an officer sees
-- every unit; a leader their own unit and the ward's totals; anyone else nothing.
--
-- must run on postgresql 15, 17 and 18 (pglite).

create index nomination_status_history_status_idx on public.nomination_status_history (status, nomination_id);

-- effect progress (a read in the save transaction): see the header
create function public.fx_progress(p_member public.members, p_effect jsonb, p_context jsonb) returns jsonb
language plpgsql stable
set search_path = public, pg_temp
as $$
declare
  v_officer boolean := has_role(p_member.id, 'officer');
  v_units uuid[];
begin
  if not v_officer then
    select array_agg(unit_id) into v_units from member_roles
     where member_id = p_member.id and role = 'leader' and revoked_at is null;
    if v_units is null then
      return jsonb_build_object('type', 'progress', 'status', 'forbidden');
    end if;
  end if;

  return jsonb_build_object('type', 'progress', 'status', 'ok', 'scope', case when v_officer then 'ward' else 'unit' end,
    'campaigns', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', c.id, 'titleVi', c.title_vi, 'titleEn', c.title_en,
               'phases', coalesce((
                 select jsonb_agg(jsonb_build_object(
                          'seq', p.seq, 'nameVi', p.name_vi, 'nameEn', p.name_en,
                          'startsOn', p.starts_on, 'endsOn', p.ends_on, 'deadline', iso_utc(p.deadline),
                          'quotaCollectives', p.quota_collectives, 'quotaIndividuals', p.quota_individuals,
                          'quotaIsMinimum', p.quota_is_minimum,
                          'honouredCollectives', (select count(*) from honours h join nominations n on n.id = h.nomination_id
                                                   where h.phase_id = p.id and n.kind = 'collective' and n.status = 'honoured'),
                          'honouredIndividuals', (select count(*) from honours h join nominations n on n.id = h.nomination_id
                                                   where h.phase_id = p.id and n.kind = 'individual' and n.status = 'honoured'))
                        order by p.seq)
                   from campaign_phases p where p.campaign_id = c.id), '[]'::jsonb),
               'units', coalesce((
                 select jsonb_agg(jsonb_build_object('unitId', u.id, 'name', u.name, 'submitted', t.submitted,
                                                     'forwarded', t.forwarded, 'proposed', t.proposed, 'honoured', t.honoured)
                                  order by array_position(array['to_dan_pho', 'lang', 'co_quan', 'doan_the'], u.kind), u.seq, u.name)
                   from unit_tallies(c.id) t join units u on u.id = t.unit_id
                  where v_officer or t.unit_id = any (v_units)), '[]'::jsonb),
               'total', (select jsonb_build_object('submitted', coalesce(sum(t.submitted), 0), 'forwarded', coalesce(sum(t.forwarded), 0),
                                                   'proposed', coalesce(sum(t.proposed), 0), 'honoured', coalesce(sum(t.honoured), 0))
                           from unit_tallies(c.id) t))
             order by c.opens_at nulls last, c.code)
        from campaigns c where c.ward_id = p_member.ward_id and c.status = 'open'), '[]'::jsonb));
end
$$;

-- per unit of a campaign: nominations received (not withdrawn), forwarded to the ward, proposed
-- for honours (or posted without a council) and honoured, counted from the status history
create function public.unit_tallies(p_campaign_id uuid)
returns table (unit_id uuid, submitted bigint, forwarded bigint, proposed bigint, honoured bigint)
language sql stable
set search_path = public, pg_temp
as $$
  select n.unit_id,
         count(*) filter (where n.status <> 'withdrawn'),
         count(*) filter (where exists (select 1 from nomination_status_history h
                                         where h.nomination_id = n.id and h.status = 'forwarded')),
         count(*) filter (where exists (select 1 from nomination_status_history h
                                         where h.nomination_id = n.id and h.status in ('proposed', 'posted', 'approved'))),
         count(*) filter (where n.status = 'honoured')
    from nominations n
   where n.campaign_id = p_campaign_id
   group by n.unit_id
$$;

insert into public.bot_handlers (kind, name, fn) values
  ('effect', 'progress', 'public.fx_progress(public.members, jsonb, jsonb)');

revoke execute on function
  public.fx_progress(public.members, jsonb, jsonb),
  public.unit_tallies(uuid)
from public, anon, authenticated;
