/**
 * The seeds' annex tables, as Word documents and as a hand-made sheet (columns reversed, no
 * diacritics), read row by row: each row's number, reform area, catalog code (or the unit's own),
 * and how its target or deadline reads. The two forms of one plan must read the same.
 */
import { describe as rowsOf, importFixture } from './fixtures';

// [STT, area, catalog code or own, reading]. Readings: comparator and value of each target;
// deadline kind and due dates (dd/mm/yyyy); '' for an empty cell.
const SEED_000: [string, string, string, string][] = [
  ['1', 'CDDH', 'CT.CDDH.01', '≥100%'],
  ['2', 'TC', 'CT.TC.01', '≥100%'],
  ['3.1', 'TTHC', 'CT.TTHC.01', '≥100%; ≥100%; ≥10%'],
  ['3.2', 'TTHC', 'CT.TTHC.02', '≥100%'],
  ['4', 'CDCV', 'CT.CDCV.01', '>100%'],
  ['5', 'TCC', 'CT.TCC.01', 'định tính'],
  ['6.1', 'CQS', 'CT.CQS.01', '≥80%'],
  ['', 'CQS', 'CT.CQS.02', '≥100%'],
  ['', 'CQS', 'CT.CQS.03', '≥100%'],
  ['', 'CQS', 'CT.CQS.04', '≥100%'],
  ['', 'CQS', 'CT.CQS.05', '≥100%'],
  ['', 'CQS', 'CT.CQS.06', '≥100%'],
  ['', 'CQS', 'CT.CQS.07', '≥75%'],
  ['', 'CQS', 'CT.CQS.08', '≥100%'],
  ['', 'CQS', 'CT.CQS.09', '≥100%'],
  ['', 'CQS', 'CT.CQS.10', '≥100%'],
  ['', 'CQS', 'CT.CQS.11', '≥70%'],
  ['', 'CQS', 'CT.CQS.12', '≥100%'],
  ['', 'CQS', 'CT.CQS.13', '≥100%'],
  ['', 'CQS', 'CT.CQS.14', '≥95%'],
  ['1', 'CDDH', 'NV.CDDH.01', 'dated 31/03/2025,31/12/2025'],
  ['2', 'CDDH', 'NV.CDDH.02', 'dated 31/03/2025,31/12/2025'],
  ['3', 'CDDH', 'own', 'dated 31/03/2025,31/12/2025'],
  ['4', 'CDDH', 'NV.CDDH.04', 'dated 31/03/2025,31/12/2025'],
  ['5', 'TC', 'NV.TC.01', 'dated 31/03/2025,31/12/2025'],
  ['6', 'TC', 'NV.TC.02', 'dated 31/03/2025,31/12/2025'],
  ['7', 'TC', 'NV.TC.03', 'dated 31/03/2025,31/12/2025'],
  ['8', 'TTHC', 'NV.TTHC.01', 'dated 31/03/2025,31/12/2025'],
  ['9', 'TTHC', 'NV.TTHC.02', 'dated 31/03/2025,31/12/2025'],
  ['10', 'TCBM', 'NV.TCBM.01', 'dated 31/03/2025'],
  ['11', 'TCBM', 'NV.TCBM.02', 'dated 31/12/2025'],
  ['12', 'CDCV', 'NV.CDCV.01', 'dated 31/03/2025,31/12/2025'],
  ['13', 'CDCV', 'NV.CDCV.02', 'dated 31/12/2025'],
  ['14', 'TCC', 'NV.TCC.01', 'dated 31/03/2025,31/12/2025'],
  ['15', 'TCC', 'NV.TCC.02', 'dated 31/03/2025,31/12/2025'],
  ['16', 'CQS', 'own', 'dated 31/03/2025,31/12/2025'],
  ['17', 'CQS', 'NV.CQS.02', 'dated 31/03/2025,31/12/2025'],
  ['18', 'CQS', 'NV.CQS.03', 'dated 31/03/2025,31/12/2025'],
];

