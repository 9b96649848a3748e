-- member reachability from the chat platforms: telegram answers 403 "bot was blocked by the
-- user" to a send, and reports a block or an unblock as a my_chat_member update. pushes
-- (reminders, broadcasts) skip members with reachable = false; the conversation row is left
-- alone, so a person who comes back finds their draft where they left it.

-- sets reachable for the member behind one platform identity; false when no such identity.
create function public.bot_member_set_reachable(
  p_channel text,
  p_user_id text,
  p_reachable boolean
) returns boolean
language plpgsql
security definer
set search_path = public, pg_temp
as $$
declare
  v_member_id uuid;
begin
  select member_id into v_member_id
    from member_identities
   where channel = p_channel and external_id = p_user_id;
  if v_member_id is null then
    return false;
  end if;
  update members
     set reachable = p_reachable, updated_at = now()
   where id = v_member_id and reachable is distinct from p_reachable;
  if found then
    insert into audit_log (ward_id, actor_member_id, action, subject_type, subject_id, details)
    select ward_id, id, case when p_reachable then 'member.reachable' else 'member.unreachable' end,
           'member', id::text, jsonb_build_object('channel', p_channel)
      from members where id = v_member_id;
  end if;
  return true;
end;
$$;

revoke execute on function public.bot_member_set_reachable(text, text, boolean) from public, anon, authenticated;
grant execute on function public.bot_member_set_reachable(text, text, boolean) to service_role;
