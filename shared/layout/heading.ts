/**
 * The texts above an annex table, as Vietnamese administrative documents print them (seed 000):
 *
 *   ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
 *   THỊ TRẤN BÌNH DƯƠNG                 Độc lập - Tự do - Hạnh phúc
 *                               PHỤ LỤC 1
 *     CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH THỊ TRẤN BÌNH DƯƠNG NĂM 2025
 *   (Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân thị trấn Bình Dương)
 *
 * Whatever is not known yet prints as "…", the way blank forms leave room to write.
 */
import type { IsoDate } from '../cell';
import type { UnitInfo, UnitKind } from '../model';
import type { TableSheetSpec } from '../spec/annex';
import { UNIT_KIND_LABELS } from '../spec/annex';
import { cleanText, foldKey } from '../text/normalize';

export const UNKNOWN = '…';
export const COUNCIL = 'ỦY BAN NHÂN DÂN';
export const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Unit kinds as the Thông tin list shows them; typed so that a new UnitKind cannot be forgotten. */
export const UNIT_KIND_LABEL: Record<UnitKind, (typeof UNIT_KIND_LABELS)[number]> = {
  xa: UNIT_KIND_LABELS[0],
  phuong: UNIT_KIND_LABELS[1],
  dac_khu: UNIT_KIND_LABELS[2],
  thi_tran: UNIT_KIND_LABELS[3],
};

/** 2025-01-10 → "10/01/2025"; '' for anything else. */
export function formatDay(iso: IsoDate | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * The unit's own name without "UBND" / "Ủy ban nhân dân", with its kind in front:
 * "UBND xã Anh Sơn" → "xã Anh Sơn"; "Bình Dương" of kind thi_tran → "thị trấn Bình Dương". '' when unknown.
 */
export function localUnitName(info: Partial<Pick<UnitInfo, 'unitName' | 'unitKind'>>): string {
  const words = cleanText(info.unitName).split(' ').filter(Boolean);
  if (words.length > 0 && foldKey(words[0]) === 'ubnd') words.splice(0, 1);
  else if (foldKey(words.slice(0, 4).join(' ')) === 'uy ban nhan dan') words.splice(0, 4);
  const name = words.join(' ');
  if (!name) return '';
  const folded = foldKey(name);
  if (/^(xa|phuong|thi tran|dac khu) /.test(folded) || !info.unitKind) return name;
  return `${UNIT_KIND_LABEL[info.unitKind].toLowerCase()} ${name}`;
}

/** The plan year: the year field, else the plan date's year; null when neither is known. */
export function planYear(info: Partial<Pick<UnitInfo, 'year' | 'planDate'>>): number | null {
  if (typeof info.year === 'number' && Number.isFinite(info.year)) return info.year;
  const m = info.planDate ? /^(\d{4})-/.exec(info.planDate) : null;
  return m ? Number(m[1]) : null;
}

export interface AnnexHeading {
  /** Left block, two lines: "ỦY BAN NHÂN DÂN", "XÃ ANH SƠN". */
  council: [string, string];
  /** Right block, two lines. */
  nation: [string, string];
  /** "PHỤ LỤC 1" */
  annex: string;
  /** "CÁC CHỈ TIÊU … XÃ ANH SƠN NĂM 2025" */
  title: string;
  /** "(Ban hành kèm theo Kế hoạch số 05/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã Anh Sơn)" */
  issuedWith: string;
}

export function annexHeading(spec: TableSheetSpec, info: Partial<UnitInfo>): AnnexHeading {
  const unit = localUnitName(info);
  const year = planYear(info);
  const planNumber = cleanText(info.planNumber);
  return {
    council: [COUNCIL, unit ? unit.toUpperCase() : UNKNOWN],
    nation: [NATION, MOTTO],
    annex: spec.annex,
    title: [spec.title, unit.toUpperCase(), `NĂM ${year ?? UNKNOWN}`].filter(Boolean).join(' '),
    issuedWith:
      `(Ban hành kèm theo Kế hoạch số ${planNumber || UNKNOWN} ngày ${formatDay(info.planDate) || UNKNOWN}` +
      ` của Ủy ban nhân dân ${unit || UNKNOWN})`,
  };
}