const SEED_001: [string, string, string, string][] = [
  ['1', 'TC', 'NV.TC.04', ''],
  ['2', 'TC', 'NV.TC.05', 'dated 31/12/2025'],
  ['3', 'TC', 'NV.TC.06', 'dated 31/12/2025'],
  ['4', 'TC', 'NV.TC.07', 'dated 31/12/2025'],
  ['5', 'TC', 'NV.TC.02', 'dated 31/12/2025'],
  ['1', 'TTHC', 'NV.TTHC.03', 'dated 31/03/2025'],
  ['2', 'TTHC', 'NV.TTHC.04', 'dated 15/03/2025,15/06/2025,15/09/2025,15/12/2025'],
  ['3', 'TTHC', 'own', 'dated 31/12/2025'],
  ['4', 'TTHC', 'NV.TTHC.06', 'dated 31/12/2025'],
  ['5', 'TTHC', 'NV.TTHC.07', 'dated 31/12/2025'],
  ['6', 'TTHC', 'NV.TTHC.08', 'dated 31/12/2025'],
  ['7', 'TTHC', 'NV.TTHC.09', 'dated 31/12/2025'],
  ['8', 'TTHC', 'NV.TTHC.10', 'dated 31/12/2025'],
  ['9', 'TTHC', 'NV.TTHC.11', 'dated 31/12/2025'],
  ['10', 'TTHC', 'NV.TTHC.12', 'dated 05/03/2025,05/06/2025,05/09/2025,05/12/2025'],
  ['11', 'TTHC', 'NV.TTHC.13', ''],
  ['12', 'TTHC', 'NV.TTHC.14', 'continuous'],
  ['13', 'TTHC', 'own', 'continuous'],
  ['1', 'CDDH', 'NV.CDDH.01', 'dated 09/01/2025'],
  ['2', 'CDDH', 'NV.CDDH.05', 'dated 10/03/2025,10/06/2025,10/09/2025,10/11/2025,15/03/2025,15/06/2025,15/09/2025,15/11/2025,30/11/2025'],
  ['3', 'CDDH', 'NV.CDDH.06', 'dated 30/11/2025'],
  ['4', 'TCBM', 'NV.TCBM.03', 'continuous'],
  ['5', 'CDCV', 'NV.CDCV.03', 'continuous'],
  ['6', 'CDCV', 'NV.CDCV.04', 'dated 31/01/2025'],
  ['7', 'CDCV', 'NV.CDCV.05', 'dated 31/12/2025'],
  ['8', 'CDCV', 'NV.CDCV.06', 'dated 14/12/2025'],
  ['9', 'CDCV', 'NV.CDCV.07', 'dated 14/11/2025'],
  ['10', 'CDCV', 'NV.CDCV.08', 'dated 09/12/2025'],
  ['1', 'TCC', 'NV.TCC.03', 'dated 29/11/2025'],
  ['', 'TCC', 'NV.TCC.04', ''],
  ['2', 'TCC', 'NV.TCC.05', 'dated 29/11/2025'],
  ['3', 'TCC', 'NV.TCC.06', 'dated 29/11/2025'],
  ['4', 'TCC', 'NV.TCC.07', 'dated 29/11/2025'],
  ['1', 'CQS', 'NV.CQS.01', 'dated 31/03/2025'],
  ['2', 'CQS', 'NV.CQS.04', 'dated 20/03/2025,20/06/2025,20/09/2025,15/12/2025'],
  ['3', 'CQS', 'own', 'dated 05/03/2025,05/06/2025,05/09/2025,05/12/2025'],
  ['4', 'CDDH', 'NV.CDDH.03', 'dated 31/03/2025'],
  ['5', 'CDDH', 'NV.CDDH.07', 'dated 05/03/2025,05/06/2025,05/09/2025,05/12/2025'],
];

