import { CATALOG_2025 } from '../../shared/catalog/catalog-2025';
import { buildPlan, type PlanCustomisation } from '../../shared/catalog/plan';
import type { CatalogIndicator, CatalogTask } from '../../shared/model';

const extraIndicator = (over: Partial<Omit<CatalogIndicator, 'sources'>> = {}): Omit<CatalogIndicator, 'sources'> => ({
  code: 'CT.TTHC.X1',
  area: 'TTHC',
  stt: '3.15',
  name: 'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn',
  kind: 'ratio',
  numerator: 'Số hồ sơ đất đai giải quyết đúng hạn',
  denominator: 'Tổng số hồ sơ đất đai đã giải quyết',
  target: '100%',
  monitor: 'Văn phòng UBND xã',
  executor: 'Công chức Địa chính',
  ...over,
});
const extraTask = (over: Partial<Omit<CatalogTask, 'sources'>> = {}): Omit<CatalogTask, 'sources'> => ({
  code: 'NV.CDDH.X1',
  area: 'CDDH',
  name: 'Tổ chức hội nghị tổng kết công tác cải cách hành chính',
  product: 'Báo cáo tổng kết',
  lead: 'Văn phòng UBND xã',
  partners: '',
  deadline: 'Quý IV',
  note: '',
  ...over,
});

describe('buildPlan without customisation', () => {
  const plan = buildPlan(CATALOG_2025);

  it('is the whole catalog, in catalog order, with no problems', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.indicators.map((i) => i.code)).toEqual(CATALOG_2025.indicators.map((i) => i.code));
    expect(plan.tasks.map((t) => t.code)).toEqual(CATALOG_2025.tasks.map((t) => t.code));
    expect(plan.headings.map((h) => h.stt)).toEqual(['3', '6', '6.2']);
  });

  it('copies rows, so changing the plan leaves the catalog alone', () => {
    plan.indicators[0].target = 'Tối thiểu 50%';
    plan.indicators[0].sources.push('999');
    expect(CATALOG_2025.indicators[0].target).toBe('100% số bộ phận chuyên môn thuộc UBND xã');
    expect(CATALOG_2025.indicators[0].sources).toEqual(['000']);
  });
});

describe('buildPlan overrides', () => {
  it('sets the unit\'s own targets and deadlines, cleaned, and leaves the others', () => {
    const plan = buildPlan(CATALOG_2025, {
      targets: { 'CT.TTHC.03': '  Tối thiểu   95% ', 'CT.CQS.06': '60%' },
      deadlines: { 'NV.TCBM.01': 'Quý II' },
    });
    expect(plan.problems).toEqual([]);
    const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
    expect(byCode.get('CT.TTHC.03')?.target).toBe('Tối thiểu 95%');
    expect(byCode.get('CT.CQS.06')?.target).toBe('60%');
    expect(byCode.get('CT.CQS.07')?.target).toBe('75%');
    expect(plan.tasks.find((t) => t.code === 'NV.TCBM.01')?.deadline).toBe('Quý II');
    expect(CATALOG_2025.indicators.find((i) => i.code === 'CT.TTHC.03')?.target).toBe('Tối thiểu 98%');
  });

  it('reports a target for a code the plan does not have, or left blank', () => {
    const plan = buildPlan(CATALOG_2025, { targets: { 'CT.TTHC.99': '90%', 'CT.CQS.06': '   ' } });
    expect(plan.problems).toEqual([
      {
        code: 'CT.TTHC.99',
        message: 'Không đặt được chỉ tiêu phấn đấu cho mã "CT.TTHC.99": chỉ tiêu này không có trong kế hoạch; hãy kiểm tra lại mã.',
      },
      {
        code: 'CT.CQS.06',
        message:
          'Chỉ tiêu phấn đấu mới của chỉ tiêu "CT.CQS.06" để trống; giữ nguyên mặc định. Hãy nhập chỉ tiêu phấn đấu, ví dụ "Tối thiểu 90%".',
      },
    ]);
    expect(plan.indicators.find((i) => i.code === 'CT.CQS.06')?.target).toBe('100%');
  });

  it('reports a target for an omitted row', () => {
    const plan = buildPlan(CATALOG_2025, { omit: ['CT.CQS.07'], targets: { 'CT.CQS.07': '50%' } });
    expect(plan.problems).toEqual([
      {
        code: 'CT.CQS.07',
        message: 'Không đặt được chỉ tiêu phấn đấu cho mã "CT.CQS.07": chỉ tiêu này đã bị bỏ khỏi kế hoạch; hãy kiểm tra lại mã.',
      },
    ]);
  });
});

