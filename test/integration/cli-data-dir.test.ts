/**
 * Data directory problems (issue #16), each one line with the next step and a non-zero exit:
 * `demo` on a directory a running `run` holds, a `--data-dir` that cannot be written (read-only,
 * unwritable, not a directory, under /proc), and a read-only copy of a data directory, which
 * still answers the read commands and refuses the writing ones.
 *
 * Permissions mean nothing to root, so when the tests run as root the CLI is run as `nobody`
 * through util-linux `setpriv`.
 */
import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.ts';
import { claimwatch, root } from '../helpers/cli.ts';

const SETPRIV = '/usr/bin/setpriv';
const isRoot = process.getuid?.() === 0;
/** Whether permissions can be tested here: as a user, or as root able to become `nobody`. */
const canTestPermissions = process.platform !== 'win32' && (!isRoot || existsSync(SETPRIV));

/** Runs `claimwatch` as a user without root's power over permissions. */
function claimwatchUnprivileged(args: string[]): Promise<CliResult> {
  if (!isRoot) return claimwatch(args);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmpdir() };
  delete env.COLUMNS;
  return new Promise((resolve) => {
    execFile(
      SETPRIV,
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        join(root, 'bin/claimwatch.mjs'),
        ...args,
      ],
      { cwd: root, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Lets `nobody` reach the checkout: a clone made in a private temporary directory (mode 0700, as
 * `mktemp -d` makes it) has an ancestor `nobody` cannot traverse, and the CLI it runs could not
 * even be loaded. Adds only "search" (o+x) to such ancestors, and returns how to put them back.
 */
function letNobodyReach(path: string): () => void {
  const changed: { dir: string; mode: number }[] = [];
  for (let dir = path; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, mode | 0o001);
      changed.push({ dir, mode });
    }
    if (dirname(dir) === dir) break;
  }
  return () => {
    for (const { dir, mode } of changed) chmodSync(dir, mode);
  };
}

/** Removes write permission everywhere under a path (and returns it). */
function readOnly(path: string): string {
  const mode = statSync(path).isDirectory() ? 0o555 : 0o444;
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) readOnly(join(path, name));
  chmodSync(path, mode);
  return path;
}

const oneLine = (r: CliResult) => {
  expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
};

