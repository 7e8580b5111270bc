// Finds the tools the tests need, and installs what is missing, saying what it does:
// - a Chromium for Playwright: CHROMIUM_PATH, then /usr/bin/chromium, then Playwright's own.
//   On Debian as root (where Playwright's browser download may be unreachable) it runs
//   `apt-get install -y chromium`; elsewhere `npx playwright install chromium`.
// - Erlang (`erl`): one unit test runs our handshake against a real BEAM node. On Debian as
//   root it runs `apt-get install -y erlang-base`; elsewhere it asks you to install Erlang.
// - Elixir (`elixir`, with Erlang): the gateway's tests and e2e/beam-*.spec.ts put a real
//   `elixir --sname` node beside the tabs. On Debian as root `apt-get install -y elixir`.
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

const debianRoot = process.platform === 'linux' && existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
let aptUpdated = false;
const aptInstall = (pkg) => {
  if (!aptUpdated) run('apt-get update -qq');
  aptUpdated = true;
  run(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg}`);
};

const run = (cmd) => {
  console.log(`ensure-tools: running \`${cmd}\``);
  execSync(cmd, { stdio: 'inherit' });
};

if (found) {
  console.log(`ensure-tools: using ${found}`);
} else if (playwrightOwn) {
  console.log(`ensure-tools: using Playwright's Chromium at ${playwrightOwn}`);
} else if (debianRoot) {
  console.log('ensure-tools: no Chromium found; installing Debian\'s chromium package');
  aptInstall('chromium');
} else {
  console.log('ensure-tools: no Chromium found; installing Playwright\'s own');
  run('npx playwright install chromium');
}

/** `command` on the PATH, else Debian's `pkg` when we may install it, else a hint and exit 1. */
const ensureTool = (command, label, pkg, hint) => {
  const has = (() => {
    try {
      execSync(command, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const name = command.split(' ')[0];
  if (has) {
    console.log(`ensure-tools: using ${name} from PATH`);
  } else if (debianRoot) {
    console.log(`ensure-tools: no ${label} found; installing Debian's ${pkg} package`);
    aptInstall(pkg);
  } else {
    console.error(`ensure-tools: no ${label} found: install ${label} (${name} on the PATH), e.g. \`${hint}\``);
    process.exit(1);
  }
};

ensureTool('erl -version', 'Erlang', 'erlang-base', 'brew install erlang');
// Elixir's Debian package brings the rest of Erlang with it.
ensureTool('elixir --version', 'Elixir', 'elixir', 'brew install elixir');
