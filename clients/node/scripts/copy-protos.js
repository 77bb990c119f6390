// Copies the keyturn.v1 contract and the googleapis protos it needs into ./proto, so the
// package works outside the repository too. Runs on `npm ci` / `npm install` (prepare).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..', '..');
const out = path.resolve(__dirname, '..', 'proto');
const sources = [
  [path.join(repo, 'protos', 'keyturn'), path.join(out, 'keyturn')],
  [path.join(repo, 'third_party', 'googleapis', 'google'), path.join(out, 'google')],
];
if (!fs.existsSync(sources[0][0])) {
  // Installed from a packed tarball: proto/ is already inside it.
  process.exit(0);
}
fs.rmSync(out, { recursive: true, force: true });
for (const [from, to] of sources) {
  fs.cpSync(from, to, { recursive: true, filter: (p) => fs.statSync(p).isDirectory() || p.endsWith('.proto') });
}
console.log(`keyturn: copied protos into ${path.relative(process.cwd(), out) || '.'}`);
