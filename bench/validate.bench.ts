/**
 * Validation speed on a large report: 500 indicator rows and 500 task rows with realistic values
 * (ratios, durations, qualitative rows, deadlines of every kind, some mistakes). Goal: < 20 ms median.
 */
import type { CellValue, Grid, WorkbookGrids } from '../shared/cell';
import { INDICATOR_SHEET, INFO_SHEET, TASK_SHEET, TEMPLATE_ID, TEMPLATE_VERSION, type TableSheetSpec } from '../shared/spec/annex';
import { validateWorkbook } from '../shared/validate';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const AREAS = ['CDDH', 'TC', 'TTHC', 'TCBM', 'CDCV', 'TCC', 'CQS'];
const AREA_NAMES = [
  'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'CẢI CÁCH THỂ CHẾ', 'CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'CẢI CÁCH TỔ CHỨC BỘ MÁY',
  'CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', 'CẢI CÁCH TÀI CHÍNH CÔNG', 'XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ',
];
const TARGETS = ['100%', 'tối thiểu 90%', '98% trở lên', 'đạt từ 30% trở lên', 'từ 95% - 100%', 'toi thieu 80%'];
const DEADLINES = [
  'Quý I', 'Quý IV', 'Trước ngày 10/12/2025', 'Tháng 6/2025', 'Cả năm', 'Thường xuyên',
  'Ban hành: Quý I; Thực hiện: Cả năm', 'Định kỳ hàng quý', 'Trước tháng 12/2025', 'Theo kế hoạch của UBND tỉnh',
];
const STATUSES = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện', 'hoan thanh', 'dang trien khai', ''];

function row(spec: TableSheetSpec, values: Record<string, CellValue>): CellValue[] {
  return spec.columns.map((c) => values[c.key] ?? '');
}

function header(spec: TableSheetSpec): Grid {
  const grid: Grid = [];
  for (let r = 0; r < spec.headerRow; r++) grid.push(spec.columns.map(() => ''));
  grid[0][1] = spec.annex;
  grid[1][1] = spec.title;
  grid.push(spec.columns.map((c) => c.header));
  return grid;
}

function indicatorGrid(n: number): Grid {
  const grid = header(INDICATOR_SHEET);
  for (let i = 0; i < n; i++) {
    const a = Math.floor((i * AREAS.length) / n);
    if (i === 0 || Math.floor(((i - 1) * AREAS.length) / n) !== a) {
      grid.push(row(INDICATOR_SHEET, { code: `LV.${AREAS[a]}`, stt: ROMAN[a], name: AREA_NAMES[a] }));
    }
    const code = `PL1.${AREAS[a]}.${String(i + 1).padStart(3, '0')}`;
    const k = i % 10;
    if (k < 7) {
      const den = 50 + (i % 400);
      const num = k === 6 ? den + 3 : Math.round(den * (0.7 + (i % 30) / 100));
      grid.push(row(INDICATOR_SHEET, {
        code, stt: `${a + 1}.${i + 1}`, name: `Tỷ lệ hồ sơ thủ tục hành chính loại ${i + 1} được giải quyết đúng hạn`,
        target: i % 3 === 0 ? TARGETS[i % TARGETS.length] : `${['tối thiểu', 'đạt từ', 'đạt'][i % 3]} ${55 + (i % 45)}%${i % 2 ? ' trở lên' : ''}`, monitor: 'Văn phòng HĐND và UBND', executor: 'Bộ phận Một cửa',
        numerator: i % 4 === 0 ? String(num) : num, denominator: i % 4 === 0 ? `${den}` : den, result: den ? num / den : '',
        evaluation: i % 3 === 0 ? 'Đạt' : '', note: i % 7 === 0 ? 'Số liệu từ Hệ thống thông tin giải quyết TTHC' : '',
      }));
    } else if (k === 7) {
      grid.push(row(INDICATOR_SHEET, { code, stt: `${a + 1}.${i + 1}`, name: 'Thời gian chờ tại Bộ phận Một cửa', target: 'tối đa 15 phút/01 lượt giao dịch', result: 12 }));
    } else if (k === 8) {
      grid.push(row(INDICATOR_SHEET, { code, stt: `${a + 1}.${i + 1}`, name: 'Hoàn thành các chỉ tiêu đề ra theo Kế hoạch', target: 'Hoàn thành', result: 'Hoàn thành', evaluation: 'Đạt' }));
    } else {
      grid.push(row(INDICATOR_SHEET, { code, stt: `${a + 1}.${i + 1}`, name: 'Tỷ lệ hồ sơ trực tuyến', target: 'tối thiểu 80%', result: i % 20 === 9 ? 95 : '85,5%' }));
    }
  }
  return grid;
}

