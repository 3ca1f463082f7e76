import { AREAS, areaName, areaOrder, isAreaCode, matchArea, matchAreas } from '../../shared/catalog/areas';
import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';

describe('AREAS', () => {
  it('lists the ten areas in the usual order with their printed names', () => {
    expect(AREAS.map((a) => a.code)).toEqual(['CDDH', 'TC', 'TTHC', 'TCBM', 'CDCV', 'TCC', 'CQS', 'TD', 'DN', 'KHAC']);
    expect(AREAS[0].name).toBe('Công tác chỉ đạo, điều hành');
    expect(AREAS[2].name).toBe('Cải cách thủ tục hành chính');
    expect(AREAS[6].name).toBe('Xây dựng chính quyền điện tử, chính quyền số');
    expect(AREAS[8].name).toBe('Hỗ trợ phát triển doanh nghiệp');
    expect(AREAS[9].name).toBe('Nhiệm vụ khác');
  });

  it('writes names and aliases in NFC', () => {
    for (const a of AREAS) for (const t of [a.name, ...a.aliases]) expect(t).toBe(t.normalize('NFC'));
  });

  it('recognises its own names and aliases', () => {
    for (const a of AREAS) {
      expect(matchArea(a.name)).toBe(a.code);
      for (const alias of a.aliases) expect([alias, matchArea(alias)]).toEqual([alias, a.code]);
    }
  });

  it('orders, names and checks codes', () => {
    expect(areaOrder('CDDH')).toBe(0);
    expect(areaOrder('KHAC')).toBe(9);
    expect(areaName('TCC')).toBe('Cải cách tài chính công');
    expect(isAreaCode('TTHC')).toBe(true);
    expect(isAreaCode('tthc')).toBe(false);
    expect(isAreaCode(3)).toBe(false);
  });
});

describe('matchArea on section-row titles as plans write them', () => {
  it.each([
    // seed 000, Phụ lục 2
    ['I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH', 'CDDH'],
    ['II. CẢI CÁCH THỂ CHẾ', 'TC'],
    ['III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH', 'TTHC'],
    ['IV. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC', 'TCBM'],
    ['V.\nCẢI CÁCH CHẾ ĐỘ CÔNG VỤ', 'CDCV'],
    ['VI. CẢI CÁCH TÀI CHÍNH CÔNG', 'TCC'],
    ['VII XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ', 'CQS'],
    // seed 000, Phụ lục 1 group rows
    ['3 Cải cách thủ tục hành chính', 'TTHC'],
    ['6 Chính quyền điện tử, chính quyền số', 'CQS'],
    // seed 001
    ['V. XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ', 'CQS'],
    ['2.7. Công tác chỉ đạo điều hành, thông tin, tuyên truyền về cải cách hành chính', 'CDDH'],
    ['2.4. Cải cách chế độ cộng vụ', 'CDCV'],
    // seed 002 (its own typo "Các cách")
    ['II Các cách thủ tục hành chính', 'TTHC'],
    ['VII Hỗ trợ phát triển doanh nghiệp', 'DN'],
    ['7. Xây dựng văn hóa hỗ trợ, đồng hành cùng nhà đầu tư, doanh nghiệp', 'DN'],
    ['4. Cải cách chế độ công vụ, siết chặt kỷ luật, kỷ cương hành chính', 'CDCV'],
    // seed 003: OCR, no diacritics
    ['2. Cai cach thu tuc hanh chinh', 'TTHC'],
    ['1. Cii cach thé ché', 'TC'],
    ['4. Cai cach ché dj cong vu', 'CDCV'],
    ['5. Cai cach tai chinh cong', 'TCC'],
    ['6. XAy dung va phat trién chinh quyén dién tir, chinh quyén s6', 'CQS'],
    ['7. Cong tac chi dao, diéu hanh thye hién cii cich hanh chinh', 'CDDH'],
    // seed 004 (markdown bold kept by the extraction)
    ['**8. Đánh giá tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội**', 'TD'],
    ['### **1. Công tác chỉ đạo, điều hành**', 'CDDH'],
    ['## **3. Cải cách thủ tục hành chính (TTHC)**', 'TTHC'],
    // seed 000 prose letters
    ['đ)  Cải cách chế độ công vụ', 'CDCV'],
    ['a) Công tác chỉ đạo, điều hành', 'CDDH'],
    ['Nhiệm vụ khác', 'KHAC'],
    ['VIII. CÁC NHIỆM VỤ KHÁC', 'KHAC'],
  ])('%s → %s', (title, code) => {
    expect(matchArea(title)).toBe(code);
  });

  it('gives both areas of a merged section, first one first', () => {
    const title = 'III. CẢI CÁCH TỔ CHỨC BỘ MÁY VÀ CẢI CÁCH CHẾ ĐỘ CÔNG VỤ';
    expect(matchAreas(title)).toEqual(['TCBM', 'CDCV']);
    expect(matchArea(title)).toBe('TCBM');
    expect(matchAreas('Cải cách chế độ công vụ và tổ chức bộ máy')).toEqual(['CDCV', 'TCBM']);
  });

  it('does not take "tác động … doanh nghiệp" for enterprise support', () => {
    expect(matchAreas('Tác động của CCHC đến người dân, doanh nghiệp')).toEqual(['TD']);
  });

  it.each([
    [''],
    ['   '],
    ['Cải cách hành chính'],
    ['TỔNG CỘNG: 18 NHIỆM VỤ'],
    ['STT Nhiệm vụ Sản phẩm Cơ quan chủ trì'],
    ['Ban hành kế hoạch Kiểm soát TTHC'],
    ['Thực hiện Công khai tài chính'],
    ['Kế hoạch chuyển đổi số thị trấn Bình Dương năm 2025'],
    ['Vị trí việc làm'],
  ])('is null for %j, which is not a section title', (text) => {
    expect(matchArea(text)).toBeNull();
  });

  it('takes no catalog row name for a section title', () => {
    const names = [...CATALOG_2025.indicators.map((i) => i.name), ...CATALOG_2025.tasks.map((t) => t.name)];
    const taken = names.filter((n) => matchArea(n) !== null);
    expect(taken).toEqual([]);
  });

  it('is null for what is not text', () => {
    expect(matchArea(42 as unknown as string)).toBeNull();
    expect(matchArea(null as unknown as string)).toBeNull();
  });
});
