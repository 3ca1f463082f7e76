/**
 * The annex spec: ONE declaration of the three sheets a commune fills. Sheet layout, native data
 * validation, header recognition, reading and validation messages are all derived from it
 * (layout/, validate/), so a column is added or renamed here and nowhere else.
 */

export const TEMPLATE_ID = 'CCHC-PL';
export const TEMPLATE_VERSION = '2025.1';

/** How a cell's content is read and checked. */
export type ColumnType =
  | 'code' // hidden stable row code
  | 'stt' // hierarchical number or Roman numeral of a section row
  | 'text'
  | 'target' // parsed by parseTarget
  | 'deadline' // parsed by parseDeadline
  | 'count' // non-negative number (tử số, mẫu số)
  | 'result' // number or percent (ratio rows: formula), or qualitative word
  | 'date'
  | 'enum';

/** plan = written when the plan is made; report = filled every period; meta = hidden machinery. */
export type ColumnRole = 'plan' | 'report' | 'meta';

export interface ColumnSpec {
  key: string;
  /** Vietnamese header as it stands in the sheet. */
  header: string;
  /** Other header texts accepted when reading (older templates, units' own wording). */
  aliases?: readonly string[];
  type: ColumnType;
  role: ColumnRole;
  /** Column width in characters. */
  width: number;
  required: boolean;
  /** Allowed words for enum columns (first is the canonical form shown in lists). */
  values?: readonly string[];
  hidden?: boolean;
  /** Short help shown as the data-validation input message. */
  help?: string;
}

export interface TableSheetSpec {
  id: 'indicators' | 'tasks';
  /** Tab name. */
  name: string;
  /** Tab names accepted when reading (compared diacritic-free). */
  aliases: readonly string[];
  /** Annex title printed above the table ("PHỤ LỤC 1"). */
  annex: string;
  title: string;
  columns: readonly ColumnSpec[];
  /** 0-based row the header sits on in templates we write; readers search for it instead. */
  headerRow: number;
}

export const EVALUATION_VALUES = ['Đạt', 'Chưa đạt'] as const;
export const STATUS_VALUES = ['Hoàn thành', 'Đang thực hiện', 'Chưa thực hiện'] as const;

export const INDICATOR_SHEET: TableSheetSpec = {
  id: 'indicators',
  name: 'Phụ lục 1 - Chỉ tiêu',
  aliases: ['Phụ lục 1', 'PL1', 'Chỉ tiêu', 'Phu luc 1 - Chi tieu'],
  annex: 'PHỤ LỤC 1',
  title: 'CÁC CHỈ TIÊU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
  headerRow: 7,
  columns: [
    { key: 'code', header: 'Mã', type: 'code', role: 'meta', width: 12, required: true, hidden: true },
    { key: 'stt', header: 'STT', type: 'stt', role: 'plan', width: 6, required: false },
    { key: 'name', header: 'Chỉ tiêu', type: 'text', role: 'plan', width: 48, required: true },
    {
      key: 'target', header: 'Chỉ tiêu phấn đấu', aliases: ['Chỉ tiêu phấn đấu năm', 'Mục tiêu', 'Chỉ tiêu năm'],
      type: 'target', role: 'plan', width: 22, required: true,
      help: 'Ví dụ: 100%; tối thiểu 90%; từ 95% - 100%; tối đa 15 phút/01 lượt; Hoàn thành',
    },
    {
      key: 'monitor', header: 'Đơn vị theo dõi, hướng dẫn', aliases: ['Đơn vị theo dõi, hướng dẫn thực hiện', 'Đơn vị theo dõi'],
      type: 'text', role: 'plan', width: 20, required: false,
    },
    { key: 'executor', header: 'Đơn vị thực hiện', type: 'text', role: 'plan', width: 20, required: false },
    {
      key: 'numerator', header: 'Tử số', aliases: ['Số đạt'], type: 'count', role: 'report', width: 10, required: false,
      help: 'Số lượng đạt yêu cầu (ví dụ số hồ sơ trực tuyến). Nhập "x" nếu không phát sinh.',
    },
    {
      key: 'denominator', header: 'Mẫu số', aliases: ['Tổng số'], type: 'count', role: 'report', width: 10, required: false,
      help: 'Tổng số (ví dụ tổng số hồ sơ tiếp nhận). Nhập "x" nếu không phát sinh.',
    },
    {
      key: 'result', header: 'Kết quả', aliases: ['Kết quả thực hiện'], type: 'result', role: 'report', width: 12, required: false,
      help: 'Chỉ tiêu tỷ lệ: tự tính = Tử số / Mẫu số. Chỉ tiêu khác: nhập số hoặc "Hoàn thành".',
    },
    {
      key: 'evaluation', header: 'Đánh giá', type: 'enum', role: 'report', width: 11, required: false,
      values: EVALUATION_VALUES,
    },
    { key: 'note', header: 'Ghi chú', type: 'text', role: 'report', width: 24, required: false },
  ],
};

