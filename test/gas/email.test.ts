import { isEmailAddress, parseEmailList } from '../../shared/text/email';

describe('parseEmailList', () => {
  test('one or several addresses, separated by commas, semicolons or spaces', () => {
    expect(parseEmailList('xa0@example.gov.vn')).toEqual({ ok: true, value: ['xa0@example.gov.vn'] });
    expect(parseEmailList('a@x.vn; b@y.vn')).toEqual({ ok: true, value: ['a@x.vn', 'b@y.vn'] });
    expect(parseEmailList(' a@x.vn ,b@y.vn\n<c@z.vn>')).toEqual({ ok: true, value: ['a@x.vn', 'b@y.vn', 'c@z.vn'] });
    expect(parseEmailList('')).toEqual({ ok: true, value: [] });
  });

  test('what is not an address is refused with a Vietnamese reason quoting it', () => {
    expect(parseEmailList('chưa có')).toEqual({
      ok: false,
      code: 'email.invalid',
      reason: '“chưa có” không phải địa chỉ thư điện tử. Hãy ghi địa chỉ dạng ten@donvi.gov.vn; nhiều địa chỉ thì cách nhau bằng dấu phẩy.',
    });
    const r = parseEmailList('a@x.vn; vanphong@');
    expect(r.ok ? '' : r.reason).toMatch(/^“vanphong@” không phải địa chỉ/);
    for (const bad of ['a@x', 'a@@x.vn', 'a@x..vn', '.a@x.vn', 'a.@x.vn', 'nguyễn@x.vn', 'a@-x.vn']) expect(isEmailAddress(bad)).toBe(false);
    for (const good of ['van.phong+cchc@ubnd-xa.gov.vn', 'A_B@X.VN']) expect(isEmailAddress(good)).toBe(true);
  });
});
