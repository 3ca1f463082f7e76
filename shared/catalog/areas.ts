/**
 * The reform areas (section rows of both annex tables) with stable codes, in the order plans
 * usually print them, and recognition of a section-row title however a plan writes it:
 * "III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "2.7. Công tác chỉ đạo điều hành, thông tin, tuyên truyền…",
 * "III. CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CẢI CÁCH CHẾ ĐỘ CÔNG VỤ" (two areas merged), "5. Cai cach tai chinh cong".
 */
import type { AreaCode } from '../model';
import { foldKey } from '../text/normalize';

export interface AreaSpec {
  code: AreaCode;
  /** Name as the standard annex prints the section row. */
  name: string;
  /** Other titles plans give the same section. */
  aliases: string[];
}

export const AREAS: readonly AreaSpec[] = [
  {
    code: 'CDDH',
    name: 'Công tác chỉ đạo, điều hành',
    aliases: [
      'Chỉ đạo, điều hành',
      'Công tác chỉ đạo, điều hành cải cách hành chính',
      'Công tác chỉ đạo, điều hành thực hiện cải cách hành chính',
      'Công tác chỉ đạo điều hành, thông tin, tuyên truyền về cải cách hành chính',
    ],
  },
  { code: 'TC', name: 'Cải cách thể chế', aliases: ['Thể chế', 'Về cải cách thể chế'] },
  {
    code: 'TTHC',
    name: 'Cải cách thủ tục hành chính',
    aliases: ['Cải cách TTHC', 'Cải cách thủ tục hành chính (TTHC)', 'Thủ tục hành chính'],
  },
  {
    code: 'TCBM',
    name: 'Cải cách tổ chức bộ máy',
    aliases: [
      'Cải cách tổ chức bộ máy hành chính nhà nước',
      'Cải cách tổ chức bộ máy nhà nước',
      'Cải cách tổ chức bộ máy hành chính',
      'Tổ chức bộ máy',
    ],
  },
  {
    code: 'CDCV',
    name: 'Cải cách chế độ công vụ',
    aliases: [
      'Cải cách chế độ công vụ, công chức',
      'Cải cách chế độ công vụ, siết chặt kỷ luật, kỷ cương hành chính',
      'Chế độ công vụ',
    ],
  },
  { code: 'TCC', name: 'Cải cách tài chính công', aliases: ['Tài chính công'] },
  {
    code: 'CQS',
    name: 'Xây dựng chính quyền điện tử, chính quyền số',
    aliases: [
      'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      'Chính quyền điện tử, chính quyền số',
      'Xây dựng chính quyền điện tử',
      'Chuyển đổi số',
    ],
  },
  {
    code: 'TD',
    name: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội',
    aliases: [
      'Tác động của CCHC đến người dân, doanh nghiệp',
      'Đánh giá tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội',
      'Tác động của cải cách hành chính',
    ],
  },
  {
    code: 'DN',
    name: 'Hỗ trợ phát triển doanh nghiệp',
    aliases: ['Hỗ trợ doanh nghiệp', 'Xây dựng văn hóa hỗ trợ, đồng hành cùng nhà đầu tư, doanh nghiệp'],
  },
  { code: 'KHAC', name: 'Nhiệm vụ khác', aliases: ['Các nhiệm vụ khác', 'Khác'] },
];

/** Position of an area in the usual order (unknown codes last). */
export function areaOrder(code: AreaCode): number {
  const i = AREAS.findIndex((a) => a.code === code);
  return i < 0 ? AREAS.length : i;
}

export function isAreaCode(value: unknown): value is AreaCode {
  return typeof value === 'string' && AREAS.some((a) => a.code === value);
}

export function areaName(code: AreaCode): string {
  return AREAS.find((a) => a.code === code)?.name ?? code;
}

// ---------------------------------------------------------------- recognising section titles

/**
 * What names each area inside a folded title. Loose enough for OCR text ("chinh quyen dien tir",
 * "ché dj cong vu"), anchored on the words that only that area's title uses.
 */