export const TASK_SHEET: TableSheetSpec = {
  id: 'tasks',
  name: 'Phụ lục 2 - Nhiệm vụ',
  aliases: ['Phụ lục 2', 'PL2', 'Nhiệm vụ', 'Nhiệm vụ trọng tâm', 'Phu luc 2 - Nhiem vu'],
  annex: 'PHỤ LỤC 2',
  title: 'NHIỆM VỤ TRỌNG TÂM CẢI CÁCH HÀNH CHÍNH',
  headerRow: 7,
  columns: [
    { key: 'code', header: 'Mã', type: 'code', role: 'meta', width: 12, required: true, hidden: true },
    { key: 'tt', header: 'TT', aliases: ['STT'], type: 'stt', role: 'plan', width: 5, required: false },
    { key: 'name', header: 'Nhiệm vụ', aliases: ['Nội dung nhiệm vụ', 'Nội dung'], type: 'text', role: 'plan', width: 44, required: true },
    { key: 'product', header: 'Sản phẩm', aliases: ['Sản phẩm đầu ra', 'Kết quả/sản phẩm'], type: 'text', role: 'plan', width: 22, required: false },
    {
      key: 'lead', header: 'Cơ quan chủ trì', aliases: ['Công chức chủ trì', 'Đơn vị chủ trì', 'Chủ trì'],
      type: 'text', role: 'plan', width: 20, required: true,
    },
    {
      key: 'partners', header: 'Cơ quan phối hợp', aliases: ['Đơn vị phối hợp', 'Phối hợp'],
      type: 'text', role: 'plan', width: 20, required: false,
    },
    {
      key: 'deadline', header: 'Thời gian hoàn thành', aliases: ['Thời gian', 'Thời hạn hoàn thành', 'Thời hạn'],
      type: 'deadline', role: 'plan', width: 18, required: true,
      help: 'Ví dụ: Quý I; Trước 10/12/2025; Tháng 1/2025; Cả năm; Thường xuyên',
    },
    { key: 'planNote', header: 'Ghi chú', type: 'text', role: 'plan', width: 18, required: false },
    {
      key: 'status', header: 'Tình trạng', aliases: ['Tiến độ', 'Kết quả thực hiện'], type: 'enum', role: 'report', width: 16, required: false,
      values: STATUS_VALUES,
    },
    {
      key: 'completedOn', header: 'Ngày hoàn thành', type: 'date', role: 'report', width: 13, required: false,
      help: 'Ngày/tháng/năm, ví dụ 15/03/2025',
    },
    {
      key: 'documentRef', header: 'Văn bản, sản phẩm đã ban hành (số, ký hiệu)', aliases: ['Số, ký hiệu văn bản', 'Văn bản đã ban hành'],
      type: 'text', role: 'report', width: 22, required: false, help: 'Ví dụ: 12/KH-UBND',
    },
    { key: 'documentDate', header: 'Ngày ban hành', aliases: ['Ngày văn bản'], type: 'date', role: 'report', width: 13, required: false },
    { key: 'reportNote', header: 'Ghi chú kết quả', type: 'text', role: 'report', width: 22, required: false },
  ],
};

