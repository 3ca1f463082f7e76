import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { matchIndicatorByName, matchTaskByName, nameWords, rankByName } from '../../shared/catalog/match';
import { buildPlan } from '../../shared/catalog/plan';
import type { Catalog } from '../../shared/model';
import { foldKey } from '../../shared/text/normalize';

const ind = (name: string) => matchIndicatorByName(CATALOG_2025, name);
const task = (name: string) => matchTaskByName(CATALOG_2025, name);

describe('nameWords', () => {
  it('folds, spells out abbreviations, drops filler words, years and unit words', () => {
    expect(nameWords('Tỷ lệ hồ sơ TTHC của UBND thị trấn năm 2024')).toEqual([
      'ty', 'le', 'hoso', 'thu', 'tuc', 'hanh', 'chinh', 'uy', 'ban', 'nhan', 'dan',
    ]);
    expect(nameWords('Kế hoạch CCHC')).toEqual(['ke', 'hoach', 'cai', 'cach', 'hanh', 'chinh']);
  });

  it('keeps apart what folding would merge: số hóa, hồ sơ, chữ ký số, xã hội', () => {
    expect(nameWords('Số hóa hồ sơ')).toEqual(['sohoa', 'hoso']);
    expect(nameWords('chữ ký số')).toEqual(['chu', 'ky', 'digital']);
    expect(nameWords('Văn hóa - Xã hội')).toEqual(['van', 'hoa', 'xahoi']);
    expect(nameWords('dịch vụ công trực tuyến')).toEqual(['dich', 'vu', 'cong', 'tructuyen']);
  });
});

describe('every catalog row finds itself', () => {
  it.each(CATALOG_2025.indicators.map((i) => [i.code, i.name] as const))('indicator %s by its name', (code, name) => {
    expect(ind(name)).toBe(code);
    expect(ind(foldKey(name))).toBe(code);
    expect(ind(name.normalize('NFD'))).toBe(code);
  });

  it.each(CATALOG_2025.tasks.map((t) => [t.code, t.name] as const))('task %s by its name', (code, name) => {
    expect(task(name)).toBe(code);
    expect(task(foldKey(name).toUpperCase())).toBe(code);
    expect(task(name.replace(/2025/g, '2024'))).toBe(code);
  });

  it('by each of its aliases', () => {
    for (const i of CATALOG_2025.indicators) for (const a of i.aliases ?? []) expect([a, ind(a)]).toEqual([a, i.code]);
    for (const t of CATALOG_2025.tasks) for (const a of t.aliases ?? []) expect([a, task(a)]).toEqual([a, t.code]);
  });
});

describe('matchIndicatorByName on names as units write them', () => {
  it.each([
    // typed without diacritics
    ['Ty le ho so truc tuyen tren tong so ho so tiep nhan, giai quyet TTHC', 'CT.CQS.06'],
    ['ty le ho so truc tuyen toan trinh', 'CT.CQS.07'],
    ['Muc do hai long cua nguoi dan, doanh nghiep ve giai quyet TTHC', 'CT.CQS.14'],
    ['Ty le giai quyet ho so dung han', 'CT.TTHC.03'],
    ['TU KIEM TRA CCHC', 'CT.CDDH.01'],
    // seed wordings, a thị trấn's copy
    ['Tỷ lệ cán bộ, công chức cấp thị trấn đạt chuẩn theo quy định', 'CT.CDCV.01'],
    [
      'Các văn bản quy phạm pháp luật trên địa bàn thị trấn được ban hành đúng trình tự, thủ tục, thẩm quyền và đảm bảo chất lượng theo quy định',
      'CT.TC.01',
    ],
    [
      'Tỷ lệ số lượng bản sao chứng thực điện tử trên tổng số bản sao do UBND cấp thị trấn và Phòng Tư pháp cấp huyện chứng thực',
      'CT.CQS.10',
    ],
    ['Tỷ lệ lập hồ sơ công việc (trừ hồ sơ mật) trên môi trường mạng:', 'CT.CQS.01'],
    // small wording changes
    ['Tỷ lệ số hoá hồ sơ, kết quả giải quyết TTHC', 'CT.CQS.08'],
    ['Tỷ lệ hồ sơ TTHC tiếp nhận trong năm được giải quyết trước và đúng hạn', 'CT.TTHC.03'],
    ['Tỷ lệ thanh toán trực tuyến', 'CT.CQS.05'],
    ['Tỷ lệ văn bản điện tử có chữ ký số', 'CT.CQS.16'],
    ['Tỷ lệ lập hồ sơ công việc trên môi trường mạng', 'CT.CQS.01'],
    ['Thời gian chờ đợi của người dân tại bộ phận một cửa', 'CT.TTHC.13'],
    ['Tỷ lệ xử lý phản ánh kiến nghị đúng hạn', 'CT.CQS.13'],
    ['Tỷ lệ TTHC được cung cấp DVC trực tuyến (nếu có phát sinh giao dịch thực tế) phát sinh hồ sơ trực tuyến', 'CT.CQS.02'],
  ])('%s → %s', (name, code) => {
    expect(ind(name)).toBe(code);
  });

  it.each([
    [''],
    ['   '],
    ['Tổng cộng'],
    ['Tỷ lệ'],
    ['Tỷ lệ hồ sơ'],
    ['Tỷ lệ hộ nghèo'],
    ['Số km đường giao thông nông thôn được bê tông hóa'],
    ['Tỷ lệ trẻ em trong độ tuổi được tiêm chủng đầy đủ'],
    ['STT'],
  ])('is null for %j, which is no catalog indicator or too vague', (name) => {
    expect(ind(name)).toBeNull();
  });

  it('is null when two rows fit equally: the two payment rows differ only in "dịch vụ công" vs "thanh toán"', () => {
    expect(ind('Tỷ lệ TTHC được cung cấp trực tuyến phát sinh giao dịch')).toBeNull();
  });

  it('is null for what is not text', () => {
    expect(ind(12 as unknown as string)).toBeNull();
    expect(ind(null as unknown as string)).toBeNull();
  });
});