describe('buildPlan omissions', () => {
  it('leaves out the named rows and headings left with nothing under them', () => {
    const group62 = CATALOG_2025.headings!.find((h) => h.stt === '6.2')!.codes;
    const plan = buildPlan(CATALOG_2025, { omit: [...group62, 'NV.DN.01', 'NV.DN.02'] });
    expect(plan.problems).toEqual([]);
    expect(plan.indicators).toHaveLength(CATALOG_2025.indicators.length - 13);
    expect(plan.indicators.some((i) => group62.includes(i.code))).toBe(false);
    expect(plan.tasks.some((t) => t.area === 'DN')).toBe(false);
    expect(plan.headings.map((h) => h.stt)).toEqual(['3', '6']);
    expect(plan.headings[1].codes).not.toContain('CT.CQS.02');
    expect(plan.headings[1].codes).toContain('CT.CQS.01');
  });

  it('reports a code to omit that is nowhere', () => {
    const plan = buildPlan(CATALOG_2025, { omit: ['CT.XYZ.01'] });
    expect(plan.problems).toEqual([
      { code: 'CT.XYZ.01', message: 'Không có dòng nào mã "CT.XYZ.01" để bỏ khỏi kế hoạch; hãy kiểm tra lại mã (ví dụ "CT.TTHC.03").' },
    ]);
    expect(plan.indicators).toHaveLength(CATALOG_2025.indicators.length);
  });
});

describe('buildPlan extra rows', () => {
  it('places the unit\'s rows after the catalog rows of their area, areas in the usual order', () => {
    const c: PlanCustomisation = {
      extraIndicators: [
        extraIndicator(),
        extraIndicator({ code: 'CT.KHAC.01', area: 'KHAC', stt: '', name: 'Số buổi tiếp công dân định kỳ', kind: 'count', target: '12 buổi' }),
      ],
      extraTasks: [extraTask()],
    };
    const plan = buildPlan(CATALOG_2025, c);
    expect(plan.problems).toEqual([]);
    const codes = plan.indicators.map((i) => i.code);
    const lastTthc = codes.lastIndexOf('CT.TTHC.14');
    expect(codes[lastTthc + 1]).toBe('CT.TTHC.X1');
    expect(codes[codes.length - 1]).toBe('CT.KHAC.01');
    const x = plan.indicators.find((i) => i.code === 'CT.TTHC.X1')!;
    expect(x).toMatchObject({ area: 'TTHC', name: 'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn', sources: [] });
    const taskCodes = plan.tasks.map((t) => t.code);
    expect(taskCodes.indexOf('NV.CDDH.X1')).toBe(taskCodes.indexOf('NV.CDDH.07') + 1);
    expect(taskCodes.indexOf('NV.CDDH.X1')).toBeLessThan(taskCodes.indexOf('NV.TC.01'));
  });

  it('keeps the order of extra rows stable within an area', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraTasks: [
        extraTask({ code: 'NV.TCC.X2', area: 'TCC', name: 'Nhiệm vụ B' }),
        extraTask({ code: 'NV.CDDH.X9', area: 'CDDH', name: 'Nhiệm vụ A' }),
        extraTask({ code: 'NV.TCC.X1', area: 'TCC', name: 'Nhiệm vụ C' }),
      ],
    });
    const tcc = plan.tasks.filter((t) => t.area === 'TCC').map((t) => t.code);
    expect(tcc.slice(-2)).toEqual(['NV.TCC.X2', 'NV.TCC.X1']);
  });

  it('can omit an extra row too', () => {
    const plan = buildPlan(CATALOG_2025, { extraTasks: [extraTask()], omit: ['NV.CDDH.X1'] });
    expect(plan.problems).toEqual([]);
    expect(plan.tasks.some((t) => t.code === 'NV.CDDH.X1')).toBe(false);
  });

  it('applies a target to an extra indicator', () => {
    const plan = buildPlan(CATALOG_2025, { extraIndicators: [extraIndicator()], targets: { 'CT.TTHC.X1': '95%' } });
    expect(plan.indicators.find((i) => i.code === 'CT.TTHC.X1')?.target).toBe('95%');
  });
});