const SEED_002: [string, string, string, string][] = [
  ['1', 'TC', 'own', 'continuous'],
  ['2', 'TC', 'own', 'recurring 30/06/2025,31/12/2025'],
  ['3', 'TC', 'own', 'recurring 30/06/2025,31/12/2025'],
  ['4', 'TTHC', 'own', 'continuous'],
  ['5', 'TTHC', 'own', 'recurring 31/12/2025'],
  ['6', 'TTHC', 'own', 'continuous'],
  ['7', 'TTHC', 'own', 'dated 29/12/2024'],
  ['8', 'TTHC', 'own', 'recurring 30/11/2025'],
  ['9', 'TCBM', 'own', 'continuous'],
  ['10', 'CDCV', 'own', 'continuous'],
  ['11', 'CDCV', 'own', 'dated 30/06/2022'],
  ['12', 'CDCV', 'own', 'dated 30/11/2021'],
  ['13', 'CDCV', 'own', 'dated 31/12/2021'],
  ['14', 'TCC', 'own', 'dated 31/12/2021'],
  ['15', 'CQS', 'own', 'continuous'],
  ['16', 'CQS', 'own', 'dated 31/12/2021'],
  ['17', 'CQS', 'own', 'external'],
  ['18', 'CQS', 'own', 'continuous'],
  ['19', 'CQS', 'own', 'continuous'],
  ['20', 'CQS', 'own', 'dated 31/12/2025'],
  ['21', 'CQS', 'own', 'recurring 30/11/2025'],
  ['22', 'DN', 'NV.DN.01', 'continuous'],
  ['23', 'DN', 'NV.DN.02', 'recurring 31/03/2025,30/06/2025,30/09/2025,31/12/2025'],
];

const PLANS = [
  { seed: '000', rows: SEED_000, tables: ['indicator', 'task'] },
  { seed: '001', rows: SEED_001, tables: ['task'] },
  { seed: '002', rows: SEED_002, tables: ['task'] },
] as const;

describe.each(PLANS)('seed $seed', ({ seed, rows, tables }) => {
  const docx = importFixture(`seed-${seed}.docx`);
  const xlsx = importFixture(`seed-${seed}.xlsx`);

  it('the Word document: every row, its area, its match and its reading', () => {
    expect(docx.tables.map((t) => t.kind)).toEqual(tables);
    expect(rowsOf(docx)).toEqual(rows);
  });

  it('the hand-made sheet (columns reversed, no diacritics) reads the same rows the same way', () => {
    expect(xlsx.tables.map((t) => t.kind)).toEqual(tables);
    expect(rowsOf(xlsx)).toEqual(rows);
  });

  it('never imports the national header, the signature block, "Nơi nhận", totals or a repeated header', () => {
    for (const p of [docx, xlsx]) {
      const names = p.outcomes.map((o) => o.row.cells.name ?? '');
      expect(names.filter((n) => /n[oơ]i nh[aậ]n|^tm\.|ch[uủ] t[iị]ch$|t[oổ]ng c[oộ]ng|c[oộ]ng h[oò]a|^stt$|^tt$|nhi[eệ]m v[uụ]$|^ch[iỉ] ti[eê]u$/i.test(n))).toEqual([]);
    }
  });

  it('traces every imported row to its source row and says how it was matched', () => {
    for (const o of docx.outcomes) {
      expect(docx.notes[o.code]).toMatch(new RegExp(`^Nhập từ bảng ${o.table.source.name}, dòng ${o.row.rows[0] + 1}`));
      const grid = o.table.source.grid;
      expect(grid[o.row.rows[0]][o.table.columns.name as number]).toContain((o.row.cells.name ?? '').split('\n')[0].split(' ').slice(0, 3).join(' '));
    }
  });
});

describe('matches never forced, close ones shown', () => {
  it('every own row of the seeds that is a catalog row worded otherwise is shown beside it; unrelated rows are not', () => {
    const shown = ['seed-000.docx', 'seed-001.docx', 'seed-002.docx'].flatMap((f) =>
      importFixture(f).outcomes.flatMap((o) =>
        o.match.how === 'own' && o.match.candidates.length > 0 ? [[o.row.stt, o.match.candidates.map((c) => `${c.code} ${Math.round(c.score * 100)}%`).join(' | ')]] : [],
      ),
    );
    expect(shown).toEqual([
      ['3', 'NV.CDDH.03 73%'], // "Kế hoạch truyền…": the seed's typo for "tuyên truyền"
      ['16', 'NV.CQS.01 63%'], // the plan names its town
      ['3', 'NV.TTHC.05 76% | NV.TTHC.06 66%'], // a tie: both shown, neither taken
      ['13', 'NV.TTHC.15 42%'], // "Tiếp tục thực hiện… Quyết định số 06/QĐ-TTg"
      ['3', 'NV.TTHC.12 100%'], // named twice in seed 001: the second stays its own
      ['13', 'NV.CDCV.05 51%'], // seed 002's five-year training plan
    ]);
  });
});

