/**
 * Prints the size of every request the Excel add-in sends, per command, at 300 communes (or
 * BENCH_ADDIN_UNITS), measured with Office.js's own runtime, beside Excel on the web's limit.
 */
import { measureAddinPayloads, PAYLOAD_GOAL } from './payload';

const UNITS = Number(process.env.BENCH_ADDIN_UNITS ?? 300);
const mb = (n: number) => (n / 1024 / 1024).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function main(): Promise<void> {
  const t0 = performance.now();
  const results = await measureAddinPayloads(UNITS);
  console.log(`Phần bổ trợ Excel — dung lượng mỗi lần gửi (context.sync), đo bằng Office.js; mục tiêu ≤ ${mb(PAYLOAD_GOAL)} MB mỗi lần (Excel trên web từ chối > 5 MB)`);
  console.log(`${'Lệnh'.padEnd(44)} ${'số lần'.padStart(6)} ${'lớn nhất gửi'.padStart(13)} ${'lớn nhất nhận'.padStart(14)} ${'tổng gửi'.padStart(10)}  kết quả`);
  let ok = true;
  for (const r of results) {
    const maxReq = Math.max(...r.syncs.map((s) => s.request));
    const maxRes = Math.max(...r.syncs.map((s) => s.response));
    const total = r.syncs.reduce((a, s) => a + s.request, 0);
    const pass = maxReq <= PAYLOAD_GOAL && maxRes <= PAYLOAD_GOAL && r.mismatches.length === 0;
    ok &&= pass;
    console.log(
      `${r.command.padEnd(44)} ${String(r.syncs.length).padStart(6)} ${(mb(maxReq) + ' MB').padStart(13)} ${(mb(maxRes) + ' MB').padStart(14)} ${(mb(total) + ' MB').padStart(10)}  ${pass ? 'đạt' : 'chưa đạt'}`,
    );
    console.log(`    từng lần gửi (MB): ${r.syncs.map((s) => mb(s.request)).join(' · ')}`);
  }
  console.log(`${ok ? 'Mọi' : 'Không phải mọi'} lần gửi/nhận ≤ ${mb(PAYLOAD_GOAL)} MB. Đo trong ${Math.round((performance.now() - t0) / 1000)} s.`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
