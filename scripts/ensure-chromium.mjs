#!/usr/bin/env node
// Makes sure Debian's Chromium is present for the web end-to-end tests (playwright-core
// drives /usr/bin/chromium; no browser is ever downloaded by playwright itself), and a
// CJK font so that the zh-CN pages render as text rather than boxes in screenshots.
// Also poppler-utils (pdftoppm, pdftotext, pdffonts), with which the print tests read back
// the PDFs Chromium prints. Installs with apt-get only what is missing; prints what it
// does and fails loudly.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';
const POPPLER_TOOLS = ['/usr/bin/pdftoppm', '/usr/bin/pdftotext', '/usr/bin/pdffonts'];

function hasCjkFont() {
  if (existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return true;
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasCjkFont()) missing.push(CJK_FONT_PACKAGE);
if (!POPPLER_TOOLS.every((tool) => existsSync(tool))) missing.push('poppler-utils');

if (missing.length === 0) {
  console.log(`ensure-chromium: ${CHROMIUM}, a CJK font and poppler-utils are present`);
  process.exit(0);
}

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  console.error(`ensure-chromium: missing ${missing.join(', ')} and apt-get is not available; install them so that ${CHROMIUM} exists.`);
  process.exit(1);
}

const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? ['sudo', '-n'] : [];
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function run(args) {
  const command = [...sudo, ...args];
  console.log(`ensure-chromium: ${command.join(' ')}`);
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
  if (result.error || result.status !== 0) {
    console.error(`ensure-chromium: '${command.join(' ')}' failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
}

console.log(`ensure-chromium: missing ${missing.join(', ')}; installing from Debian`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing]);

for (const path of [CHROMIUM, ...POPPLER_TOOLS]) {
  if (!existsSync(path)) {
    console.error(`ensure-chromium: apt-get finished but ${path} still does not exist`);
    process.exit(1);
  }
}
console.log(`ensure-chromium: ready (${CHROMIUM})`);
