/**
 * What a data directory can go through on a user's machine: two monitors started at once, a
 * stale `services.json` whose pid now belongs to another program, damaged table files, a path
 * that is a file. Each ends in one line with the next step, and no data is lost.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../local/session.ts';
import { claimwatch } from '../helpers/cli.ts';

describe('data directory problems', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'claimwatch-datadir-'));
  const original = join(tmp, 'original');
  const copy = (name: string) => {
    const dir = join(tmp, name);
    cpSync(original, dir, { recursive: true });
    return dir;
  };

  beforeAll(async () => {
    const demo = await claimwatch(['demo', '--data-dir', original]);
    expect(demo.code, demo.stderr).toBe(0);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses the second of two monitors started together, in one line', async () => {
    const dir = join(tmp, 'twice');
    const [a, b] = await Promise.all([
      claimwatch(['demo', '--data-dir', dir]),
      claimwatch(['demo', '--data-dir', dir]),
    ]);
    const [won, lost] = a.code === 0 ? [a, b] : [b, a];
    expect(won.code, won.stderr).toBe(0);
    expect(lost.code).toBe(1);
    expect(lost.stderr.trim()).toMatch(
      /^claimwatch: .* is (in use|being opened) by .*claimwatch process/,
    );
    expect(lost.stderr.trim().split('\n')).toHaveLength(1);
    // Nothing was lost by the race: the winner's data reads back whole.
    const figures = await claimwatch(['figures', '--json', '--data-dir', dir]);
    expect(JSON.parse(figures.stdout)).toHaveLength(11);
  });

  it('ignores a stale services.json whose pid now belongs to another program', async () => {
    const dir = copy('stale');
    // Another program holds the pid the dead monitor had.
    const other = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      writeFileSync(
        join(dir, 'services.json'),
        JSON.stringify({ pid: other.pid, dynamoEndpoint: 'http://127.0.0.1:1', tableName: 't' }),
      );
      const figures = await claimwatch(['figures', '--json', '--data-dir', dir]);
      expect(figures.code, figures.stderr).toBe(0);
      expect(JSON.parse(figures.stdout)).toHaveLength(11);
    } finally {
      other.kill();
    }
  });

  it('reads on when the process it was reading through stops in the middle of a command', async () => {
    // `claimwatch serve` holds the directory while it answers and lets go when idle: a command
    // that found its endpoint a moment before must not crash on the refused connection.
    const dir = copy('handover');
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)', 'claimwatch'], {
      stdio: 'ignore',
    });
    const endpoint = createServer();
    try {
      await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
      const { port } = endpoint.address() as { port: number };
      writeFileSync(
        join(dir, 'services.json'),
        JSON.stringify({
          pid: holder.pid,
          dynamoEndpoint: `http://127.0.0.1:${port}`,
          tableName: 'claimwatch',
        }),
      );
      const { store, close } = await openLocalStore(dir);
      try {
        // The holder stops as serve does: its advert goes first, then its endpoint.
        rmSync(join(dir, 'services.json'));
        await new Promise((resolve) => endpoint.close(resolve));
        expect(await store.listFigures()).toHaveLength(11);
      } finally {
        await close();
      }
    } finally {
      holder.kill();
      endpoint.close();
    }
  });

  it.each([
    ['an emptied CURRENT', (db: string) => writeFileSync(join(db, 'CURRENT'), '')],
    [
      'a truncated MANIFEST',
      (db: string) =>
        truncateSync(join(db, readdirSync(db).find((f) => f.startsWith('MANIFEST'))!), 10),
    ],
  ])('explains %s in one line with the next step', async (_what, damage) => {
    const dir = copy(`damaged-${Math.random().toString(36).slice(2)}`);
    damage(join(dir, 'dynamodb'));
    const figures = await claimwatch(['figures', '--data-dir', dir]);
    expect(figures.code).toBe(1);
    expect(figures.stderr.trim()).toMatch(
      /^claimwatch: the data in .*dynamodb cannot be read \(Corruption: .*\): move that folder aside/,
    );
    expect(figures.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a data directory that is a file', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'not a directory');
    const demo = await claimwatch(['demo', '--data-dir', file]);
    expect(demo.code).toBe(1);
    expect(demo.stderr.trim()).toBe(
      `claimwatch: ${file} is not a directory: pass another --data-dir`,
    );
  });
});
