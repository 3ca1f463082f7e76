/**
 * The local government a report belongs to. Since 01/07/2025 Vietnam has two levels: the province and
 * 3,321 commune-level units (xã, phường, đặc khu) that report to it; districts (huyện, thị xã, quận)
 * and thị trấn are gone. Reports of earlier periods keep the old three-level names so that 2024–2025
 * files still read and consolidate.
 *
 * Which model applies is decided by the report's data cut-off (typed, else the default calendar's):
 * Quý II/2025 (cut-off 14/06/2025) is three-level; Quý III/2025, 9 tháng and Năm 2025 are two-level.
 */
import type { IsoDate } from './cell';
import type { ParentLevel, PeriodCode, UnitKind } from './model';
import { defaultCalendar } from './period';

/** First day of the two-level local government (Luật Tổ chức chính quyền địa phương 2025). */
export const TWO_LEVEL_FROM: IsoDate = '2025-07-01';

/** The day that decides the model: the cut-off typed, else the period's default cut-off; null if unknown. */
export function governmentDay(info: { cutoffDate?: IsoDate | null; period?: PeriodCode | null; year?: number | null }): IsoDate | null {
  if (info.cutoffDate) return info.cutoffDate;
  if (info.period && typeof info.year === 'number') return defaultCalendar(info.period, info.year).cutoff;
  return null;
}

/** True when the day falls in the two-level model (unknown days: false, so nothing is refused). */
export function isTwoLevel(day: IsoDate | null): boolean {
  return day !== null && day >= TWO_LEVEL_FROM;
}

/** Unit kinds a report of that day may name, in the order lists show them. */
export function unitKindsAt(day: IsoDate | null): UnitKind[] {
  return isTwoLevel(day) ? ['xa', 'phuong', 'dac_khu'] : ['xa', 'phuong', 'thi_tran'];
}

/** Levels that consolidate reports of that day. */
export function parentLevelsAt(day: IsoDate | null): ParentLevel[] {
  return isTwoLevel(day) ? ['tinh'] : ['huyen', 'tinh'];
}

const DAY = '01/07/2025';

/** Why a unit kind cannot report for that day, in Vietnamese; null when it can. */
export function unitKindRefusal(kind: UnitKind | null, day: IsoDate | null): string | null {
  if (kind === 'thi_tran' && isTwoLevel(day)) {
    return `Từ ngày ${DAY} chính quyền địa phương có hai cấp và không còn thị trấn: các thị trấn đã sắp xếp thành xã hoặc phường. ` +
      'Chọn “Xã”, “Phường” hoặc “Đặc khu” theo tên đơn vị hiện nay.';
  }
  return null;
}

/** Why a level cannot consolidate reports of that day, in Vietnamese; null when it can. */
export function parentLevelRefusal(level: ParentLevel | null, day: IsoDate | null): string | null {
  if (level === 'huyen' && isTwoLevel(day)) {
    return `Từ ngày ${DAY} không còn cấp huyện: xã, phường, đặc khu báo cáo thẳng lên tỉnh (Sở Nội vụ). ` +
      'Chọn cấp tổng hợp “Tỉnh”; báo cáo các kỳ trước ngày này vẫn dùng được “Huyện”.';
  }
  return null;
}
