/**
 * A phường's or đặc khu's annex names its own kind wherever the catalog says "xã" for the unit, keeps
 * "cấp xã" (the level) and "xã hội", and its rows still match the catalog when their codes are lost.
 */
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { matchIndicatorByName, matchTaskByName } from '../../shared/catalog/match';
import { namesUnitKind } from '../../shared/catalog/unit-words';
import { standardTemplate } from '../../shared/layout/standard-template';
import type { UnitInfo } from '../../shared/model';
import { parseTarget } from '../../shared/parse/target';
import { INDICATOR_SHEET, TASK_SHEET } from '../../shared/spec/annex';
import { foldKey } from '../../shared/text/normalize';

const info = (unitKind: UnitInfo['unitKind'], unitName: string): Partial<UnitInfo> => ({
  unitName, unitKind, unitCode: '26734', parentName: 'Sở Nội vụ tỉnh Thử', parentLevel: 'tinh', year: 2026, period: 'Q1',
  cutoffDate: '2026-03-14', planNumber: '03/KH-UBND', planDate: '2026-01-08',
});
const texts = (unitKind: UnitInfo['unitKind'], name: string) => {
  const { sheets } = standardTemplate(info(unitKind, name));
  const annexes = sheets.filter((s) => s.name === INDICATOR_SHEET.name || s.name === TASK_SHEET.name);
  return annexes.flatMap((s) => s.rows.flat()).filter((v): v is string => typeof v === 'string');
};

describe('namesUnitKind', () => {
  test.each([
    ['Các bộ phận chuyên môn thuộc UBND xã', 'Các bộ phận chuyên môn thuộc UBND phường'],
    ['Công an xã; Đoàn thể xã', 'Công an phường; Đoàn thể phường'],
    ['cán bộ, công chức cấp xã', 'cán bộ, công chức cấp xã'],
    ['kinh tế - xã hội của xã', 'kinh tế - xã hội của phường'],
    ['Xã hội hóa dịch vụ', 'Xã hội hóa dịch vụ'],
    ['Xã Tân Lập', 'Phường Tân Lập'],
    ['xãx', 'xãx'],
  ])('%s (phường)', (text, expected) => expect(namesUnitKind(text, 'phuong')).toBe(expected));
  test('đặc khu, and a xã unchanged', () => {
    expect(namesUnitKind('Chủ tịch UBND xã', 'dac_khu')).toBe('Chủ tịch UBND đặc khu');
    expect(namesUnitKind('Chủ tịch UBND xã', 'xa')).toBe('Chủ tịch UBND xã');
  });
});

describe('the annexes of a phường and of an đặc khu', () => {
  test('a xã’s annex names "UBND xã" (the catalog’s words)', () => {
    expect(texts('xa', 'UBND xã Tân Lập').filter((t) => t.includes('UBND xã')).length).toBeGreaterThan(20);
  });
  test.each([
    ['phuong', 'UBND phường Đông Hải', 'UBND phường'],
    ['dac_khu', 'UBND đặc khu Côn Đảo', 'UBND đặc khu'],
  ] as const)('%s: no "UBND xã" anywhere, "%s" names it', (kind, name, words) => {
    const all = texts(kind, name);
    expect(all.filter((t) => /UBND xã|Công an xã/.test(t))).toEqual([]);
    expect(all.filter((t) => t.includes(words)).length).toBeGreaterThan(20);
    expect(all.some((t) => t.includes('cấp xã'))).toBe(true);
  });
  test('every target a phường’s annex prints still reads', () => {
    for (const i of CATALOG_2025.indicators) {
      const r = parseTarget(namesUnitKind(i.target, 'phuong'));
      expect([i.code, r.ok]).toEqual([i.code, true]);
    }
  });
  test('rows whose code was lost still match the catalog by their phường / đặc khu wording', () => {
    for (const kind of ['phuong', 'dac_khu'] as const) {
      for (const i of CATALOG_2025.indicators) {
        const expected = matchIndicatorByName(CATALOG_2025, i.name);
        expect([i.code, matchIndicatorByName(CATALOG_2025, namesUnitKind(i.name, kind))]).toEqual([i.code, expected]);
      }
      for (const t of CATALOG_2025.tasks) {
        const expected = matchTaskByName(CATALOG_2025, t.name);
        expect([t.code, matchTaskByName(CATALOG_2025, namesUnitKind(t.name, kind))]).toEqual([t.code, expected]);
      }
    }
  });
  test('the heading names the unit by its kind', () => {
    const { sheets } = standardTemplate(info('dac_khu', 'Côn Đảo'));
    const pl1 = sheets.find((s) => s.name === INDICATOR_SHEET.name)!;
    expect(pl1.rows.flat().some((v) => typeof v === 'string' && foldKey(v).includes('dac khu con dao'))).toBe(true);
  });
});
