#!/usr/bin/env node
// The report's browser test drives Debian's Chromium (playwright-core cannot download a browser
// here). On a machine without it, install it when we can (root with apt-get, as on the project's
// machines and CI); otherwise say how, and let the test report the missing browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.error('claimwatch: installing Debian chromium for the report test (once)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  } else {
    console.error(
      `claimwatch: ${CHROMIUM} is missing; the report test needs it: sudo apt-get install chromium`,
    );
  }
}
