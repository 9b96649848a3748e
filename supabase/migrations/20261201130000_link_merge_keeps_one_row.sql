-- link_merge_keeps_one_row: linking two accounts failed when both had a row that may exist once
-- per member (both were shown the same privacy notice, both gave consent to the same notice, both
-- voted on the same proposal): moving the joining member's rows broke a unique key and the
-- owner's "yes" answered with an error.
--
-- link_merge_members now, before it moves rows, drops the joining member's rows that the owner
-- already has under any unique key of the table (the owner's row is kept: their consent, their
-- vote). Unique keys are read from the catalogue, so a table added later is covered too; a partial
-- unique key (live roles) keeps its explicit rule.
--
-- must run on postgresql 15, 17 and 18 (pglite).

create or replace function public.link_merge_members(p_from uuid, p_into uuid) returns void
language plpgsql
set search_path = public, pg_temp
as $$
declare
  v_from members;
  v_fk record;
  v_key record;
begin
  perform 1 from members where id in (p_from, p_into) order by id for update;
  select * into strict v_from from members where id = p_from;

  update nominations set nominator_id = p_into where nominator_id = p_from;
  delete from endorsements e
   where e.member_id = p_from
     and (exists (select 1 from endorsements x where x.nomination_id = e.nomination_id and x.member_id = p_into)
          or exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into));
  delete from endorsements e
   where e.member_id = p_into
     and exists (select 1 from nominations n where n.id = e.nomination_id and n.nominator_id = p_into);

  delete from member_roles f
   where f.member_id = p_from and f.revoked_at is null
     and exists (select 1 from member_roles i
                  where i.member_id = p_into and i.revoked_at is null
                    and i.role = f.role and i.unit_id is not distinct from f.unit_id);

  -- every full unique key (no expression, no predicate) that holds a column pointing at members:
  -- the joining member's row goes when the owner has one with the same other columns
  for v_key in
    select c.conrelid::regclass as tbl,
           a.attname as col,
           coalesce(
             (select string_agg(format('i.%1$I is not distinct from f.%1$I', k.attname), ' and ')
                from pg_attribute k
               where k.attrelid = c.conrelid and k.attnum = any (x.indkey) and k.attnum <> a.attnum),
             'true') as same_rest
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_index x on x.indrelid = c.conrelid and x.indisunique
                     and x.indexprs is null and x.indpred is null
                     and a.attnum = any (x.indkey)
     where c.contype = 'f' and c.confrelid = 'public.members'::regclass and array_length(c.conkey, 1) = 1
     order by 1, 2
  loop
    execute format('delete from %1$s f where f.%2$I = $1 and exists (select 1 from %1$s i where i.%2$I = $2 and %3$s)',
                   v_key.tbl, v_key.col, v_key.same_rest)
      using p_from, p_into;
  end loop;

  for v_fk in
    select c.conrelid::regclass as tbl, a.attname as col
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'public.members'::regclass and array_length(c.conkey, 1) = 1
     order by 1, 2
  loop
    execute format('update %s set %I = $1 where %I = $2', v_fk.tbl, v_fk.col, v_fk.col) using p_into, p_from;
  end loop;
  update account_link_codes set used_by_member_id = p_into where used_by_member_id = p_from;

  update members
     set display_name = coalesce(display_name, v_from.display_name),
         reachable = reachable or v_from.reachable,
         updated_at = now()
   where id = p_into;
  delete from members where id = p_from;
end
$$;

revoke execute on function public.link_merge_members(uuid, uuid) from public, anon, authenticated;
