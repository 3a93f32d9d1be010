#!/usr/bin/env node
/**
 * One-command set-up for a fresh machine that has only Node, npm and apt:
 *   node scripts/bootstrap.mjs [--browser] run <script> [args…]
 * 1. makes sure pnpm 12 is available (installs it into ./.tools when it is not on PATH),
 * 2. installs the workspace's dependencies (`pnpm install`),
 * 3. with --browser, installs what the browser tests use through apt when missing:
 *    Debian's Chromium (Playwright's own browser download cannot work on machines without
 *    general internet access) and speech-dispatcher with espeak-ng (Web Speech voices),
 * 4. runs `pnpm run <script> [args…]`.
 * `npm start` and `npm test` call this, so newcomers never need to know about pnpm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12';
/** Debian packages the browser tests need, by a file that shows each is installed. */
const BROWSER_PACKAGES = [
  ['chromium', '/usr/bin/chromium'],
  ['fonts-dejavu-core', '/usr/share/fonts/truetype/dejavu'],
  ['speech-dispatcher', '/usr/bin/speech-dispatcher'],
  ['speech-dispatcher-espeak-ng', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng'],
];

const args = process.argv.slice(2);
const wantsBrowser = args[0] === '--browser';
if (wantsBrowser) args.shift();
if (args[0] !== 'run' || !args[1]) {
  console.error('usage: node scripts/bootstrap.mjs [--browser] run <script> [args…]');
  process.exit(2);
}

const pnpm = findOrInstallPnpm();
step('Installing dependencies', () => run(pnpm, ['install', '--prefer-offline']));
if (wantsBrowser) ensureBrowserPackages();
const result = spawnSync(pnpm, ['run', ...args.slice(1)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);

function findOrInstallPnpm() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim().startsWith(`${PNPM_VERSION}.`)) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (!existsSync(local)) {
    step(`Installing pnpm ${PNPM_VERSION} into .tools/`, () =>
      run('npm', ['install', '--no-save', '--no-package-lock', '--prefix', join(root, '.tools'), `pnpm@${PNPM_VERSION}`]),
    );
  }
  // Child scripts call `pnpm` by name; put ours first on PATH for them.
  process.env.PATH = `${dirname(local)}:${process.env.PATH}`;
  return local;
}

function ensureBrowserPackages() {
  const missing = BROWSER_PACKAGES.filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  const apt = (aptArgs) => (process.getuid?.() === 0 ? run('apt-get', aptArgs) : run('sudo', ['apt-get', ...aptArgs]));
  step(`Installing ${missing.join(', ')} through apt (for the browser tests)`, () => {
    apt(['update']);
    apt(['install', '-y', ...missing]);
  });
}

function step(title, action) {
  console.log(`\n▶ ${title}`);
  action();
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