function taskGrid(n: number): Grid {
  const grid = header(TASK_SHEET);
  for (let i = 0; i < n; i++) {
    const a = Math.floor((i * AREAS.length) / n);
    if (i === 0 || Math.floor(((i - 1) * AREAS.length) / n) !== a) {
      grid.push(row(TASK_SHEET, { code: `LV.${AREAS[a]}`, tt: ROMAN[a], name: AREA_NAMES[a] }));
    }
    const status = STATUSES[i % STATUSES.length];
    const done = status === 'Hoàn thành' || status === 'hoan thanh';
    grid.push(row(TASK_SHEET, {
      code: `PL2.${AREAS[a]}.${String(i + 1).padStart(3, '0')}`, tt: String(i + 1),
      name: `Xây dựng, ban hành kế hoạch thực hiện nhiệm vụ cải cách hành chính số ${i + 1}`,
      product: 'Kế hoạch của UBND xã', lead: 'Văn phòng - Thống kê', partners: 'Các bộ phận chuyên môn',
      deadline: i % 3 === 0 ? `Trước ngày ${1 + (i % 28)}/${1 + (i % 12)}/2025` : DEADLINES[i % DEADLINES.length], status,
      completedOn: done ? (i % 2 === 0 ? `${1 + (i % 28)}/${1 + (i % 5)}/2025` : 45700 + (i % 60)) : '',
      documentRef: done ? `${i + 1}/KH-UBND` : '', documentDate: done ? '15/02/2025' : '',
      reportNote: i % 9 === 0 ? 'Đã đăng tải trên Cổng thông tin điện tử' : '',
    }));
  }
  return grid;
}

function infoGrid(): Grid {
  const v: Record<string, CellValue> = {
    unitName: 'UBND xã Anh Sơn', unitCode: '16279', unitKind: 'Xã', parentName: 'Sở Nội vụ tỉnh Thanh Hóa', parentLevel: 'Tỉnh',
    planNumber: '05/KH-UBND', planDate: '10/01/2025', year: 2025, period: 'Quý II', cutoffDate: '14/06/2025',
    reportDate: '18/06/2025', reporter: 'Nguyễn Văn An', templateId: TEMPLATE_ID, templateVersion: TEMPLATE_VERSION,
  };
  return [[INFO_SHEET.title], [], ...INFO_SHEET.fields.map((f) => [f.label, v[f.key] ?? ''])];
}

export function benchWorkbook(rows = 500): WorkbookGrids {
  return {
    [INFO_SHEET.name]: infoGrid(),
    [INDICATOR_SHEET.name]: indicatorGrid(rows),
    [TASK_SHEET.name]: taskGrid(rows),
  };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function benchValidate(): Promise<{ name: string; medianMs: number; runs: number }> {
  const grids = benchWorkbook(500);
  for (let i = 0; i < 10; i++) validateWorkbook(grids);
  const runs = 30;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    validateWorkbook(grids);
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = (times[(runs - 1) >> 1] + times[runs >> 1]) / 2;
  return { name: 'validateWorkbook 500 chỉ tiêu + 500 nhiệm vụ', medianMs: Math.round(medianMs * 100) / 100, runs };
}