describe('matchTaskByName on names copied from last year', () => {
  it.each([
    ['Ke hoach cai cach hanh chinh nam 2024', 'NV.CDDH.01'],
    ['Kế hoạch CCHC năm 2025', 'NV.CDDH.01'],
    ['Ban hành kế hoạch CCHC năm kịp thời', 'NV.CDDH.01'],
    ['Kế hoạch tự kiểm tra công tác CCHC năm 2024', 'NV.CDDH.02'],
    ['Kế hoạch tuyên truyền CCHC năm 2024', 'NV.CDDH.03'],
    ['Kế hoạch chuyển đổi số thị trấn Bình Dương năm 2024', 'NV.CQS.01'],
    ['Ban hành kế hoạch Kiểm soát TTHC', 'NV.TTHC.03'],
    ['Triển khai số hóa hồ sơ giải quyết thủ tục hành chính', 'NV.TTHC.12'],
    ['Báo cáo kê khai tài sản CB, CC năm 2024', 'NV.CDCV.02'],
    ['Thực hiện Công khai tài chính', 'NV.TCC.02'],
    ['Duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%,', 'NV.TTHC.14'],
    ['Báo cáo kết quả thực hiện chuyển đổi số', 'NV.CQS.04'],
  ])('%s → %s', (name, code) => {
    expect(task(name)).toBe(code);
  });

  it.each([['Kế hoạch'], ['Báo cáo'], ['Tổ chức đại hội thể dục thể thao'], ['TỔNG CỘNG: 18 NHIỆM VỤ']])(
    'is null for %j',
    (name) => {
      expect(task(name)).toBeNull();
    },
  );
});

describe('rankByName', () => {
  it('ranks the closest rows first with scores between 0 and 1', () => {
    const ranked = rankByName(CATALOG_2025.indicators, 'Tỷ lệ hồ sơ trực tuyến toàn trình', 3);
    expect(ranked.map((r) => r.code)).toEqual(['CT.CQS.07', 'CT.CQS.06', expect.any(String)]);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(rankByName(CATALOG_2025.indicators, '')).toEqual([]);
  });
});

describe('matching a unit plan', () => {
  it('finds the unit\'s own rows too', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraIndicators: [
        {
          code: 'CT.KHAC.01', area: 'KHAC', stt: '', name: 'Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa', kind: 'ratio',
          numerator: 'Số hộ đạt', denominator: 'Tổng số hộ', target: '90%', monitor: 'Văn phòng UBND xã', executor: 'Các thôn',
        },
      ],
    });
    const planCatalog: Catalog = { ...CATALOG_2025, indicators: plan.indicators, tasks: plan.tasks };
    expect(matchIndicatorByName(planCatalog, 'Ty le ho gia dinh dat danh hieu gia dinh van hoa')).toBe('CT.KHAC.01');
    expect(matchIndicatorByName(CATALOG_2025, 'Ty le ho gia dinh dat danh hieu gia dinh van hoa')).toBeNull();
  });
});
