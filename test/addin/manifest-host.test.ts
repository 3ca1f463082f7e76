/**
 * The one setting that points the add-in at a real host: ADDIN_HOST at build time
 * (`ADDIN_HOST=https://… npm run build:addin`) rewrites every address of the manifest; the result
 * still parses with `office-addin-manifest info`, offline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifests', 'manifest.xml'), 'utf8');

function manifestFor(host: string): string {
  const script = `import(${JSON.stringify(join(root, 'addin', 'manifest-host.mjs'))}).then((m) => process.stdout.write(m.manifestFor(require('fs').readFileSync(0, 'utf8'), ${JSON.stringify(host)})))`;
  return execFileSync(process.execPath, ['-e', script], { input: xml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('ADDIN_HOST', () => {
  test('every address moves to the host; AppDomain takes its origin; office-addin-manifest info parses it offline', () => {
    const out = manifestFor('https://cchc.example.gov.vn/addin/');
    expect(out).not.toContain('localhost');
    expect(out).toContain('<AppDomain>https://cchc.example.gov.vn</AppDomain>');
    expect(out).toContain('<SourceLocation DefaultValue="https://cchc.example.gov.vn/addin/taskpane.html" />');
    const file = join(mkdtempSync(join(tmpdir(), 'cchc-manifest-')), 'manifest.xml');
    writeFileSync(file, out);
    const info = execFileSync(process.execPath, [join(root, 'node_modules', 'office-addin-manifest', 'cli.js'), 'info', file], {
      encoding: 'utf8',
      env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_LEVEL: 'off' },
    });
    expect(info).toContain('Source Location: https://cchc.example.gov.vn/addin/taskpane.html');
    expect(info).toContain('AppDomains: https://cchc.example.gov.vn');
    expect(info).toContain('Permissions: ReadWriteDocument');
  }, 60_000);

  test('a host that is not https, or has a query, is refused at build time', () => {
    expect(() => manifestFor('http://cchc.example.gov.vn')).toThrow(/ADDIN_HOST must be an https:\/\/ address/);
    expect(() => manifestFor('https://cchc.example.gov.vn/?x=1')).toThrow(/ADDIN_HOST must be an https:\/\/ address/);
  });
});
