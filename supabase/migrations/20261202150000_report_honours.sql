-- report_honours: the report's one read named every honoured exemplar without its honour: the
-- templates migration answered honourTitle and honouredOn as null because honours did not exist
-- yet, and the workbook's honour columns and the PDF's "honoured exemplars" lines stayed empty
-- after officers honoured nominations with /tonvinh.
--
-- report_campaign_data now fills both from the honours table for each honoured nomination of
-- the campaign (the title, e.g. "Giấy khen của Chủ tịch UBND phường", and its date), beside the
-- funnel it already adds. one statement; the nominations keep their order.
--
-- must run on postgresql 15, 17 and 18 (pglite).

create or replace function public.report_campaign_data(p_campaign_id uuid) returns jsonb
language sql stable security definer
set search_path = public, pg_temp
as $$
  with base as (
    select d from report_campaign_data_base(p_campaign_id) d
  ), honoured as (
    select n.receipt_code, h.title, to_char(h.honoured_on, 'YYYY-MM-DD') as honoured_on
      from honours h
      join nominations n on n.id = h.nomination_id
     where n.campaign_id = p_campaign_id and n.status = 'honoured'
  )
  select case when b.d is null then null else
    jsonb_set(
      jsonb_set(b.d, '{funnel}', campaign_form_funnel(p_campaign_id)),
      '{nominations}',
      coalesce((
        select jsonb_agg(case when h.receipt_code is null then x.nom
                              else x.nom || jsonb_build_object('honourTitle', h.title, 'honouredOn', h.honoured_on) end
                         order by x.ord)
          from jsonb_array_elements(b.d -> 'nominations') with ordinality as x(nom, ord)
          left join honoured h on h.receipt_code = x.nom ->> 'receiptCode'), '[]'::jsonb))
  end
  from base b
$$;

revoke execute on function public.report_campaign_data(uuid) from public, anon, authenticated;
grant execute on function public.report_campaign_data(uuid) to service_role;
