// Serves dist/addin over HTTPS on https://localhost:3000 for sideloading into Excel.
// Certificates: made once into certs/ (git-ignored) with office-addin-dev-certs' generator, which
// only writes files. It never installs the CA (that step needs sudo/admin): trust certs/ca.crt
// yourself as the README explains. If the generator cannot run, a self-signed certificate is made
// with openssl as a fallback. /office-js/* maps to node_modules/@microsoft/office-js/dist, for
// taskpane.local.html when working offline.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..');
const dist = join(root, 'dist', 'addin');
const officeJs = join(root, 'node_modules', '@microsoft', 'office-js', 'dist');
const certDir = join(root, 'certs');
const PORT = Number(process.env.PORT ?? 3000);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.png': 'image/png', '.xml': 'application/xml; charset=utf-8', '.map': 'application/json', '.json': 'application/json',
};

async function certificates() {
  const ca = join(certDir, 'ca.crt');
  const cert = join(certDir, 'localhost.crt');
  const key = join(certDir, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) {
    mkdirSync(certDir, { recursive: true });
    try {
      const { generateCertificates } = await import('office-addin-dev-certs');
      await generateCertificates(ca, cert, key, 365, ['127.0.0.1', 'localhost']);
    } catch (e) {
      console.warn(`office-addin-dev-certs failed (${e.message}); making a self-signed certificate with openssl`);
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '365', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert,
      ], { stdio: 'ignore' });
    }
  }
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

function resolvePath(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0]);
  const [base, rel] = clean.startsWith('/office-js/') ? [officeJs, clean.slice('/office-js/'.length)] : [dist, clean.slice(1) || 'taskpane.html'];
  const file = normalize(join(base, rel));
  return file === base || file.startsWith(base + sep) ? file : null;
}

if (!existsSync(join(dist, 'taskpane.html'))) {
  console.error('dist/addin is missing: run `npm run build:addin` first (npm run addin:dev does both).');
  process.exit(1);
}
const server = createServer(await certificates(), (req, res) => {
  const file = resolvePath(req.url ?? '/');
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
server.listen(PORT, 'localhost', () => {
  console.log(`Add-in served at https://localhost:${PORT}/taskpane.html`);
  console.log(`Manifest: ${join(dist, 'manifest.xml')} (sideload it as addin/README.md explains). Ctrl+C to stop.`);
});
