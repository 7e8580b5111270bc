// Finds a Chromium for Playwright before the e2e tests, and installs one when there is none:
// CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own browser. On Debian as root
// (where Playwright's browser download may be unreachable) it runs `apt-get install -y chromium`;
// elsewhere `npx playwright install chromium`. Prints what it finds or does.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = candidates.find((p) => existsSync(p));
const playwrightOwn = (() => {
  try {
    const p = chromium.executablePath();
    return existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
})();

const run = (cmd) => {
  console.log(`ensure-chromium: running \`${cmd}\``);
  execSync(cmd, { stdio: 'inherit' });
};

if (found) {
  console.log(`ensure-chromium: using ${found}`);
} else if (playwrightOwn) {
  console.log(`ensure-chromium: using Playwright's Chromium at ${playwrightOwn}`);
} else if (process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0) {
  console.log('ensure-chromium: no Chromium found; installing Debian\'s chromium package');
  run('apt-get update -qq');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
} else {
  console.log('ensure-chromium: no Chromium found; installing Playwright\'s own');
  run('npx playwright install chromium');
}