const AREA_PATTERNS: readonly { code: AreaCode; pattern: RegExp }[] = [
  { code: 'CDDH', pattern: /\bchi dao (va )?dieu hanh\b/ },
  { code: 'TC', pattern: /\bthe che\b/ },
  { code: 'TTHC', pattern: /\bthu tuc hanh chinh\b|\btthc\b/ },
  { code: 'TCBM', pattern: /\bbo may\b/ },
  { code: 'CDCV', pattern: /\bcong vu\b/ },
  { code: 'TCC', pattern: /\btai chinh cong\b/ },
  { code: 'CQS', pattern: /\bchinh quyen (dien|so)\b|\bchuyen doi so\b/ },
  { code: 'TD', pattern: /\btac dong\b/ },
  { code: 'DN', pattern: /\bho tro\b.*\bdoanh nghiep\b|\bphat trien doanh nghiep\b|\bdong hanh\b.*\bdoanh nghiep\b/ },
  { code: 'KHAC', pattern: /\bnhiem vu khac\b|^khac$/ },
];

/**
 * Phrases a section title is made of: the areas' own names and aliases, their key phrases, and the
 * words titles wrap them in ("Xây dựng và phát triển…", "…hành chính nhà nước"). Whatever else a
 * title holds must stay a small part of it.
 */
const TITLE_PHRASES: readonly string[][] = (() => {
  const key = [
    'chi dao', 'dieu hanh', 'the che', 'thu tuc hanh chinh', 'tthc', 'to chuc bo may', 'bo may', 'che do cong vu',
    'cong vu', 'cong chuc', 'tai chinh cong', 'chinh quyen', 'dien tu', 'chuyen doi so', 'tac dong', 'ho tro',
    'doanh nghiep', 'nhiem vu khac', 'khac', 'thong tin', 'tuyen truyen', 'ky luat', 'ky cuong',
  ];
  const filler = [
    'cai cach', 'hanh chinh', 'nha nuoc', 'xay dung', 'phat trien', 'cong tac', 'thuc hien', 'danh gia', 'linh vuc',
    'cchc', 'va', 've', 'cac', 'cua',
  ];
  const all = [...AREAS.flatMap((a) => [a.name, ...a.aliases]), ...key, ...filler].map((t) => words(t));
  return all.filter((p) => p.length > 0).sort((a, b) => b.length - a.length);
})();

/** Number of words of a title not covered by TITLE_PHRASES (numbers aside). */
function uncoveredWords(tokens: readonly string[]): number {
  let left = 0;
  let i = 0;
  while (i < tokens.length) {
    const phrase = TITLE_PHRASES.find((p) => p.every((w, k) => tokens[i + k] === w));
    if (phrase) {
      i += phrase.length;
      continue;
    }
    if (!/^\d+$/.test(tokens[i])) left++;
    i++;
  }
  return left;
}

/** Folded, punctuation-free words. */
function words(text: string): string[] {
  return foldKey(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

/**
 * Drops the row's numbering: Roman numerals ("VII", "III."), hierarchical numbers ("2.7.", "3"),
 * letters ("a)", "đ)"), and markdown or bullet marks before them.
 */
function stripNumbering(text: string): string {
  let s = text.replace(/^[\s*#>\-–+•.]+/, '');
  s = s.replace(/^[IVX]+(?:[.):]|\s)\s*/, '');
  s = s.replace(/^\d+(?:\.\d+)*\.?[):]?\s+/, '');
  s = s.replace(/^[a-zđA-ZĐ]\)\s*/, '');
  return s;
}

/**
 * Every area a section title names, in the order it names them: a merged section
 * ("Cải cách tổ chức bộ máy và cải cách chế độ công vụ") gives both. Empty when the text is not a
 * section title: it must name an area and consist (almost) only of area words, so that a task such
 * as "Ban hành kế hoạch kiểm soát TTHC" is not taken for a section.
 */
export function matchAreas(text: string): AreaCode[] {
  if (typeof text !== 'string') return [];
  const tokens = words(stripNumbering(text.normalize('NFC')));
  if (tokens.length === 0 || tokens.length > 24) return [];
  const key = tokens.join(' ');
  const found: { code: AreaCode; at: number }[] = [];
  for (const { code, pattern } of AREA_PATTERNS) {
    const m = pattern.exec(key);
    if (m) found.push({ code, at: m.index });
  }
  if (found.length === 0) return [];
  if (uncoveredWords(tokens) > Math.max(2, Math.floor(tokens.length * 0.4))) return [];
  return found.sort((a, b) => a.at - b.at).map((f) => f.code);
}

/** The area a section-row title names (the first one for a merged section), or null. */
export function matchArea(text: string): AreaCode | null {
  return matchAreas(text)[0] ?? null;
}
