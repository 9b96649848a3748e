// What a person sees in the terminal, as patterns for ChatProcess.expect/say. Each pattern runs
// to the end of its reply (the blank line the terminal prints after it), so that after a match
// the next reply starts clean.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A question of the form: its words, then the rest of its message up to the blank line that ends the reply. */
const question = (words: string) => new RegExp(`${escape(words)}[^]*?\\n\\n`);

/** The questions of the nomination form, in order. */
export const Q = {
  category: question('Bạn muốn đề cử ai?'),
  /** The same question narrowed to people or to collectives ("cá nhân", "tập thể"). */
  categoryOfKind: question('thuộc loại nào?'),
  unit: question('Người này ở tổ dân phố, làng hay cơ quan nào?'),
  place: question('Bạn đề cử tổ dân phố hay làng nào?'),
  name: question('Họ và tên người được đề cử là gì?'),
  collectiveName: question('Tên tập thể được đề cử là gì?'),
  duplicate: question('Trong đợt này, ở đơn vị này đã có đề cử tên giống vậy:'),
  deeds: question('đã làm những việc tốt gì? Mời bạn kể ngắn gọn vài câu.'),
  achievements: question('có những thành tích gì nổi bật? Mời bạn kể ngắn gọn vài câu.'),
  criteria: question('đạt những tiêu chí nào?'),
  photo: question('Bạn có ảnh của'),
  consent: question('Đồng ý thì có thể gõ luôn số điện thoại.'),
  summary: question('Mời bạn xem lại:'),
} as const;

/** The first lines of the terminal chat. */
export const BANNER = /Nhấn Ctrl\+D để thoát\.\n\n/;
/** The reply to "xin chào" when no form is open: the greeting and what one can do. */
export const GREETING = /Xin chào [^\n]*! Tôi là trợ lý tự động[\s\S]*?• Xem thêm: gõ \/trogiup\n\n/;
/** The receipt after sending (or sending again): ends with how to follow it. */
export const RECEIPT = /mã biên nhận: TL-\d{4}\.\nGõ \/trangthai TL-\d{4} để theo dõi\.\n\n/;
/** /trangthai when no form is open: the nomination, its status, its history for its nominator. */
export const STATUS = /Đề cử TL-\d{4}: [^\n]*\n[\s\S]*?\n\n/;
/** /cuatoi when no form is open. */
export const MINE = /Muốn xem kỹ một đề cử, gõ \/trangthai và mã, ví dụ \/trangthai TL-\d{4}\.\n\n/;
/** After supporting a nomination. */
export const ENDORSED = /Gõ \/decu nếu bạn muốn đề cử thêm người hoặc tập thể khác\.\n\n/;
/** Any reply that ends with the menu hint (nothing open, or just cancelled). */
export const MENU_HINT = /Gõ \/decu để đề cử, hoặc \/trogiup để xem hướng dẫn\.\n\n/;

/** A description of deeds long enough to be accepted. */
export const DEEDS = 'Nhiều năm liền quét dọn đường làng, vận động bà con giúp đỡ các hộ nghèo trong tổ.';
