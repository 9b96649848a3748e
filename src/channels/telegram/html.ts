// Telegram's HTML parse mode: everything shown is escaped, so text people typed ("<To 3> & co")
// shows as typed; the renderer adds only <b> and <i>.

/** Escapes the three characters the Bot API's HTML mode requires escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