export const TABLE_SHEETS = [INDICATOR_SHEET, TASK_SHEET] as const;

// ---------------------------------------------------------------- Thông tin (key/value sheet)
export type InfoFieldType = 'text' | 'date' | 'year' | 'enum' | 'period';

export interface InfoFieldSpec {
  key: string;
  label: string;
  aliases?: readonly string[];
  type: InfoFieldType;
  required: boolean;
  values?: readonly string[];
  help?: string;
}

export const PERIOD_LABELS = ['Quý I', 'Quý II', 'Quý III', 'Quý IV', '6 tháng', '9 tháng', 'Năm'] as const;
/** Every unit kind a report may name; a template lists those of its period (local-government.ts). */
export const UNIT_KIND_LABELS = ['Xã', 'Phường', 'Đặc khu', 'Thị trấn'] as const;
export const PARENT_LEVEL_LABELS = ['Huyện', 'Tỉnh'] as const;

export const INFO_SHEET = {
  id: 'info' as const,
  name: 'Thông tin',
  aliases: ['Thong tin', 'Thông tin chung', 'Thông tin báo cáo'],
  title: 'THÔNG TIN BÁO CÁO CẢI CÁCH HÀNH CHÍNH',
  /** 0-based row of the first field; label in column A, value in column B. */
  firstRow: 2,
  fields: [
    { key: 'unitName', label: 'Tên đơn vị', aliases: ['Đơn vị báo cáo'], type: 'text', required: true, help: 'Ví dụ: UBND xã Anh Sơn' },
    { key: 'unitCode', label: 'Mã đơn vị', type: 'text', required: true, help: 'Mã đơn vị hành chính (5 chữ số), ví dụ 16279' },
    { key: 'unitKind', label: 'Loại đơn vị', type: 'enum', required: true, values: UNIT_KIND_LABELS },
    { key: 'parentName', label: 'Đơn vị tổng hợp', aliases: ['Cơ quan tổng hợp'], type: 'text', required: true, help: 'Ví dụ: Sở Nội vụ tỉnh Thanh Hóa' },
    { key: 'parentLevel', label: 'Cấp tổng hợp', type: 'enum', required: true, values: PARENT_LEVEL_LABELS },
    { key: 'planNumber', label: 'Số kế hoạch', type: 'text', required: true, help: 'Ví dụ: 05/KH-UBND' },
    { key: 'planDate', label: 'Ngày kế hoạch', type: 'date', required: true, help: 'Ngày/tháng/năm, ví dụ 10/01/2025' },
    { key: 'year', label: 'Năm kế hoạch', type: 'year', required: true },
    { key: 'period', label: 'Kỳ báo cáo', type: 'period', required: true, values: PERIOD_LABELS },
    { key: 'cutoffDate', label: 'Ngày chốt số liệu', type: 'date', required: true, help: 'Ngày cuối của kỳ lấy số liệu, ví dụ 14/03/2025' },
    { key: 'reportDate', label: 'Ngày báo cáo', type: 'date', required: true },
    { key: 'reporter', label: 'Người báo cáo', type: 'text', required: false },
    { key: 'templateId', label: 'Mã biểu mẫu', type: 'text', required: true },
    { key: 'templateVersion', label: 'Phiên bản biểu mẫu', type: 'text', required: true },
  ] satisfies readonly InfoFieldSpec[] as readonly InfoFieldSpec[],
};

/** Hidden sheet with machine-readable template metadata (key in A, value in B). */
export const META_SHEET = {
  name: '_cchc_meta',
  keys: ['templateId', 'templateVersion', 'catalogId', 'catalogVersion', 'unitCode', 'year', 'period', 'catalogHash'] as const,
};

export function columnIndex(sheet: TableSheetSpec, key: string): number {
  const i = sheet.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key} in ${sheet.id}`);
  return i;
}
