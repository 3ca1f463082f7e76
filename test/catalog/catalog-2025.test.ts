import { AREAS } from '../../shared/catalog/areas';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { catalogIndex } from '../../shared/catalog/match';
import type { CatalogIndicator, CatalogTask } from '../../shared/model';

const { indicators, tasks } = CATALOG_2025;
const index = catalogIndex(CATALOG_2025);
const ind = (code: string): CatalogIndicator => {
  const row = index.indicators.get(code);
  if (!row) throw new Error(`no indicator ${code}`);
  return row;
};
const task = (code: string): CatalogTask => {
  const row = index.tasks.get(code);
  if (!row) throw new Error(`no task ${code}`);
  return row;
};
const AREA_CODES = AREAS.map((a) => a.code).join('|');

describe('CATALOG_2025 identity', () => {
  it('is catalog CCHC-2025 version 2025.1 for 2025 with every area named in order', () => {
    expect(CATALOG_2025.id).toBe('CCHC-2025');
    expect(CATALOG_2025.version).toBe('2025.1');
    expect(CATALOG_2025.year).toBe(2025);
    expect(CATALOG_2025.areas).toEqual(AREAS.map(({ code, name }) => ({ code, name })));
  });
});

describe('codes', () => {
  it('are unique across indicators and tasks', () => {
    const codes = [...indicators.map((i) => i.code), ...tasks.map((t) => t.code)];
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are CT.<area>.<NN> for indicators and NV.<area>.<NN> for tasks, the area matching the row', () => {
    const indicatorCode = new RegExp(`^CT\\.(${AREA_CODES})\\.\\d{2}$`);
    const taskCode = new RegExp(`^NV\\.(${AREA_CODES})\\.\\d{2}$`);
    for (const i of indicators) {
      expect(i.code).toMatch(indicatorCode);
      expect(i.code.split('.')[1]).toBe(i.area);
    }
    for (const t of tasks) {
      expect(t.code).toMatch(taskCode);
      expect(t.code.split('.')[1]).toBe(t.area);
    }
  });

  it('number each area from 01 without gaps, in catalog order', () => {
    for (const rows of [indicators, tasks]) {
      const seen = new Map<string, number>();
      for (const r of rows) {
        const n = (seen.get(r.area) ?? 0) + 1;
        seen.set(r.area, n);
        expect([r.code, Number(r.code.split('.')[2])]).toEqual([r.code, n]);
      }
    }
  });

  it('keeps rows grouped by area in the usual order', () => {
    const order = (a: string) => AREAS.findIndex((x) => x.code === a);
    for (const rows of [indicators, tasks]) {
      const positions = rows.map((r) => order(r.area));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });

  it('uses only areas that have a name', () => {
    const named = new Set(CATALOG_2025.areas.filter((a) => a.name.trim()).map((a) => a.code));
    for (const r of [...indicators, ...tasks]) expect(named.has(r.area)).toBe(true);
    for (const h of CATALOG_2025.headings ?? []) expect(named.has(h.area)).toBe(true);
  });
});

describe('text quality', () => {
  const texts: [string, string][] = [
    ...indicators.flatMap((i) =>
      [i.name, i.target, i.monitor, i.executor, i.numerator ?? '', i.denominator ?? '', ...(i.aliases ?? [])].map(
        (t): [string, string] => [i.code, t],
      ),
    ),
    ...tasks.flatMap((t) =>
      [t.name, t.product, t.lead, t.partners, t.deadline, t.note, ...(t.aliases ?? [])].map((x): [string, string] => [t.code, x]),
    ),
  ];

  it('is NFC, trimmed, single-spaced, without line breaks', () => {
    for (const [code, t] of texts) {
      expect([code, t]).toEqual([code, t.normalize('NFC').trim()]);
      expect([code, /\s{2,}|\n/.test(t)]).toEqual([code, false]);
    }
  });

  it('names no particular town or district of the seeds, and never hard-codes "huyện" as the level above', () => {
    for (const [code, t] of texts) {
      expect([code, /Bình Dương|Anh Sơn|Bút Sơn|Bình Tân|Bình Giang|Nghi Sơn|Phù Mỹ|thị trấn/.test(t)]).toEqual([code, false]);
      expect([code, /UBND huyện|cấp huyện(?! chứng thực)/.test(t)]).toEqual([code, false]);
    }
  });

  it('gives every row a name, a target or deadline, and ratio rows both terms', () => {
    for (const i of indicators) {
      expect(i.name.length).toBeGreaterThan(5);
      expect(i.target).not.toBe('');
      expect(i.monitor).not.toBe('');
      expect(i.executor).not.toBe('');
      expect(i.sources.length).toBeGreaterThan(0);
      if (i.kind === 'ratio') {
        expect([i.code, !!i.numerator && !!i.denominator]).toEqual([i.code, true]);
      } else {
        expect([i.code, i.numerator, i.denominator]).toEqual([i.code, undefined, undefined]);
      }
    }
    for (const t of tasks) {
      expect(t.name.length).toBeGreaterThan(5);
      expect(t.product).not.toBe('');
      expect(t.lead).not.toBe('');
      expect(t.deadline).not.toBe('');
      expect(t.sources.length).toBeGreaterThan(0);
    }
  });

  it('lists sources as known seed numbers, sorted, without repeats', () => {
    for (const r of [...indicators, ...tasks]) {
      for (const s of r.sources) expect(['000', '001', '002', '003', '004']).toContain(s);
      expect(r.sources).toEqual([...new Set(r.sources)].sort());
    }
  });

  it('has no two rows with the same name', () => {
    for (const rows of [indicators, tasks]) {
      const names = rows.map((r) => r.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
  });
});

describe('seed 000, Phụ lục 1', () => {
  it('holds every row with its STT hierarchy', () => {
    const pl1: [string, string, string][] = [
      ['1', 'CT.CDDH.01', 'Tự kiểm tra cải cách hành chính'],
      ['2', 'CT.TC.01', 'Văn bản quy phạm pháp luật được ban hành đúng trình tự, thủ tục, thẩm quyền và bảo đảm chất lượng theo quy định'],
      ['3.1', 'CT.TTHC.01', 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa'],
      ['3.2', 'CT.TTHC.02', 'Tỷ lệ công bố, công khai thủ tục hành chính đúng hạn'],
      ['4', 'CT.CDCV.01', 'Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định'],
      ['5', 'CT.TCC.01', 'Đổi mới cơ chế hoạt động các đơn vị sự nghiệp công lập'],
      ['6.1', 'CT.CQS.01', 'Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng'],
      ['6.2.1', 'CT.CQS.02', 'Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh hồ sơ trực tuyến'],
      ['6.2.2', 'CT.CQS.03', 'Tỷ lệ TTHC được cung cấp dịch vụ thanh toán trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh giao dịch trực tuyến'],
      ['6.2.3', 'CT.CQS.04', 'Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện theo quy định'],
      ['6.2.4', 'CT.CQS.05', 'Tỷ lệ thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công'],
      ['6.2.5', 'CT.CQS.06', 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính'],
      ['6.2.6', 'CT.CQS.07', 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến'],
      ['6.2.7', 'CT.CQS.08', 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính'],
      ['6.2.8', 'CT.CQS.09', 'Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử'],
      ['6.2.9', 'CT.CQS.10', 'Tỷ lệ bản sao chứng thực điện tử trên tổng số bản sao do UBND cấp xã chứng thực'],
      ['6.2.10', 'CT.CQS.11', 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa'],
      ['6.2.11', 'CT.CQS.12', 'Tỷ lệ kết quả xử lý hồ sơ thủ tục hành chính được đồng bộ đầy đủ trên Cổng Dịch vụ công quốc gia'],
      ['6.2.12', 'CT.CQS.13', 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn'],
      ['6.2.13', 'CT.CQS.14', 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp'],
    ];
    for (const [stt, code, name] of pl1) {
      expect([code, ind(code).stt, ind(code).name]).toEqual([code, stt, name]);
      expect(ind(code).sources).toContain('000');
    }
    // No other row takes one of these numbers.
    const numbers = new Set(pl1.map(([stt]) => stt));
    expect(indicators.filter((i) => numbers.has(i.stt))).toHaveLength(pl1.length);
  });

  it('continues groups 3 and 6 for rows added there and leaves rows added elsewhere unnumbered', () => {
    expect(indicators.filter((i) => i.area === 'TTHC').map((i) => i.stt)).toEqual(
      Array.from({ length: 14 }, (_, k) => `3.${k + 1}`),
    );
    expect(ind('CT.CQS.15').stt).toBe('6.3');
    expect(ind('CT.CDDH.02').stt).toBe('');
    expect(ind('CT.TD.01').stt).toBe('');
  });

  it('keeps the group rows 3, 6 and 6.2 as headings over their rows', () => {
    const headings = CATALOG_2025.headings ?? [];
    expect(headings.map((h) => [h.area, h.stt, h.name])).toEqual([
      ['TTHC', '3', 'Cải cách thủ tục hành chính'],
      ['CQS', '6', 'Chính quyền điện tử, chính quyền số'],
      ['CQS', '6.2', 'Nâng cao chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công'],
    ]);
    const h62 = headings[2];
    expect(h62.codes).toHaveLength(13);
    expect(h62.codes[0]).toBe('CT.CQS.02');
    expect(h62.codes[12]).toBe('CT.CQS.14');
    for (const h of headings) for (const code of h.codes) expect(ind(code).stt.startsWith(`${h.stt}.`)).toBe(true);
    expect(headings[0].codes).toContain('CT.TTHC.01');
    expect(headings[0].codes).toContain('CT.TTHC.14');
  });

  it('row 1: self-inspection of every specialised section', () => {
    expect(ind('CT.CDDH.01')).toMatchObject({
      stt: '1',
      name: 'Tự kiểm tra cải cách hành chính',
      kind: 'ratio',
      target: '100% số bộ phận chuyên môn thuộc UBND xã',
      monitor: 'Văn phòng UBND xã',
      executor: 'Các bộ phận chuyên môn thuộc UBND xã',
      sources: ['000'],
    });
  });

  it('row 3.1: two targets in one cell', () => {
    expect(ind('CT.TTHC.01')).toMatchObject({
      stt: '3.1',
      name: 'Thủ tục hành chính nội bộ được công bố, đơn giản hóa',
      target: 'Công bố 100% TTHC nội bộ; đơn giản hóa 10% TTHC nội bộ',
      numerator: 'Số TTHC nội bộ được công bố',
      denominator: 'Tổng số TTHC nội bộ thuộc thẩm quyền',
    });
  });

  it('row 4 reads 100%, not the seed\'s impossible "Trên 100%"', () => {
    expect(ind('CT.CDCV.01')).toMatchObject({ stt: '4', name: 'Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn theo quy định', target: '100%' });
  });

  it('row 5 is qualitative', () => {
    expect(ind('CT.TCC.01')).toMatchObject({
      stt: '5',
      name: 'Đổi mới cơ chế hoạt động các đơn vị sự nghiệp công lập',
      kind: 'qualitative',
      target: 'Hoàn thành các chỉ tiêu đề ra theo Kế hoạch',
      monitor: 'Công chức Tài chính - Kế toán',
    });
  });

  it('6.2 rows: online files, full-process files, satisfaction', () => {
    expect(ind('CT.CQS.06')).toMatchObject({
      stt: '6.2.5',
      name: 'Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận, giải quyết thủ tục hành chính',
      kind: 'ratio',
      numerator: 'Số hồ sơ tiếp nhận trực tuyến',
      denominator: 'Tổng số hồ sơ tiếp nhận',
      target: '100%',
      sources: ['000', '001', '003', '004'],
    });
    expect(ind('CT.CQS.07')).toMatchObject({
      name: 'Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ trực tuyến',
      target: '75%',
      numerator: 'Số hồ sơ trực tuyến toàn trình',
      denominator: 'Tổng số hồ sơ trực tuyến',
      sources: ['000'],
    });
    expect(ind('CT.CQS.11')).toMatchObject({ name: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', target: '70%' });
    expect(ind('CT.CQS.14')).toMatchObject({
      name: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp',
      target: '95%',
      numerator: 'Số phiếu đánh giá hài lòng',
      denominator: 'Tổng số phiếu đánh giá',
      sources: ['000', '003', '004'],
    });
    expect(ind('CT.CQS.01')).toMatchObject({
      stt: '6.1',
      name: 'Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng',
      target: '80%',
      executor: 'Cán bộ, công chức cấp xã',
    });
  });
});

describe('numeric targets of seeds 001, 003 and 004, deduplicated', () => {
  it('on-time files: one row named by all four seeds', () => {
    expect(ind('CT.TTHC.03')).toMatchObject({
      name: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn',
      kind: 'ratio',
      numerator: 'Số hồ sơ giải quyết trước hạn và đúng hạn',
      denominator: 'Tổng số hồ sơ đã giải quyết',
      target: 'Tối thiểu 98%',
      sources: ['000', '001', '003', '004'],
    });
  });

  it('online payment and digitisation rows list every seed naming them', () => {
    expect(ind('CT.CQS.05').sources).toEqual(['000', '001', '003', '004']);
    expect(ind('CT.CQS.05').numerator).toBe('Số giao dịch thanh toán trực tuyến');
    expect(ind('CT.CQS.08')).toMatchObject({ name: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', sources: ['000', '001', '003', '004'] });
    expect(ind('CT.TTHC.04')).toMatchObject({
      name: 'Tỷ lệ thủ tục hành chính có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến',
      target: 'Tối thiểu 80%',
      sources: ['003', '004'],
    });
  });

  it('seed 001: electronic documents and digital signatures', () => {
    expect(ind('CT.CQS.15')).toMatchObject({
      name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử với các cơ quan nhà nước (trừ văn bản mật)',
      target: '100%',
      sources: ['001'],
    });
    expect(ind('CT.CQS.16')).toMatchObject({
      name: 'Tỷ lệ văn bản trao đổi dưới dạng điện tử sử dụng chữ ký số',
      numerator: 'Số văn bản điện tử có chữ ký số',
      denominator: 'Tổng số văn bản trao đổi dưới dạng điện tử',
      sources: ['001'],
    });
    expect(ind('CT.TC.03')).toMatchObject({ target: '100%', sources: ['001'] });
    expect(ind('CT.CDDH.03')).toMatchObject({ target: '50%', sources: ['001', '003'] });
  });

  it('seed 003 (restored diacritics): simplification, reuse of data, count of news items', () => {
    expect(ind('CT.TTHC.08')).toMatchObject({ name: 'Tỷ lệ thủ tục hành chính được rà soát, kiến nghị đơn giản hóa', target: '10%', sources: ['003'] });
    expect(ind('CT.TTHC.09')).toMatchObject({ target: 'Tối thiểu 20%', sources: ['003'] });
    expect(ind('CT.TTHC.05')).toMatchObject({ target: '80%', sources: ['001', '003', '004'] });
    expect(ind('CT.CDDH.04')).toMatchObject({
      name: 'Số bản tin, bài viết, sản phẩm truyền thông về cải cách hành chính trong năm',
      kind: 'count',
      target: 'Từ 15 bản tin, bài viết trở lên',
    });
  });

  it('seed 004: waiting time, land-sector satisfaction, e-routing, digital skills', () => {
    expect(ind('CT.TTHC.13')).toMatchObject({
      name: 'Thời gian chờ đợi trung bình của người dân, doanh nghiệp tại Bộ phận Một cửa',
      kind: 'duration',
      target: 'Tối đa 15 phút/01 lượt giao dịch',
      sources: ['004'],
    });
    expect(ind('CT.TTHC.12')).toMatchObject({ target: 'Tối thiểu 85%', kind: 'ratio' });
    expect(ind('CT.TTHC.11')).toMatchObject({ target: 'Tối thiểu 80%', sources: ['004'] });
    expect(ind('CT.CQS.23')).toMatchObject({ name: 'Tỷ lệ cán bộ, công chức được tập huấn, bồi dưỡng kỹ năng số cơ bản', target: '50%' });
    expect(ind('CT.TC.07')).toMatchObject({ kind: 'count', target: '02 hoạt động' });
    expect(ind('CT.TD.01')).toMatchObject({ area: 'TD', target: 'Từ 100% trở lên' });
  });

  it('has every kind of indicator', () => {
    const kinds = new Set(indicators.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['count', 'duration', 'qualitative', 'ratio']);
  });
});

describe('tasks', () => {
  it('hold the 18 tasks of seed 000 and the 38 rows of seed 001 (one repeated there, four shared with 000)', () => {
    expect(tasks.filter((t) => t.sources.includes('000'))).toHaveLength(18);
    expect(tasks.filter((t) => t.sources.includes('001'))).toHaveLength(37);
    expect(tasks.filter((t) => t.sources.includes('000') && t.sources.includes('001')).map((t) => t.code)).toEqual([
      'NV.CDDH.01', 'NV.CDDH.03', 'NV.TC.02', 'NV.CQS.01',
    ]);
    expect(tasks.length).toBeGreaterThanOrEqual(18 + 33);
  });

  it('seed 000 task 1: plan then year-long execution', () => {
    expect(task('NV.CDDH.01')).toMatchObject({
      name: 'Kế hoạch cải cách hành chính năm 2025',
      product: 'Kế hoạch của UBND xã',
      lead: 'Văn phòng UBND xã',
      partners: 'Các ngành liên quan',
      deadline: 'Ban hành Kế hoạch: Quý I; Thực hiện: Cả năm',
    });
  });

  it('seed 000 tasks 10, 11, 13 and 18', () => {
    expect(task('NV.TCBM.01')).toMatchObject({ product: 'Quyết định của UBND xã', deadline: 'Quý I' });
    expect(task('NV.TCBM.02')).toMatchObject({
      name: 'Kế hoạch mua sắm trang thiết bị tập trung cho Bộ phận tiếp nhận và trả kết quả',
      partners: 'Tài chính - Kế toán',
      deadline: 'Cả năm',
    });
    expect(task('NV.CDCV.02')).toMatchObject({ name: 'Báo cáo kê khai tài sản của cán bộ, công chức năm 2025', deadline: 'Quý IV' });
    expect(task('NV.CQS.03')).toMatchObject({
      name: 'Kế hoạch tạo chữ ký số, tạo tài khoản dịch vụ công cho người dân',
      lead: 'Đoàn TNCS Hồ Chí Minh xã',
      partners: 'Công an xã, Văn hóa - Xã hội, Văn phòng UBND xã',
      deadline: 'Ban hành: Quý I; Thực hiện: Cả năm',
    });
  });

  it('seed 001: deadlines as written, notes saying how to measure', () => {
    expect(task('NV.CDCV.08')).toMatchObject({
      name: 'Rà soát số lượng, chất lượng cán bộ, công chức cấp xã',
      lead: 'Công chức Văn phòng - Thống kê',
      deadline: 'Trước 10/12/2025',
    });
    expect(task('NV.CDCV.04').deadline).toBe('Tháng 1/2025');
    expect(task('NV.CDDH.06').deadline).toBe('Trước tháng 12/2025');
    expect(task('NV.TTHC.14')).toMatchObject({ name: 'Duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%', lead: 'Bộ phận Một cửa', deadline: 'Thường xuyên' });
    expect(task('NV.TTHC.04').deadline).toBe(
      'Báo cáo quý I: 15/3/2025; Báo cáo quý II: 15/6/2025; Báo cáo quý III: 15/9/2025; Báo cáo năm: 15/12/2025',
    );
    expect(task('NV.TC.06').note).toMatch(/^Tính tỷ lệ % số nhiệm vụ rà soát đã hoàn thành so với tổng số nhiệm vụ/);
    expect(task('NV.TCC.03')).toMatchObject({ lead: 'Công chức Tài chính - Kế toán', deadline: 'Trước ngày 30/11/2025' });
  });

  it('seed 002: enterprise support', () => {
    expect(tasks.filter((t) => t.area === 'DN').map((t) => [t.code, t.deadline, t.sources])).toEqual([
      ['NV.DN.01', 'Thường xuyên', ['002']],
      ['NV.DN.02', 'Định kỳ hàng quý', ['002']],
    ]);
  });
});

describe('catalogIndex', () => {
  it('finds rows and areas by code', () => {
    expect(index.indicators.size).toBe(indicators.length);
    expect(index.tasks.size).toBe(tasks.length);
    expect(index.areas.get('CQS')?.name).toBe('Xây dựng chính quyền điện tử, chính quyền số');
    expect(index.indicators.get('CT.TTHC.03')?.target).toBe('Tối thiểu 98%');
    expect(index.tasks.get('NV.TTHC.99')).toBeUndefined();
  });
});
