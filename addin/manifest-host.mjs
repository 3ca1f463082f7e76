// The manifest names its host once per URL; development uses https://localhost:3000. Building with
// ADDIN_HOST=https://cchc.example.gov.vn/addin (no trailing slash) writes dist/addin/manifest.xml with
// every https://localhost:3000 replaced by that address: the one setting that points Excel at a real host.
export const DEV_HOST = 'https://localhost:3000';

/** The manifest text with its development host replaced by `host` (an https:// address). */
export function manifestFor(xml, host) {
  const clean = String(host).trim().replace(/\/+$/, '');
  if (!/^https:\/\/[^\s/?#"'<>]+(\/[^\s?#"'<>]*)?$/.test(clean)) {
    throw new Error(`ADDIN_HOST must be an https:// address without query or spaces, got: ${host}`);
  }
  if (!xml.includes(DEV_HOST)) throw new Error(`manifest no longer uses ${DEV_HOST}`);
  // AppDomain takes the origin only (scheme and host), never a path.
  const origin = new URL(clean).origin;
  return xml
    .replace(/<AppDomain>https:\/\/localhost:3000<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_HOST)
    .join(clean);
}
