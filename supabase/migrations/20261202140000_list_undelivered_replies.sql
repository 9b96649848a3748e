-- list_undelivered_replies: the replies a channel saved with a turn and never delivered, for a
-- platform that does not deliver an update again (Zalo has no offset: an update handed to a
-- process that then died is not handed out again). The polling process sends these once at
-- start, before it takes the next update, so a person whose answer was saved just before a
-- kill -9 sees the next question instead of silence (and does not answer it unseen).

-- the chats of one channel whose last turn's reply is kept and not delivered, saved within the
-- last p_within_seconds (an old one is no longer news), oldest first, at most p_limit of them;
-- each with the event that produced it, so the caller takes the path of a redelivered event
create function public.bot_replies_undelivered(p_channel text, p_within_seconds int, p_limit int)
returns jsonb
language sql
stable
security definer
set search_path = public, pg_temp
as $$
  select coalesce(jsonb_agg(jsonb_build_object('chatId', x.chat_id, 'userId', x.external_id, 'eventId', x.last_event_id)
                            order by x.reply_at), '[]'::jsonb)
    from (select c.chat_id, i.external_id, c.last_event_id, c.reply_at
            from conversations c
            join member_identities i on i.member_id = c.member_id and i.channel = c.channel and i.chat_id = c.chat_id
           where c.channel = p_channel
             and c.reply_state <> 'delivered'
             and c.last_reply is not null
             and c.last_event_id is not null
             and c.reply_at > now() - make_interval(secs => greatest(p_within_seconds, 0))
           order by c.reply_at
           limit greatest(least(p_limit, 1000), 0)) x
$$;

revoke execute on function public.bot_replies_undelivered(text, int, int) from public, anon, authenticated;
grant execute on function public.bot_replies_undelivered(text, int, int) to service_role;