describe('data directory problems', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'claimwatch-datadir16-'));
  const original = join(tmp, 'original');
  const copy = join(tmp, 'read-only-copy');

  let restoreReach = () => {};
  beforeAll(async () => {
    // `nobody` must reach the copies, and the checkout whose CLI it runs.
    chmodSync(tmp, 0o755);
    if (isRoot) restoreReach = letNobodyReach(root);
    const demo = await claimwatch(['demo', '--data-dir', original]);
    expect(demo.code, demo.stderr).toBe(0);
    cpSync(original, copy, { recursive: true });
    readOnly(copy);
  });
  afterAll(() => {
    restoreReach();
    // Read-only copies must be writable again to be removed.
    const writable = (path: string) => {
      chmodSync(path, 0o755);
      if (statSync(path).isDirectory())
        for (const name of readdirSync(path)) writable(join(path, name));
    };
    writable(tmp);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('demo on a data dir that `run` is using exits 1 at once, in one line', async () => {
    const data = join(tmp, 'busy');
    const feeds = join(tmp, 'feeds.json');
    writeFileSync(feeds, JSON.stringify([{ id: 'none', url: 'http://127.0.0.1:9/feed.xml' }]));
    const child = spawn(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), 'run', '--feeds', feeds, '--data-dir', data],
      { cwd: root, env: { ...process.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1' }, stdio: 'pipe' },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout.resume();
    try {
      for (let i = 0; i < 300 && !/feed polled/.test(stderr); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(stderr).toMatch(/feed polled/);
      // It refuses at once rather than waiting for the lock: were it to wait, the test's
      // timeout would end it, not this message.
      const demo = await claimwatch(['demo', '--data-dir', data]);
      expect(demo.code).toBe(1);
      oneLine(demo);
      expect(demo.stderr.trim()).toBe(
        `claimwatch: ${data} is in use by claimwatch process ${child.pid}; stop it first or pass another --data-dir`,
      );
      // The query commands read through the running monitor meanwhile.
      const feedsList = await claimwatch(['feeds', '--data-dir', data]);
      expect(feedsList.code, feedsList.stderr).toBe(0);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.on('exit', r));
    }
  });

  it('a --data-dir that is a file, or under a directory that takes no new entries', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const notDir = await claimwatch(['figures', '--data-dir', file]);
    expect(notDir.code).toBe(1);
    expect(notDir.stderr.trim()).toBe(
      `claimwatch: ${file} is not a directory: pass another --data-dir`,
    );
    const under = await claimwatch(['figures', '--data-dir', join(file, 'data')]);
    expect(under.code).toBe(1);
    oneLine(under);
    expect(under.stderr).toMatch(
      /cannot be written \(ENOTDIR\): check its permissions or pass another --data-dir/,
    );
    if (existsSync('/proc/self')) {
      // Node's recursive mkdir spins for ever here; claimwatch must fail at once.
      const proc = await claimwatch(['figures', '--data-dir', '/proc/claimwatch-test/data']);
      expect(proc.code).toBe(1);
      oneLine(proc);
      expect(proc.stderr).toMatch(
        /^claimwatch: \/proc\/claimwatch-test\/data cannot be written \(\w+\): check its permissions or pass another --data-dir/,
      );
    }
  });

  describe.skipIf(!canTestPermissions)('a read-only copy of a data directory', () => {
    it('still answers figures, figure, feeds, alerts and stories', async () => {
      const figures = await claimwatchUnprivileged(['figures', '--json', '--data-dir', copy]);
      expect(figures.code, figures.stderr).toBe(0);
      const list = JSON.parse(figures.stdout) as { alias: string }[];
      expect(list).toHaveLength(11);
      for (const args of [['figure', list[0]!.alias], ['feeds'], ['alerts'], ['stories']]) {
        const r = await claimwatchUnprivileged([...args, '--data-dir', copy]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        expect(r.stderr).toBe('');
      }
    });

    it('refuses the commands that write, and run and demo, in one line each', async () => {
      const list = JSON.parse(
        (await claimwatchUnprivileged(['figures', '--json', '--data-dir', copy])).stdout,
      ) as { alias: string }[];
      for (const args of [
        ['figures', 'reject', list[0]!.alias, '--why', 'x'],
        ['feeds', 'pause', 'claimwatch-demo'],
      ]) {
        const r = await claimwatchUnprivileged([...args, '--data-dir', copy]);
        expect(r.code, r.stderr).toBe(1);
        oneLine(r);
        expect(r.stderr.trim()).toBe(
          `claimwatch: ${copy} is read-only, so this change cannot be saved: run it where the data can be written, or copy the folder and pass --data-dir`,
        );
      }
      const feeds = join(tmp, 'one-feed.json');
      writeFileSync(feeds, JSON.stringify([{ id: 'x', url: 'http://127.0.0.1:9/feed.xml' }]));
      chmodSync(feeds, 0o644);
      for (const args of [['demo'], ['run', '--once', '--feeds', feeds]]) {
        const r = await claimwatchUnprivileged([...args, '--data-dir', copy]);
        expect(r.code).toBe(1);
        oneLine(r);
        expect(r.stderr.trim()).toBe(
          `claimwatch: ${copy} cannot be written (EACCES): check its permissions or pass another --data-dir`,
        );
      }
      // Nothing was changed.
      const again = await claimwatchUnprivileged(['figures', '--json', '--data-dir', copy]);
      expect(JSON.parse(again.stdout)).toHaveLength(11);
    });

    it('an unwritable new --data-dir under a read-only parent', async () => {
      const data = join(copy, 'new-data');
      const figures = await claimwatchUnprivileged(['figures', '--data-dir', data]);
      expect(figures.code).toBe(1);
      oneLine(figures);
      expect(figures.stderr.trim()).toBe(
        `claimwatch: ${data} cannot be written (EACCES): check its permissions or pass another --data-dir`,
      );
    });
  });
});
