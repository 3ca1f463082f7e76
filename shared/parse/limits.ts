/**
 * How much text the target and deadline grammars read. A real target or deadline is a sentence or
 * two (the longest in the seed plans is under 300 characters); the grammars cost a few microseconds
 * a character, so a hostile workbook of thousands of 32,767-character cells would otherwise take
 * minutes. Longer texts are refused unread, with a message saying so.
 */
export const MAX_PARSED_TEXT = 2000;

/** "Ô chỉ tiêu có 40.000 ký tự, quá dài để đọc …" (the start of the text quoted, to find the cell). */
export function tooLongToRead(what: string, text: string): string {
  const count = String(text.length).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${what} có ${count} ký tự (bắt đầu bằng “${text.slice(0, 40).trim()}…”), quá dài để đọc: tối đa 2.000 ký tự. Hãy ghi ngắn gọn, ví dụ “Tối thiểu 90%” hoặc “Quý II/2025”.`;
}
