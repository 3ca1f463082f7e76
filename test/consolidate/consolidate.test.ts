import { consolidate, consolidateSummaries } from '../../shared/consolidate/consolidate';
import type { ConsolidateOptions, Summary } from '../../shared/consolidate/types';
import {
  ALL_EXPECTED,
  AN_HOA,
  DISTRICT_1_EXPECTED,
  DISTRICT_2_EXPECTED,
  ERROR_DONG_SON,
  Q2_2025,
  district1Inputs,
  district2Inputs,
  report,
} from './fixtures';

const PROVINCE: ConsolidateOptions = {
  ...Q2_2025,
  consolidatingUnit: { name: 'Sở Nội vụ tỉnh Bình Định', level: 'tinh' },
  expectedUnits: ALL_EXPECTED,
};
const DISTRICT_1: ConsolidateOptions = {
  ...Q2_2025,
  consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Mỹ', level: 'huyen' },
  expectedUnits: DISTRICT_1_EXPECTED,
};
const DISTRICT_2: ConsolidateOptions = {
  ...Q2_2025,
  consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Cát', level: 'huyen' },
  expectedUnits: DISTRICT_2_EXPECTED,
};

const direct = () => consolidate([...district1Inputs(), ...district2Inputs()], PROVINCE);
const indicator = (s: Summary, code: string) => s.aggregates.indicators.find((a) => a.code === code)!;
const task = (s: Summary, code: string) => s.aggregates.tasks.find((a) => a.code === code)!;
const leaf = (s: Summary, unit: string, code: string) => s.indicators.find((l) => l.unitCode === unit && l.code === code);

describe('rates are Σ numerators / Σ denominators', () => {
  const s = direct();

  test('TTHC.01: 223/320, not the average of the four rates', () => {
    const a = indicator(s, 'TTHC.01');
    // 45+30+8+140 over 50+60+10+200; Gia Lộc has no denominator and is left out.
    expect(a.sumNumerator).toBe(223);
    expect(a.sumDenominator).toBe(320);
    expect(a.value).toBe(0.696875);
    // The four units' own rates are 90%, 50%, 80%, 70%: their average, 72,5%, is not the rate.
    const rates = s.indicators.filter((l) => l.code === 'TTHC.01' && l.state === 'valid').map((l) => l.result as number);
    expect(rates).toEqual([0.9, 0.5, 0.8, 0.7]);
    expect(rates.reduce((x, y) => x + y, 0) / rates.length).toBeCloseTo(0.725, 12);
    expect(a.value).not.toBeCloseTo(0.725, 3);
    // Short of 80% by 10,3125 points.
    expect(a.gap).toBeCloseTo(0.103125, 12);
    expect(a.reported).toBe(4);
    expect(a.metCount).toBe(2);
    expect(a.missedCount).toBe(2);
    expect(a.missedUnits.map((u) => [u.code, u.result, u.gap])).toEqual([['10002', 0.5, 0.3], ['20001', 0.7, 0.1]]);
    expect(a.targetText).toBe('80%');
    expect(a.met).toBe(false);
    expect(a.noDataUnits).toEqual([{ code: '20002', name: 'Xã Gia Lộc' }]);
  });

  test('a unit with a numerator and no denominator has no valid value and adds nothing', () => {
    const l = leaf(s, '20002', 'TTHC.01')!;
    expect(l.state).toBe('invalid');
    expect(l.numerator).toBe(20);
    expect(l.denominator).toBeNull();
    expect(l.met).toBeNull();
  });

  test('TTHC.02: each unit against its own target, the total against the most common one', () => {
    const a = indicator(s, 'TTHC.02');
    // 20+19+49+0+10 over 20+20+50+0+10; Đông Sơn's 0/0 is valid but has no rate.
    expect(a.sumNumerator).toBe(98);
    expect(a.sumDenominator).toBe(100);
    expect(a.value).toBe(0.98);
    expect(a.reported).toBe(5);
    // Cát Tiên's own target is "98% trở lên": 98% meets it; Bình Minh's 95% misses 100%.
    expect(leaf(s, '10003', 'TTHC.02')!.met).toBe(true);
    expect(a.metCount).toBe(3);
    expect(a.missedUnits.map((u) => u.name)).toEqual(['Xã Bình Minh']);
    expect(leaf(s, '20001', 'TTHC.02')).toMatchObject({ state: 'valid', result: null, met: null });
    expect(a.targetText).toBe('100%');
    expect(a.met).toBe(false);
  });

  test('counts add up; a row with an error is left out of the sum', () => {
    const a = indicator(s, 'CQS.01');
    // 60+40+55+80; Đông Sơn typed 70 but its row carries an error.
    expect(a.value).toBe(235);
    expect(a.sumNumerator).toBeNull();
    expect(a.reported).toBe(4);
    expect(a.metCount).toBe(3);
    expect(a.missedUnits.map((u) => [u.name, u.result, u.gap])).toEqual([['Xã Bình Minh', 40, 10]]);
    expect(leaf(s, '20001', 'CQS.01')).toMatchObject({ state: 'invalid', result: 70, met: null });
    expect(a.noDataUnits.map((u) => u.code)).toEqual(['20001']);
  });

  test('qualitative rows count met and missed, never a sum', () => {
    const a = indicator(s, 'TC.01');
    expect(a.value).toBeNull();
    expect(a.reported).toBe(4);
    expect(a.metCount).toBe(3);
    expect(a.missedUnits.map((u) => [u.name, u.result])).toEqual([['Xã Đông Sơn', 'Đang thực hiện']]);
    expect(a.noDataUnits.map((u) => u.name)).toEqual(['Thị trấn Cát Tiên']);
  });

  test('indicators are listed in plan order: reform area, then STT', () => {
    expect(s.aggregates.indicators.map((a) => a.code)).toEqual(['TC.01', 'TTHC.01', 'TTHC.02', 'CQS.01']);
  });
});