describe('what the Word documents show that the reader must handle', () => {
  it('seed 000: the two-row header with merged cells is read once and its repeats skipped; a row split by the page is joined', () => {
    const p = importFixture('seed-000.docx');
    const [p1, p2] = p.tables;
    expect(p1.headerRows).toEqual([0, 1]);
    expect(p1.columns).toEqual({ stt: 0, name: 1, target: 2, monitor: 3, executor: 4 });
    expect(p1.skipped.filter((s) => s.reason === 'header')).toHaveLength(6);
    expect(p2.skipped.map((s) => s.reason)).toEqual(['header', 'header', 'header', 'end']);
    const task5 = p.outcomes.find((o) => o.code === 'NV.TC.01');
    expect(task5?.row.rows).toEqual([7, 9]);
    expect(task5?.row.cells.name).toBe(
      'Ban hành và triển khai thực hiện: Kế hoạch ban hành văn bản quy phạm pháp luật, Kế hoạch rà soát, hệ thống hóa văn bản quy phạm pháp luật, ' +
        'Kế hoạch kiểm tra việc thực hiện văn bản quy phạm pháp luật, Kế hoạch theo dõi thi hành pháp luật năm 2025.',
    );
    expect(task5?.row.cells.deadline).toBe('Ban hành: Quý I\nThực hiện: Cả năm');
    // The vertically merged "Văn phòng UBND thị trấn" covers each unnumbered row under 6.2.
    expect(p.outcomes.filter((o) => o.area === 'CQS' && o.row.kind === 'indicator' && o.row.cells.monitor === 'Văn phòng UBND thị trấn')).toHaveLength(14);
  });

  it('seed 000: weak name fits stay the unit’s own rows, with the catalog row to check and how close', () => {
    const p = importFixture('seed-000.docx');
    const own = p.outcomes.filter((o) => o.match.how === 'own');
    expect(own.map((o) => [o.code, o.match.how === 'own' ? o.match.candidates.map((c) => c.code) : []])).toEqual([
      ['NV.CDDH.90002.01', ['NV.CDDH.03']],
      ['NV.CQS.90002.01', ['NV.CQS.01']],
    ]);
    expect(p.notes['NV.CDDH.90002.01']).toBe('Nhập từ bảng 5, dòng 5 (STT 3); dòng riêng của đơn vị, có thể là dòng “Kế hoạch tuyên truyền công tác cải cách hành chính năm 2025” của biểu mẫu chuẩn (giống 73%) — hãy kiểm tra.');
    expect(p.notes['CT.TC.01']).toBe('Nhập từ bảng 2, dòng 4 (STT 2); khớp theo tên, độ giống 92%.');
  });

  it('seed 001: empty deadlines are listed with their cells; a task named twice is kept once from the catalog', () => {
    const p = importFixture('seed-001.docx');
    expect(p.unreadable.map((u) => [u.role, u.cell, u.text, u.reason])).toEqual([
      ['deadline', 'bảng 2, dòng 3, cột Thời gian hoàn thành', '', 'ô trống: giữ thời gian hoàn thành của biểu mẫu chuẩn.'],
      ['deadline', 'bảng 2, dòng 25, cột Thời gian hoàn thành', '', 'ô trống: giữ thời gian hoàn thành của biểu mẫu chuẩn.'],
      ['deadline', 'bảng 2, dòng 45, cột Thời gian hoàn thành', '', 'ô trống: giữ thời gian hoàn thành của biểu mẫu chuẩn.'],
    ]);
    const twice = p.outcomes.filter((o) => /^Triển khai số hóa hồ sơ giải quyết TTHC/.test(o.row.cells.name ?? ''));
    expect(twice.map((o) => o.code)).toEqual(['NV.TTHC.12', 'NV.CQS.90002.01']);
    const tie = p.outcomes.find((o) => o.code === 'NV.TTHC.90002.01');
    expect(tie?.match).toMatchObject({ how: 'own', tie: true });
  });

  it('the sheet form names cells by their address', () => {
    const p = importFixture('seed-001.xlsx');
    expect(p.unreadable.map((u) => u.cell)).toEqual(['trang "Sheet1", ô B5', 'trang "Sheet1", ô B24', 'trang "Sheet1", ô B40']);
  });
});