describe('buildPlan code collisions', () => {
  it('refuses an extra row whose code is in the catalog, suggesting a free one', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraIndicators: [extraIndicator({ code: 'CT.TTHC.03' })],
      extraTasks: [extraTask({ code: 'NV.CDDH.01' })],
    });
    expect(plan.problems).toEqual([
      {
        code: 'CT.TTHC.03',
        message:
          'Mã "CT.TTHC.03" của chỉ tiêu bổ sung "Tỷ lệ hồ sơ đất đai giải quyết đúng hạn" đã có trong danh mục CCHC-2025; hãy đặt mã khác, ví dụ "CT.TTHC.15".',
      },
      {
        code: 'NV.CDDH.01',
        message:
          'Mã "NV.CDDH.01" của nhiệm vụ bổ sung "Tổ chức hội nghị tổng kết công tác cải cách hành chính" đã có trong danh mục CCHC-2025; hãy đặt mã khác, ví dụ "NV.CDDH.08".',
      },
    ]);
    // The catalog row stays, the extra one is left out.
    expect(plan.indicators.filter((i) => i.code === 'CT.TTHC.03')).toHaveLength(1);
    expect(plan.indicators.find((i) => i.code === 'CT.TTHC.03')?.name).toBe(
      'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước hạn và đúng hạn',
    );
    expect(plan.indicators).toHaveLength(CATALOG_2025.indicators.length);
    expect(plan.tasks).toHaveLength(CATALOG_2025.tasks.length);
  });

  it('refuses the second of two extra rows with one code, the first is kept', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraIndicators: [extraIndicator(), extraIndicator({ name: 'Tỷ lệ hồ sơ hộ tịch trực tuyến' })],
    });
    expect(plan.problems).toEqual([
      {
        code: 'CT.TTHC.X1',
        message:
          'Mã "CT.TTHC.X1" của chỉ tiêu bổ sung "Tỷ lệ hồ sơ hộ tịch trực tuyến" đã dùng cho một dòng bổ sung khác; hãy đặt mã khác, ví dụ "CT.TTHC.15".',
      },
    ]);
    expect(plan.indicators.filter((i) => i.code === 'CT.TTHC.X1').map((i) => i.name)).toEqual([
      'Tỷ lệ hồ sơ đất đai giải quyết đúng hạn',
    ]);
  });

  it('treats indicator and task codes as one namespace', () => {
    const plan = buildPlan(CATALOG_2025, { extraTasks: [extraTask({ code: 'CT.CDDH.01' })] });
    expect(plan.problems.map((p) => p.code)).toEqual(['CT.CDDH.01']);
    expect(plan.problems[0].message).toContain('đã có trong danh mục CCHC-2025');
  });

  it('suggests past the extra codes already taken', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraIndicators: [extraIndicator({ code: 'CT.TTHC.15' }), extraIndicator({ code: 'CT.TTHC.15', name: 'Khác' })],
    });
    expect(plan.problems[0].message).toContain('ví dụ "CT.TTHC.16"');
  });

  it('refuses an extra row without a code, a name, or a known area', () => {
    const plan = buildPlan(CATALOG_2025, {
      extraIndicators: [
        extraIndicator({ code: '  ' }),
        extraIndicator({ code: 'CT.TTHC.X2', name: '' }),
        extraIndicator({ code: 'CT.ABC.01', area: 'ABC' as never }),
      ],
    });
    expect(plan.problems).toEqual([
      {
        code: '',
        message: 'Chỉ tiêu bổ sung "Tỷ lệ hồ sơ đất đai giải quyết đúng hạn" chưa có mã; hãy đặt một mã riêng, ví dụ "CT.TTHC.15".',
      },
      { code: 'CT.TTHC.X2', message: 'Chỉ tiêu bổ sung mã "CT.TTHC.X2" chưa có tên; hãy nhập tên chỉ tiêu.' },
      {
        code: 'CT.ABC.01',
        message:
          'Lĩnh vực "ABC" của chỉ tiêu bổ sung "Tỷ lệ hồ sơ đất đai giải quyết đúng hạn" không có trong danh mục; hãy chọn một trong: CDDH, TC, TTHC, TCBM, CDCV, TCC, CQS, TD, DN, KHAC.',
      },
    ]);
    expect(plan.indicators).toHaveLength(CATALOG_2025.indicators.length);
  });
});