describe('tasks', () => {
  const s = direct();
  test('per task: done, in progress, not started, overdue, no data', () => {
    expect(task(s, 'NV.01')).toMatchObject({ unitsWithRow: 5, done: 3, inProgress: 1, notStarted: 1, overdue: 2, noData: 0 });
    expect(task(s, 'NV.01').overdueUnits.map((u) => u.name)).toEqual(['Thị trấn Cát Tiên', 'Xã Đông Sơn']);
    expect(task(s, 'NV.02')).toMatchObject({ unitsWithRow: 5, done: 1, inProgress: 2, notStarted: 1, overdue: 0, noData: 1 });
    expect(task(s, 'NV.03')).toMatchObject({ unitsWithRow: 5, done: 1, inProgress: 4, notStarted: 0, overdue: 0, noData: 0 });
  });
});

describe('completeness and timeliness', () => {
  const s = direct();
  const c = s.aggregates.completeness;

  test('expected against received, on time against late', () => {
    expect(c.expectedCount).toBe(7);
    expect(c.receivedCount).toBe(5);
    expect(c.receivedExpectedCount).toBe(4);
    expect(c.onTimeCount).toBe(3);
    // Cát Tiên dated its report 25/06; Gia Lộc has no date and its file arrived 22/06.
    expect(c.late).toEqual([
      { code: '10003', name: 'Thị trấn Cát Tiên', reportDate: '2025-06-25', daysLate: 5 },
      { code: '20002', name: 'Xã Gia Lộc', reportDate: '2025-06-22', daysLate: 2 },
    ]);
    expect(s.dueDate).toBe('2025-06-20');
    expect(s.cutoff).toBe('2025-06-14');
  });

  test('a report dated on the due day is on time', () => {
    expect(s.units.find((u) => u.code === '10002')!.reportDate).toBe('2025-06-20');
    expect(c.late.map((u) => u.code)).not.toContain('10002');
  });

  test('the expected unit that sent nothing is named', () => {
    expect(c.missing).toEqual([{ code: '20003', name: 'Xã Hải Thượng' }]);
  });

  test('a unit outside the list is taken and flagged', () => {
    expect(c.unexpected).toEqual([{ code: '20002', name: 'Xã Gia Lộc' }]);
    const p = s.provenance.find((x) => x.fileName === 'gia-loc.xlsx')!;
    expect(p.outcome).toBe('taken');
    expect(p.reasons.map((r) => r.code)).toEqual(['unit.unexpected']);
  });

  test('an identical report sent again counts once; the earlier one is used', () => {
    const unit = s.units.find((u) => u.code === '10001')!;
    expect(unit).toMatchObject({ status: 'taken', reportDate: '2025-06-18', files: ['an-hoa.xlsx'] });
    expect(s.indicators.filter((l) => l.unitCode === '10001')).toHaveLength(4);
    const again = s.provenance.find((p) => p.fileName === 'an-hoa-gui-lai.xlsx')!;
    expect(again.outcome).toBe('duplicate');
    expect(again.reasons).toEqual([{ code: 'unit.duplicate', message: 'Cùng số liệu với tệp “an-hoa.xlsx” của cùng đơn vị; chỉ tính một lần.' }]);
  });

  test('the same file received twice counts once', () => {
    const entries = s.provenance.filter((p) => p.fileName === 'dong-son.xlsx');
    expect(entries.map((p) => p.outcome).sort()).toEqual(['duplicate', 'taken_with_errors']);
    expect(s.indicators.filter((l) => l.unitCode === '20001')).toHaveLength(4);
    // Its error is listed once, not once per copy.
    expect(s.issues.filter((i) => i.rule === ERROR_DONG_SON.rule)).toHaveLength(1);
  });

  test('two different reports of one unit: both held out and named', () => {
    expect(c.heldOut).toEqual([{ code: '10004', name: 'Xã Cát Hải', files: ['cat-hai-lan-1.xlsx', 'cat-hai-lan-2.xlsx'] }]);
    expect(s.indicators.some((l) => l.unitCode === '10004')).toBe(false);
    for (const f of ['cat-hai-lan-1.xlsx', 'cat-hai-lan-2.xlsx']) {
      const p = s.provenance.find((x) => x.fileName === f)!;
      expect(p.outcome).toBe('held_out');
      expect(p.reasons).toEqual([{
        code: 'unit.conflicting_duplicates',
        message: 'Đơn vị Xã Cát Hải (mã 10004) gửi 2 báo cáo khác nhau cho Quý II năm 2025: “cat-hai-lan-1.xlsx”, “cat-hai-lan-2.xlsx”. Không tổng hợp báo cáo nào của đơn vị này; đề nghị đơn vị xác nhận báo cáo đúng và chỉ gửi lại một tệp.',
      }]);
    }
  });

  test('a report of another period is refused, naming the file and both periods', () => {
    expect(c.refused).toEqual([{ code: '10005', name: 'Xã Mỹ Lộc', files: ['my-loc-quy-1.xlsx'] }]);
    const p = s.provenance.find((x) => x.fileName === 'my-loc-quy-1.xlsx')!;
    expect(p).toMatchObject({ outcome: 'refused', unitCode: '10005', period: 'Q1', year: 2025 });
    expect(p.reasons).toEqual([{
      code: 'unit.wrong_period',
      message: 'Tệp “my-loc-quy-1.xlsx” là báo cáo Quý I năm 2025, không phải kỳ đang tổng hợp (Quý II năm 2025). Đề nghị đơn vị gửi báo cáo Quý II năm 2025.',
    }]);
    expect(s.issues).toContainEqual({
      fileName: 'my-loc-quy-1.xlsx', unitCode: '10005', sheet: '', address: '', severity: 'error', rule: 'unit.wrong_period', message: p.reasons[0].message,
    });
    expect(s.indicators.some((l) => l.unitCode === '10005')).toBe(false);
  });

  test('an unreadable file is listed with the reader’s reason', () => {
    const p = s.provenance.find((x) => x.fileName === 'hong.xlsx')!;
    expect(p).toMatchObject({ outcome: 'refused', unitCode: '', templateVersion: '', receivedAt: '2025-06-19' });
    expect(p.reasons[0].code).toBe('file.not_xlsx');
  });

  test('warnings and errors set the outcome; errors say how many rows were left out', () => {
    const bm = s.provenance.find((x) => x.fileName === 'binh-minh.xlsx')!;
    expect(bm.outcome).toBe('taken_with_warnings');
    expect(bm.reasons).toEqual([{ code: 'report.warnings', message: 'Có 1 cảnh báo (xem trang Lỗi dữ liệu).' }]);
    const ds = s.provenance.find((x) => x.fileName === 'dong-son.xlsx' && x.outcome === 'taken_with_errors')!;
    expect(ds.reasons).toEqual([{ code: 'report.rows_excluded', message: 'Có 1 lỗi; 1 dòng có lỗi không được tổng hợp (xem trang Lỗi dữ liệu).' }]);
  });

  test('every input is in the provenance, by file name, with its checksum and template version', () => {
    expect(s.provenance.map((p) => [p.fileName, p.outcome])).toEqual([
      ['an-hoa-gui-lai.xlsx', 'duplicate'],
      ['an-hoa.xlsx', 'taken'],
      ['binh-minh.xlsx', 'taken_with_warnings'],
      ['cat-hai-lan-1.xlsx', 'held_out'],
      ['cat-hai-lan-2.xlsx', 'held_out'],
      ['cat-tien.xlsx', 'taken'],
      ['dong-son.xlsx', 'taken_with_errors'],
      ['dong-son.xlsx', 'duplicate'],
      ['gia-loc.xlsx', 'taken'],
      ['hong.xlsx', 'refused'],
      ['my-loc-quy-1.xlsx', 'refused'],
    ]);
    expect(s.provenance[1]).toMatchObject({ sha256: 'a'.repeat(64), unitCode: '10001', unitName: 'Xã An Hòa', templateVersion: '2025.1', period: 'Q2', year: 2025, via: '' });
  });

  test('the order of the inputs does not change anything', () => {
    const reversed = consolidate([...district1Inputs(), ...district2Inputs()].reverse(), PROVINCE);
    expect(reversed).toEqual(direct());
  });

  test('inputs are not modified', () => {
    const inputs = district1Inputs();
    const before = JSON.stringify(inputs);
    consolidate(inputs, DISTRICT_1);
    expect(JSON.stringify(inputs)).toBe(before);
  });
});

