/**
 * Runs LibreOffice headless as an independent spreadsheet program: it opens what we wrote,
 * recalculates every formula (forced through the profile: by default it trusts cached results of
 * xlsx files), and saves an .xlsx of its own that tests read back.
 *
 * Each call uses a fresh throw-away profile (-env:UserInstallation) so parallel Jest workers and a
 * running desktop LibreOffice do not clash. CI installs `libreoffice-calc-nogui`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The soffice program: $SOFFICE, else the first `soffice` on PATH, else null. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'soffice');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const SOFFICE_MISSING =
  'LibreOffice is not installed (no `soffice` on PATH, $SOFFICE unset): these tests need it to ' +
  'recalculate what we write. Install it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui`.';

/**
 * Settings for the throw-away profile: recalculate xlsx (and ods) formulas on load, always, without
 * asking. Without this LibreOffice shows the cached results we wrote, and the check proves nothing.
 */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
  });
}

/**
 * Opens each file in LibreOffice, recalculates, and saves it as .xlsx into outDir (which must not be
 * the inputs' folder: the output keeps the input's base name). One soffice start for all files.
 * Returns the output paths in input order; rejects with soffice's own output when a file is missing.
 */
export async function recalcAllWithLibreOffice(xlsxPaths: string[], outDir: string, timeoutMs = 120_000): Promise<string[]> {
  return convertAllWithLibreOffice(xlsxPaths, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', timeoutMs);
}

/**
 * Opens each file in LibreOffice (recalculating, as above) and converts it with `filter`
 * ('xlsx:Calc MS Excel 2007 XML', 'pdf'…) into outDir as `<base name>.<ext>`. One soffice start for all files.
 */
export async function convertAllWithLibreOffice(paths: string[], outDir: string, filter: string, ext: string, timeoutMs = 120_000): Promise<string[]> {
  const soffice = findSoffice();
  if (!soffice) throw new Error(SOFFICE_MISSING);
  await mkdir(outDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), 'lo-'));
  try {
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS, 'utf8');
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nologo',
      '--convert-to', filter,
      '--outdir', outDir,
      ...paths,
    ];
    const { stdout, stderr } = await run(soffice, args, timeoutMs);
    const outputs = paths.map((p) => join(outDir, `${basename(p, extname(p))}.${ext}`));
    const missing = outputs.filter((p) => !existsSync(p));
    if (missing.length > 0) {
      throw new Error(`LibreOffice did not write ${missing.join(', ')}\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** One file: recalculated copy written to outDir; returns its path. */
export async function recalcWithLibreOffice(xlsxPath: string, outDir: string): Promise<string> {
  const [out] = await recalcAllWithLibreOffice([xlsxPath], outDir);
  return out;
}
