// Finds Debian's Chromium for the browser tests (test/portal.*.e2e-spec.ts), installing it
// with apt-get where it is missing and the machine allows (root, apt-get present): the
// project's own setup does this, never a hand-installed browser. Playwright's own browser
// download is not used: it fetches a binary from outside the package registries.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** @returns {{ path: string } | { skipReason: string }} */
export function ensureChromium() {
  const configured = process.env.KRING_CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? { path: configured } : { skipReason: `KRING_CHROMIUM_PATH=${configured} does not exist` };
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return { path: found };
  if (process.platform !== 'linux') return { skipReason: `no Chromium at ${CANDIDATES.join(' or ')}, and installing it is only automated on Debian Linux (set KRING_CHROMIUM_PATH)` };
  if (!commandExists('apt-get')) return { skipReason: 'no Chromium, and no apt-get to install Debian\'s chromium package (set KRING_CHROMIUM_PATH)' };
  if (process.getuid?.() !== 0) return { skipReason: 'no Chromium, and installing Debian\'s chromium package needs root (run: sudo apt-get install -y chromium)' };
  process.stdout.write('\nInstalling Debian\'s chromium for the browser tests (apt-get install -y chromium)...\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env, encoding: 'utf8', timeout: 15 * 60_000 });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update', '-qq'], { env, encoding: 'utf8', timeout: 10 * 60_000 });
    result = install();
  }
  const installed = CANDIDATES.find((path) => existsSync(path));
  if (installed) {
    process.stdout.write(`Installed ${chromiumVersion(installed)}.\n`);
    return { path: installed };
  }
  const detail = `${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim().split('\n').slice(-3).join(' | ');
  return { skipReason: `apt-get install chromium failed (exit ${result.status}): ${detail || 'no output'}` };
}

export function chromiumVersion(path) {
  try {
    // Debian's wrapper script prints a harmless shell warning on stderr; only stdout matters.
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return path;
  }
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

/** A banner nobody scrolls past. */
export function loudly(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  return `\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n`;
}
