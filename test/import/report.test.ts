import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { importPlan } from '../../shared/import/plan-import';
import { importReport } from '../../shared/import/report';

// Row codes live in a hidden column of the annexes: the report names standard rows by their wording.
const TASKS: string[][] = [
  ['TT', 'Nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
  ['II', 'Cải cách thể chế', '', '', ''],
  ['1', 'Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025', 'Kế hoạch', 'Văn phòng', 'Quý I'],
];

describe('the import report', () => {
  const plan = importPlan([{ kind: 'table', name: '1', grid: TASKS }], { catalog: CATALOG_2025, year: 2025, unitCode: '90002' });
  const lines = importReport(plan, 'tệp "ke-hoach.docx"');

  it('names a standard row matched in another area by its wording, with how close and why to check', () => {
    expect(plan.outcomes.map((o) => [o.code, o.match.how])).toEqual([['NV.CDDH.02', 'name']]);
    expect(lines).toContain(
      '  - bảng 1, dòng 3 (STT 1) “Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025”: khớp theo tên với dòng “Kế hoạch tự kiểm tra công tác cải cách hành chính…” của biểu mẫu chuẩn (giống 100%, kế hoạch xếp ở lĩnh vực khác).',
    );
  });

  it('shows no row code', () => {
    for (const line of lines) expect(line).not.toMatch(/\b(CT|NV)\.[A-Z]+\.\d/);
  });
});