describe('policy details', () => {
  test('a report without a unit code or with no period is refused', () => {
    const r = report(AN_HOA);
    r.info.unitCode = '';
    r.info.period = null;
    const s = consolidate([{ source: { fileName: 'x.xlsx', sha256: 'x' }, report: r, issues: [] }], DISTRICT_1);
    expect(s.provenance[0].outcome).toBe('refused');
    expect(s.provenance[0].reasons.map((x) => x.code)).toEqual(['unit.no_period', 'unit.no_code']);
    expect(s.units).toEqual([]);
  });

  test('an error about a whole annex sheet refuses the file', () => {
    const s = consolidate([{
      source: { fileName: 'an-hoa.xlsx', sha256: 'a' },
      report: report(AN_HOA),
      issues: [{ sheet: 'Phụ lục 1', address: '', severity: 'error', rule: 'sheet.no_header', message: 'Không thấy dòng tiêu đề bảng.' }],
    }], DISTRICT_1);
    expect(s.provenance[0].outcome).toBe('refused');
    expect(s.provenance[0].reasons[0]).toEqual({
      code: 'report.sheet_unreadable',
      message: 'Trang “Phụ lục 1” của tệp “an-hoa.xlsx” không đọc được nên mọi số liệu trên đó không tin cậy: Không thấy dòng tiêu đề bảng.',
    });
    expect(s.units).toEqual([{ code: '10001', name: 'Xã An Hòa', via: '', status: 'refused', reportDate: null, files: ['an-hoa.xlsx'] }]);
  });

  test('an error on a row of a renamed Phụ lục tab still leaves that row out', () => {
    const issue = { sheet: 'PL1 - Chi tieu nam 2025', address: 'H9', severity: 'error' as const, rule: 'count.negative', message: 'Mẫu số không được âm.' };
    const s = consolidate([{ source: { fileName: 'an-hoa.xlsx', sha256: 'a' }, report: report(AN_HOA), issues: [issue] }], DISTRICT_1);
    expect(leaf(s, '10001', 'TTHC.01')!.state).toBe('invalid');
    expect(leaf(s, '10001', 'TTHC.02')!.state).toBe('valid');
    expect(indicator(s, 'TTHC.01')).toMatchObject({ sumNumerator: null, reported: 0 });
    // The same cell on Phụ lục 2 concerns a task, not this indicator.
    const onTasks = consolidate([{ source: { fileName: 'an-hoa.xlsx', sha256: 'a' }, report: report(AN_HOA), issues: [{ ...issue, sheet: 'Phụ lục 2' }] }], DISTRICT_1);
    expect(leaf(onTasks, '10001', 'TTHC.01')!.state).toBe('valid');
    expect(onTasks.tasks.find((t) => t.code === 'NV.01')!.state).toBe('invalid');
  });

  test('without an expected list nothing is missing or unexpected, and the due date can be set', () => {
    const s = consolidate(district2Inputs(), { ...Q2_2025, consolidatingUnit: { name: 'Phòng Nội vụ huyện Phù Cát', level: 'huyen' }, dueDate: '2025-06-15' });
    expect(s.expectedUnits).toBeNull();
    expect(s.aggregates.completeness).toMatchObject({ expectedCount: null, receivedCount: 2, receivedExpectedCount: 2, missing: [], unexpected: [] });
    // Đông Sơn 19/06 and Gia Lộc 22/06 are both after 15/06.
    expect(s.aggregates.completeness.late.map((u) => [u.code, u.daysLate])).toEqual([['20001', 4], ['20002', 7]]);
  });
});

