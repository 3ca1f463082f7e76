import { escapeAttr, escapeCellText, escapeText, xmlLegal } from '../../io/xlsx/xml-write';

describe('xml-write escaping', () => {
  it('escapes entities in text full of quotes (JSON) as one string, and leaves plain text as it is', () => {
    expect(escapeText('{"a":"x<y>&z","b":[1,2]}')).toBe('{&quot;a&quot;:&quot;x&lt;y&gt;&amp;z&quot;,&quot;b&quot;:[1,2]}');
    expect(escapeText('&amp;')).toBe('&amp;amp;');
    expect(escapeText('Ủy ban nhân dân xã')).toBe('Ủy ban nhân dân xã');
  });

  it('keeps tabs and line feeds in text and writes carriage returns as references', () => {
    expect(escapeText('a\tb\n"c"')).toBe('a\tb\n&quot;c&quot;');
    expect(escapeText('a\r\n<b>')).toBe('a&#13;\n&lt;b&gt;');
  });

  it('writes tabs and line feeds in attributes as references', () => {
    expect(escapeAttr('"a"&b')).toBe('&quot;a&quot;&amp;b');
    expect(escapeAttr('a\tb\n"c"')).toBe('a&#9;b&#10;&quot;c&quot;');
  });

  it('drops what XML cannot carry beside entities, and keeps surrogate pairs', () => {
    expect(escapeText('x\u0001"y"\uFFFE')).toBe('x&quot;y&quot;');
    expect(escapeText('😀 & \uD800!')).toBe('😀 &amp; !');
    expect(xmlLegal('a"b\r\n\u0002')).toBe('a"b\r\n');
  });

  it('protects a literal _xHHHH_ in cell text before escaping entities', () => {
    expect(escapeCellText('"_x0041_"')).toBe('&quot;_x005F_x0041_&quot;');
  });
});
