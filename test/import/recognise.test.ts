import { headerRole } from '../../shared/import/header';
import { recogniseTables } from '../../shared/import/recognise';
import { isRoman, romanLead } from '../../shared/import/rows';

// Seed 000's Phụ lục 1 as a Word table reduces to: a header split over two rows ("Trách nhiệm cụ thể"
// merged above its two columns), the header repeated on the next page, a target cell broken over
// the page, numbered sections "3" and "6", and the unnumbered rows under "6.2".
const P1: string[][] = [
  ['PHỤ LỤC 1', '', '', '', ''],
  ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu\nnăm 2025', 'Trách nhiệm cụ thể', ''],
  ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu\nnăm 2025', 'Đơn vị theo dõi,\nhướng dẫn thực\nhiện', 'Đơn vị thực hiện'],
  ['1', 'Tự kiểm tra cải cách hành chính', '100% số bộ phận chuyên môn thuộc UBND thị trấn', 'Văn phòng UBND thị trấn', 'Các bộ phận chuyên môn thuộc UBND thị trấn'],
  ['3', 'Cải cách thủ tục hành chính', '', '', ''],
  ['3.1', 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa', 'Công bố 100% TTHC thuộc phạm vi giải quyết của UBND thị trấn', 'Văn phòng UBND thị trấn', 'Các bộ phận chuyên môn'],
  ['STT', 'Chỉ tiêu', 'Chỉ tiêu phấn đấu\nnăm 2025', 'Trách nhiệm cụ thể', ''],
  ['', '', '', 'Đơn vị theo dõi, hướng dẫn thực hiện', 'Đơn vị thực hiện'],
  ['', '', '- Thực hiện đơn giản hóa 10% số lượng TTHC nội bộ như nêu trên', '', ''],
  ['3.2', 'Tỷ lệ công bố, công khai thủ tục hành chính đúng hạn', '100%', 'Văn phòng UBND thị trấn', 'Các bộ phận chuyên môn'],
  ['4', 'Tỷ lệ cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định', 'Trên 100%', 'Văn phòng UBND thị trấn', 'Cán bộ, công chức'],
  ['6', 'Chính quyền điện tử, chính quyền số', '', '', ''],
  ['6.2', 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công', '', '', ''],
  ['', 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến', '75%', 'Văn phòng UBND thị trấn', 'Cán bộ, công chức'],
  ['', 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn', '100%', 'Văn phòng UBND thị trấn', 'Cán bộ, công chức'],
  ['4', '', '', '', ''],
  ['Nơi nhận:', '', 'TM. ỦY BAN NHÂN DÂN', '', ''],
  ['- Như trên;', '', 'CHỦ TỊCH', '', ''],
];

describe('header words', () => {
  it.each([
    ['STT', 'stt'], ['TT', 'stt'], ['Chỉ tiêu', 'name'], ['Nhiệm vụ thực hiện', 'name'], ['Noi dung thuc hien', 'name'],
    ['Chỉ tiêu phấn đấu năm 2025', 'target'], ['Muc tieu', 'target'], ['Sản phẩm/kết quả', 'product'],
    ['Công chức chủ trì\ntham mưu thực hiện', 'lead'], ['Cơ quan phối hợp', 'partners'], ['Thoi gian hoan thanh', 'deadline'],
    ['Thời gian', 'deadline'], ['Ghi chú', 'note'], ['Đơn vị theo dõi, hướng dẫn thực hiện', 'monitor'], ['Đơn vị thực hiện', 'doer'],
    ['Trách nhiệm cụ thể', null], ['Ban hành Kế hoạch: Quý I', null],
  ])('%j → %s', (text, role) => expect(headerRole(text as string)).toBe(role));
});

describe('section numbering', () => {
  it.each([['I', true], ['IV.', true], ['IX', true], ['X.', true], ['XII', true], ['IIII', false], ['VX', false], ['3', false], ['', false]])(
    'isRoman(%j) is %s', (text, yes) => expect(isRoman(text as string)).toBe(yes),
  );
  it('reads the numeral before a title, whatever follows it', () => {
    expect(romanLead('X. Nhiệm vụ khác')).toEqual({ numeral: 'X', title: 'Nhiệm vụ khác' });
    expect(romanLead('VII XÂY DỰNG VÀ PHÁT TRIỂN\nCHÍNH QUYỀN SỐ')).toEqual({ numeral: 'VII', title: 'XÂY DỰNG VÀ PHÁT TRIỂN\nCHÍNH QUYỀN SỐ' });
    expect(romanLead('Xây dựng kế hoạch')).toBeNull();
  });
});

describe('an indicator table like seed 000 Phụ lục 1', () => {
  const [table, ...more] = recogniseTables(P1);

  it('is one indicator table with its two-row header and each column placed', () => {
    expect(more).toHaveLength(0);
    expect(table.kind).toBe('indicator');
    expect(table.headerRows).toEqual([1, 2]);
    expect(table.columns).toEqual({ stt: 0, name: 1, target: 2, monitor: 3, executor: 4 });
  });

  it('reads every row with its number, area and source rows; the target broken over the page is joined', () => {
    expect(table.rows.map((r) => [r.stt, r.areas, r.heading?.stt ?? null, r.rows])).toEqual([
      ['1', [], null, [3]],
      ['3.1', ['TTHC'], null, [5, 8]],
      ['3.2', ['TTHC'], null, [9]],
      ['4', [], null, [10]],
      ['', ['CQS'], '6.2', [13]],
      ['', ['CQS'], '6.2', [14]],
    ]);
    expect(table.rows[1].cells.target).toBe(
      'Công bố 100% TTHC thuộc phạm vi giải quyết của UBND thị trấn\n- Thực hiện đơn giản hóa 10% số lượng TTHC nội bộ như nêu trên',
    );
    expect(table.rows[4].cells).toEqual({
      name: 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến', target: '75%',
      monitor: 'Văn phòng UBND thị trấn', executor: 'Cán bộ, công chức',
    });
  });

  it('reads the numbered sections and skips the repeated header, the group row, the page number and what follows the table', () => {
    expect(table.sections).toEqual([
      { row: 4, title: 'Cải cách thủ tục hành chính', areas: ['TTHC'] },
      { row: 11, title: 'Chính quyền điện tử, chính quyền số', areas: ['CQS'] },
    ]);
    expect(table.skipped.map((s) => [s.row, s.reason])).toEqual([
      [6, 'header'], [7, 'header'], [12, 'heading'], [15, 'furniture'], [16, 'end'],
    ]);
  });
});

describe('a task table', () => {
  it('reads Roman sections (beside or inside the number cell, merged sections), joins split rows, stops at signatures', () => {
    const grid = [
      ['Phụ lục', '', '', '', '', ''],
      ['STT', 'Nhiệm vụ thực hiện', 'Sản phẩm', 'Công chức chủ trì\ntham mưu thực hiện', 'Thời gian', 'Ghi chú'],
      ['I.', 'CẢI CÁCH THỂ CHẾ', '', '', '', ''],
      ['1', 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025', '- Kế hoạch', 'Công chức Tư pháp - HT', '', 'Ban hành đúng thời gian'],
      ['III. CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CẢI CÁCH CHẾ ĐỘ CÔNG VỤ', '', '', '', '', ''],
      ['3', 'Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc', '- Báo cáo', 'Công chức Văn phòng - TK', 'Trong năm 2025', '- Yêu cầu: Tổ chức'],
      ['STT', 'Nhiệm vụ thực hiện', 'Sản phẩm', 'Công chức chủ trì tham mưu thực hiện', 'Thời gian', 'Ghi chú'],
      ['', 'thẩm quyền giải quyết của UBND cấp huyện', '', '', '', 'định tại Nghị định số 20/2008/NĐ-CP'],
      ['', 'Thực hiện công khai dự toán ngân sách', 'Văn bản công khai', '', '', ''],
      ['VIII', 'Những việc chưa xếp lĩnh vực', '', '', '', ''],
      ['1', 'Việc riêng', '', '', 'Quý I', ''],
      ['TỔNG CỘNG: 18 NHIỆM VỤ', '', '', '', '', ''],
      ['1', 'Không phải dòng phụ lục', '', '', 'Quý I', ''],
    ];
    const [t] = recogniseTables(grid);
    expect(t.kind).toBe('task');
    expect(t.columns).toEqual({ stt: 0, name: 1, product: 2, lead: 3, deadline: 4, note: 5 });
    expect(t.sections.map((s) => [s.row, s.areas])).toEqual([[2, ['TC']], [4, ['TCBM', 'CDCV']], [9, []]]);
    expect(t.rows.map((r) => [r.stt, r.areas, r.rows, r.cells.name])).toEqual([
      ['1', ['TC'], [3], 'Ban hành Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025'],
      ['3', ['TCBM', 'CDCV'], [5, 7], 'Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của UBND cấp huyện'],
      ['', ['TCBM', 'CDCV'], [8], 'Thực hiện công khai dự toán ngân sách'],
      ['1', [], [10], 'Việc riêng'],
    ]);
    expect(t.rows[1].cells.note).toBe('- Yêu cầu: Tổ chức định tại Nghị định số 20/2008/NĐ-CP');
    expect(t.skipped.map((s) => [s.row, s.reason])).toEqual([[6, 'header'], [11, 'end']]);
  });

  it('finds a header typed without diacritics, columns in another order, after title rows; two tables on one sheet', () => {
    const grid = [
      ['KE HOACH CCHC NAM 2025', '', '', ''],
      ['Thoi gian hoan thanh', 'Nhiem vu', 'TT', 'Co quan chu tri'],
      ['', 'Cai cach the che', '', ''],
      ['Quy I', 'Ke hoach tuyen truyen', '1', 'Van phong'],
      ['', '', '', ''],
      ['Chi tieu phan dau', 'STT', 'Chi tieu', 'Don vi thuc hien'],
      ['100%', '1', 'Ty le ho so truc tuyen', 'Mot cua'],
    ];
    const tables = recogniseTables(grid);
    expect(tables.map((t) => [t.kind, t.headerRows, t.columns])).toEqual([
      ['task', [1], { deadline: 0, name: 1, stt: 2, lead: 3 }],
      ['indicator', [5], { target: 0, stt: 1, name: 2, executor: 3 }],
    ]);
    expect(tables[0].rows.map((r) => [r.stt, r.areas, r.cells.deadline])).toEqual([['1', ['TC'], 'Quy I']]);
    expect(tables[1].rows.map((r) => [r.stt, r.cells.target])).toEqual([['1', '100%']]);
  });

  it('finds nothing in a grid without an annex header', () => {
    expect(recogniseTables([['Nơi nhận:'], ['STT', 'Họ tên'], ['1', 'Nguyễn Văn A']])).toEqual([]);
  });
});
