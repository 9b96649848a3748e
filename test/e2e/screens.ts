// What a person sees in the terminal, as patterns for ChatProcess.expect/say. Each pattern runs
// to the last line of its reply, so that after a match the next reply starts clean.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A question of the form: its words, then its list, through the "Hoặc gõ: …" line that ends it. */
const question = (words: string) => new RegExp(`${escape(words)}[\\s\\S]*?\\nHoặc gõ: [^\\n]*\\n\\n`);

/** The questions of the nomination form, in order. */
export const Q = {
  kind: question('Bạn muốn đề cử một tập thể hay một cá nhân?'),
  category: question('thuộc loại điển hình nào?'),
  unit: question('đơn vị nào?'),
  name: question('Vui lòng gõ họ và tên đầy đủ của người được đề cử.'),
  collectiveName: question('Vui lòng gõ tên của tập thể được đề cử.'),
  duplicate: question('Đã có đề cử với tên giống vậy trong cùng đợt và cùng đơn vị:'),
  deeds: question('Vui lòng kể ngắn gọn những việc làm, thành tích nổi bật của'),
  criteria: question('đáp ứng những tiêu chí nào? Chọn ít nhất một tiêu chí.'),
  photo: question('Bạn có ảnh của người hoặc tập thể được đề cử không?'),
  consent: question('Bạn có đồng ý để phường lưu thông tin liên lạc của bạn không?'),
  phone: question('vui lòng gõ số điện thoại di động'),
  summary: question('Vui lòng kiểm tra lại thông tin đề cử:'),
} as const;

/** The first lines of the terminal chat. */
export const BANNER = /Nhấn Ctrl\+D để thoát\.\n\n/;
/** The reply to "xin chào" when no form is open: the greeting and what one can do. */
export const GREETING = /Xin chào [^\n]*! Tôi là trợ lý đề cử[\s\S]*?• Xem hướng dẫn: gõ \/trogiup\n\n/;
/** The receipt after sending (or sending again): ends with the hint to nominate someone else. */
export const RECEIPT = /Mã biên nhận: TL-\d{4}\.[\s\S]*?Gõ \/decu nếu muốn đề cử thêm người hoặc tập thể khác\.\n\n/;
/** /trangthai when no form is open: the nomination, its status, its history. */
export const STATUS = /Đề cử TL-\d{4}: [\s\S]*?Quá trình xử lý:\n(?:• [^\n]*\n)+\n/;
/** /cuatoi when no form is open. */
export const MINE = /Để xem chi tiết một đề cử, gõ \/trangthai và mã, ví dụ \/trangthai TL-\d{4}\.\n\n/;
/** After supporting a nomination. */
export const ENDORSED = /Bạn có thể gõ \/decu để đề cử một người hoặc tập thể khác\.\n\n/;
/** Any reply that ends with the menu hint (nothing open, or just cancelled). */
export const MENU_HINT = /Gõ \/decu để đề cử, hoặc \/trogiup để xem hướng dẫn\.\n\n/;

/** A description of deeds long enough to be accepted. */
export const DEEDS = 'Nhiều năm liền quét dọn đường làng, vận động bà con giúp đỡ các hộ nghèo trong tổ.';
