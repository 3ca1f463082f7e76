import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { child, findAll, parseXml, type XmlElement } from './mini-xml';

const root = join(__dirname, '..', '..');
const xml = readFileSync(join(root, 'manifests', 'manifest.xml'), 'utf8');
const app = parseXml(xml);

const PNG = [0x89, 0x50, 0x4e, 0x47];

function resource(kind: 'Image' | 'Url' | 'String', id: string): XmlElement {
  const found = findAll(app, kind).find((e) => e.attrs.id === id);
  if (!found) throw new Error(`no ${kind} resource ${id}`);
  return found;
}

describe('manifests/manifest.xml', () => {
  test('is a task pane add-in for Excel workbooks with a GUID id', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(app, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(child(app, 'Version')?.text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(findAll(child(app, 'Hosts')!, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
  });

  test('asks for ReadWriteDocument and ExcelApi 1.8', () => {
    expect(child(app, 'Permissions')?.text).toBe('ReadWriteDocument');
    const sets = findAll(child(app, 'Requirements')!, 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.8']]);
  });

  test('names and describes itself in Vietnamese for vi-VN', () => {
    const name = child(app, 'DisplayName')!;
    const vi = name.children.find((o) => o.attrs.Locale === 'vi-VN');
    expect(vi?.attrs.Value).toBe('CCHC - Phụ lục cải cách hành chính');
    expect(child(app, 'Description')!.children.find((o) => o.attrs.Locale === 'vi-VN')?.attrs.Value).toMatch(/^Chèn Phụ lục/);
  });

  test('every URL is https://localhost:3000/… and the pane is taskpane.html', () => {
    expect(child(child(app, 'DefaultSettings')!, 'SourceLocation')?.attrs.DefaultValue).toBe('https://localhost:3000/taskpane.html');
    // Every address outside the namespace declarations.
    const urls = [...xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, '').matchAll(/(?:"|>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  test('every icon it names exists as a PNG of that size in addin/assets', () => {
    const icons = [
      child(app, 'IconUrl')!.attrs.DefaultValue,
      child(app, 'HighResolutionIconUrl')!.attrs.DefaultValue,
      ...findAll(app, 'bt:Image').filter((e) => e.attrs.DefaultValue).map((e) => e.attrs.DefaultValue),
    ];
    expect(icons).toHaveLength(5);
    for (const url of icons) {
      const m = /^https:\/\/localhost:3000\/assets\/icon-(\d+)\.png$/.exec(url);
      expect(m).not.toBeNull();
      const file = join(root, 'addin', 'assets', `icon-${m![1]}.png`);
      expect(existsSync(file)).toBe(true);
      const bytes = readFileSync(file);
      expect([...bytes.subarray(0, 4)]).toEqual(PNG);
      expect(bytes.readUInt32BE(16)).toBe(Number(m![1]));
      expect(bytes.readUInt32BE(20)).toBe(Number(m![1]));
    }
  });

  test('a CCHC group on the Home tab with three buttons opening one pane at one address (clicks keep its state)', () => {
    const tab = findAll(app, 'OfficeTab');
    expect(tab.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const group = findAll(tab[0], 'Group')[0];
    expect(resource('String', child(group, 'Label')!.attrs.resid).attrs.DefaultValue).toBe('CCHC');
    const buttons = findAll(group, 'Control');
    const seen = buttons.map((b) => {
      expect(b.attrs['xsi:type']).toBe('Button');
      const label = resource('String', child(b, 'Label')!.attrs.resid);
      const action = child(b, 'Action')!;
      expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
      expect(child(action, 'TaskpaneId')?.text).toBe('CCHC.Pane');
      const url = resource('Url', child(action, 'SourceLocation')!.attrs.resid).attrs.DefaultValue;
      return [label.children.find((o) => o.attrs.Locale === 'vi-VN')?.attrs.Value, url];
    });
    expect(seen).toEqual([
      ['Chèn Phụ lục', 'https://localhost:3000/taskpane.html'],
      ['Kiểm tra', 'https://localhost:3000/taskpane.html'],
      ['Tổng hợp', 'https://localhost:3000/taskpane.html'],
    ]);
  });

  test('every resid it uses is defined', () => {
    const ids = new Set<string>();
    for (const kind of ['Image', 'Url', 'String']) for (const e of findAll(app, kind)) if (e.attrs.id) ids.add(e.attrs.id);
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(15);
    for (const id of used) expect(ids).toContain(id);
  });
});
