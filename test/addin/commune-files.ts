/**
 * Commune report workbooks for the consolidation tests, made the way a commune's file is made:
 * the 2025 template with report values filled in, written to .xlsx with exceljs (io/xlsx/write).
 */
import { writeXlsx } from '../../io/xlsx/write';
import { AREAS } from '../../shared/catalog/areas';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { buildPlan } from '../../shared/catalog/plan';
import type { ReportedIndicator, ReportedTask } from '../../shared/layout/template';
import { buildTemplate } from '../../shared/layout/template';

const plan = buildPlan(CATALOG_2025);
/** The rate indicators the test files report on. */
export const REPORTED_RATIOS = plan.indicators.filter((i) => i.kind === 'ratio').slice(0, 3);

export function communeCode(i: number): string {
  return String(16000 + i);
}

export async function communeWorkbook(i: number, year = 2025): Promise<Uint8Array> {
  const indicators: Record<string, ReportedIndicator> = {};
  REPORTED_RATIOS.forEach((ind, k) => {
    const denominator = 40 + ((i * 7 + k * 3) % 25);
    indicators[ind.code] = { numerator: denominator - ((i + k) % 6), denominator };
  });
  const tasks: Record<string, ReportedTask> = {};
  plan.tasks.slice(0, 4).forEach((t, k) => {
    tasks[t.code] = { status: ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'][(i + k) % 3], completedOn: (i + k) % 3 === 0 ? `${year}-03-1${k}` : null };
  });
  const sheets = buildTemplate({
    info: {
      unitName: `UBND xã Số ${i}`,
      unitCode: communeCode(i),
      unitKind: 'xa',
      parentName: 'Sở Nội vụ tỉnh Nghệ An',
      parentLevel: 'tinh',
      planNumber: `${i}/KH-UBND`,
      planDate: `${year}-01-10`,
      year,
      period: 'Q2',
      cutoffDate: `${year}-06-14`,
      reportDate: `${year}-06-1${i % 10}`,
      reporter: 'Nguyễn Văn A',
    },
    indicators: plan.indicators,
    tasks: plan.tasks,
    areas: [...AREAS],
    catalogId: CATALOG_2025.id,
    catalogVersion: CATALOG_2025.version,
    report: { indicators, tasks },
  });
  return writeXlsx(sheets);
}

/** Bytes that are not a spreadsheet at all, under an .xlsx name. */
export const NOT_A_WORKBOOK = new TextEncoder().encode('Đây không phải tệp Excel');