describe('re-consolidation', () => {
  const strip = (s: Summary) => ({
    year: s.year,
    period: s.period,
    dueDate: s.dueDate,
    cutoff: s.cutoff,
    expectedUnits: s.expectedUnits,
    units: s.units.map(({ via: _via, ...u }) => u),
    indicators: s.indicators,
    tasks: s.tasks,
    issues: s.issues,
    aggregates: s.aggregates,
  });

  test('two district summaries → province equals all communes consolidated directly', () => {
    const d1 = consolidate(district1Inputs(), DISTRICT_1);
    const d2 = consolidate(district2Inputs(), DISTRICT_2);
    // The district's own numbers: 45+30+8 over 50+60+10.
    expect(indicator(d1, 'TTHC.01')).toMatchObject({ sumNumerator: 83, sumDenominator: 120 });
    const province = consolidateSummaries(
      [{ source: { fileName: 'tong-hop-phu-my.xlsx', sha256: 'p'.repeat(64) }, summary: d1 }, d2],
      PROVINCE,
    );
    expect(strip(province)).toEqual(strip(direct()));
    expect(indicator(province, 'TTHC.01')).toMatchObject({ sumNumerator: 223, sumDenominator: 320, value: 0.696875 });
  });

  test('the leaf units remember the district they came through', () => {
    const province = consolidateSummaries(
      [consolidate(district1Inputs(), DISTRICT_1), consolidate(district2Inputs(), DISTRICT_2)],
      PROVINCE,
    );
    expect(province.units.map((u) => [u.code, u.via])).toEqual([
      ['10001', 'Phòng Nội vụ huyện Phù Mỹ'],
      ['10002', 'Phòng Nội vụ huyện Phù Mỹ'],
      ['10003', 'Phòng Nội vụ huyện Phù Mỹ'],
      ['10004', 'Phòng Nội vụ huyện Phù Mỹ'],
      ['10005', 'Phòng Nội vụ huyện Phù Mỹ'],
      ['20001', 'Phòng Nội vụ huyện Phù Cát'],
      ['20002', 'Phòng Nội vụ huyện Phù Cát'],
    ]);
    // Provenance: the two summaries themselves, then every commune file with the district it came through.
    expect(province.provenance.filter((p) => p.kind === 'summary').map((p) => [p.fileName, p.outcome, p.sha256])).toEqual([
      ['Tổng hợp Phòng Nội vụ huyện Phù Cát', 'taken', ''],
      ['Tổng hợp Phòng Nội vụ huyện Phù Mỹ', 'taken', ''],
    ]);
    expect(province.provenance.find((p) => p.fileName === 'cat-tien.xlsx')).toMatchObject({ outcome: 'taken', via: 'Phòng Nội vụ huyện Phù Mỹ' });
    expect(province.provenance).toHaveLength(2 + 11);
  });

  test('without its own list, the province takes the union of the districts’ lists', () => {
    const { expectedUnits: _e, ...noList } = PROVINCE;
    const province = consolidateSummaries([consolidate(district1Inputs(), DISTRICT_1), consolidate(district2Inputs(), DISTRICT_2)], noList);
    expect(province.expectedUnits).toEqual(ALL_EXPECTED);
    expect(strip(province)).toEqual(strip(direct()));
  });

  test('consolidating a summary twice counts its units once', () => {
    const d2 = consolidate(district2Inputs(), DISTRICT_2);
    const twice = consolidateSummaries([d2, d2], { ...DISTRICT_2, consolidatingUnit: PROVINCE.consolidatingUnit });
    expect(indicator(twice, 'TTHC.01')).toMatchObject({ sumNumerator: 140, sumDenominator: 200 });
    expect(twice.aggregates.completeness.receivedCount).toBe(2);
  });

  test('a commune in two districts with different data is held out at the province', () => {
    const d1 = consolidate(district1Inputs(), DISTRICT_1);
    const changed = district2Inputs();
    changed.push({ source: { fileName: 'an-hoa-khac.xlsx', sha256: '9'.repeat(64) }, report: report({ ...AN_HOA, c1: 61 }), issues: [] });
    const d2 = consolidate(changed, DISTRICT_2);
    const province = consolidateSummaries([d1, d2], PROVINCE);
    const direct2 = consolidate([...district1Inputs(), ...changed], PROVINCE);
    expect(province.aggregates.completeness.heldOut.map((u) => [u.code, u.files])).toEqual([
      ['10001', ['an-hoa-khac.xlsx', 'an-hoa.xlsx']],
      ['10004', ['cat-hai-lan-1.xlsx', 'cat-hai-lan-2.xlsx']],
    ]);
    expect(strip(province)).toEqual(strip(direct2));
  });

  test('a summary of another period is refused', () => {
    const d2 = consolidate(district2Inputs(), DISTRICT_2);
    const s = consolidateSummaries([{ ...d2, period: 'Q3' }], PROVINCE);
    expect(s.units).toEqual([]);
    expect(s.provenance).toHaveLength(1);
    expect(s.provenance[0]).toMatchObject({ kind: 'summary', outcome: 'refused' });
    expect(s.provenance[0].reasons[0].code).toBe('summary.wrong_period');
    expect(s.provenance[0].reasons[0].message).toBe(
      'Tệp “Tổng hợp Phòng Nội vụ huyện Phù Cát” là bảng tổng hợp Quý III năm 2025, không phải kỳ đang tổng hợp (Quý II năm 2025). Đề nghị Phòng Nội vụ huyện Phù Cát gửi bảng tổng hợp Quý II năm 2025.',
    );
  });
});
