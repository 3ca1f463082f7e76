/**
 * What an import did, in a few Vietnamese lines every host prints the same: tables read, rows
 * matched (by code, by name), the unit's own rows, matches to check, targets and deadlines the
 * parsers could not read with their cells, standard rows left out.
 */
import type { PlanImport, RowOutcome } from './plan-import';
import { percent, SURE_SCORE } from './plan-import';

const TABLE_LABEL = { indicator: 'chỉ tiêu', task: 'nhiệm vụ' } as const;

function quote(text: string | undefined, max = 60): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? t.slice(0, max - 1) + '…' : t}”`;
}

function rowName(o: RowOutcome): string {
  return `${o.where}${o.row.stt ? ` (STT ${o.row.stt})` : ''} ${quote(o.row.cells.name)}`;
}

/** The report, one line a string; `source` names the file or range read. */
export function importReport(p: PlanImport, source: string): string[] {
  const lines: string[] = [];
  const tables = p.tables.map((t) => `${t.rows.length} ${TABLE_LABEL[t.kind]}`);
  lines.push(`Đã đọc ${source}: ${p.tables.length} bảng phụ lục (${tables.join('; ')}).`);
  const byCode = p.outcomes.filter((o) => o.match.how === 'code').length;
  const byName = p.outcomes.filter((o) => o.match.how === 'name');
  const own = p.outcomes.filter((o) => o.match.how === 'own');
  lines.push(`Khớp với biểu mẫu chuẩn: ${byCode + byName.length} dòng (theo mã: ${byCode}; theo tên: ${byName.length}).`);
  lines.push(`Dòng riêng của đơn vị (giữ nguyên như kế hoạch): ${own.length}.`);

  const check: string[] = [];
  for (const o of p.outcomes) {
    const m = o.match;
    if (m.how === 'name' && (m.score < SURE_SCORE || m.elsewhere)) {
      const why = m.elsewhere ? `, kế hoạch xếp ở lĩnh vực khác` : '';
      check.push(`  - ${rowName(o)}: khớp theo tên với dòng ${quote(m.name, 50)} của biểu mẫu chuẩn (giống ${percent(m.score)}${why}).`);
    } else if (m.how === 'own' && m.candidates.length > 0) {
      // Row codes are hidden in the annexes: the user is shown the standard rows by their wording.
      const which = m.candidates.map((c) => `${quote(c.name, 50)} (giống ${percent(c.score)})`).join(' hoặc ');
      check.push(`  - ${rowName(o)}: giữ là dòng riêng của đơn vị; ${m.tie ? 'giống ngang nhau với các dòng' : 'có thể là dòng'} ${which} của biểu mẫu chuẩn.`);
    }
  }
  lines.push(check.length ? `Cần kiểm tra lại ${check.length} dòng:` : 'Không có dòng nào khớp chưa chắc chắn.');
  lines.push(...check);

  if (p.unreadable.length) {
    lines.push(`Chỉ tiêu phấn đấu, thời gian hoàn thành chưa đọc được (${p.unreadable.length}):`);
    for (const u of p.unreadable) lines.push(`  - ${u.cell}${u.text ? ` ${quote(u.text, 50)}` : ''}: ${u.reason}`);
  } else {
    lines.push('Mọi chỉ tiêu phấn đấu và thời gian hoàn thành đều đọc được.');
  }
  if (p.omitted.length) {
    lines.push(`${p.omitted.length} dòng của biểu mẫu chuẩn không có trong kế hoạch nên không đưa vào sổ.`);
  }
  for (const kind of ['indicator', 'task'] as const) {
    if (!p.tables.some((t) => t.kind === kind)) {
      lines.push(`Kế hoạch không có bảng ${TABLE_LABEL[kind]}: giữ các ${TABLE_LABEL[kind]} của biểu mẫu chuẩn.`);
    }
  }
  return lines;
}

/** Said when no annex table is found. */
export function noTableMessage(source: string): string {
  return (
    `Không tìm thấy bảng phụ lục nào trong ${source}. Bảng cần có một dòng tiêu đề gồm cột STT (hoặc TT), ` +
    'cột Chỉ tiêu hoặc Nhiệm vụ, và cột Chỉ tiêu phấn đấu hoặc Sản phẩm, Cơ quan chủ trì, Thời gian hoàn thành. ' +
    'Hãy kiểm tra đã chọn đúng tệp hoặc vùng chứa bảng phụ lục.'
  );
}
