/**
 * `claimwatch run` on a terminal (issue #16): what it says at start, while a cycle runs (a live
 * status line on a TTY, plain lines off one), at the end of each cycle, when every feed is
 * backing off, and with `--verbose` and `--quiet`. The real CLI, against feeds on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimwatch, claimwatchOnTty, root, scriptCommand } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { serveSampleSite } from '../helpers/sample-site.ts';

describe('claimwatch run on a terminal', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-run-'));
  const both = join(dir, 'feeds.json');
  const brokenOnly = join(dir, 'broken.json');
  let site: TestServer;
  const env = { FETCH_ALLOW_ADDRESSES: '127.0.0.1', SLACK_WEBHOOK_URL: undefined };
  const once = (args: string[], data: string) =>
    claimwatch(['run', '--once', ...args, '--data-dir', join(dir, data)], env);

  beforeAll(async () => {
    site = await startTestServer();
    serveSampleSite(site);
    site.route('/broken.xml', (_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    writeFileSync(
      both,
      JSON.stringify({
        feeds: [
          { id: 'broken', url: `${site.url}/broken.xml` },
          { id: 'sample', url: `${site.url}/feed.xml` },
        ],
      }),
    );
    writeFileSync(brokenOnly, JSON.stringify([{ id: 'broken', url: `${site.url}/broken.xml` }]));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('off a TTY: the feeds, interval and data dir at start, then plain lines', async () => {
    const { code, stdout, stderr } = await once(['--feeds', both], 'plain');
    expect(code, stderr).toBe(0);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `claimwatch: 2 feeds from ${both}, every 5 min; data in ${join(dir, 'plain')}`,
    );
    expect(lines[1]).toBe(`  broken  ${site.url}/broken.xml`);
    expect(lines[2]).toBe(`  sample  ${site.url}/feed.xml`);
    expect(stderr).toContain('\ncycle started: 2 feeds due\n');
    expect(stderr).toMatch(
      /\n\[\d\d:\d\d\] 2 feeds polled \(1 failed\), 5 new stories, 11 new figures, 11 alerts sent\n {2}`claimwatch feeds` shows why each failing feed failed\n$/,
    );
    // No status line and no escape codes into a pipe.
    expect(stderr).not.toMatch(/\r|\u001b/);
    expect(stdout.match(/^NEW FIGURE: /gm)).toHaveLength(11);
  });

  it('--verbose: one line per feed and per article', async () => {
    const { code, stderr } = await once(['--feeds', both, '--verbose'], 'verbose');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      // A time on another day (the run near midnight) comes with its date.
      /\nfeed broken: failed \(http_status\): .*broken\.xml answered HTTP 500; next try (?:\d{4}-\d\d-\d\d )?\d\d:\d\d\n/,
    );
    expect(stderr).toContain('\nfeed sample: ok, 5 new articles\n');
    const articles = stderr.match(/^article .* \(sample\): \d+ figures?$/gm) ?? [];
    expect(articles).toHaveLength(5);
    expect(stderr).toMatch(/^article Zelensky puts North Korean dead .* \(sample\): 2 figures$/m);
  });

  it('--quiet: alerts only; --verbose with --quiet is a usage error', async () => {
    const quiet = await once(['--feeds', both, '--quiet'], 'quiet');
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout.match(/^NEW FIGURE: /gm)).toHaveLength(11);
    const both2 = await once(['--feeds', both, '--quiet', '--verbose'], 'neither');
    expect(both2.code).toBe(2);
    expect(both2.stderr.trim()).toBe('claimwatch: --verbose and --quiet exclude each other');
  });

  it('says until when nothing is polled when every feed is backing off', async () => {
    const { code, stderr } = await once(['--feeds', brokenOnly], 'backoff');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(
      /\n\[\d\d:\d\d\] 1 feed polled \(1 failed\), 0 new stories, 0 new figures, 0 alerts sent\n {2}every feed is backing off after errors: nothing is polled until (?:\d{4}-\d\d-\d\d )?\d\d:\d\d \(in 10 min, broken\); `claimwatch feeds` shows why\n$/,
    );
  });

  it('shows a paused feed at start and in the cycle’s summary', async () => {
    const data = join(dir, 'paused');
    expect((await once(['--feeds', both], 'paused')).code).toBe(0);
    const pause = await claimwatch([
      'feeds',
      'pause',
      'sample',
      '--by',
      'tester',
      '--data-dir',
      data,
    ]);
    expect(pause.code, pause.stderr).toBe(0);
    const { stderr } = await once(['--feeds', both], 'paused');
    expect(stderr).toMatch(
      new RegExp(
        `\\n {2}sample {2}${site.url.replace(/\./g, '\\.')}/feed\\.xml {2}\\(paused by tester since \\d\\d:\\d\\d\\)\\n`,
      ),
    );
    expect(stderr).toMatch(/\n {2}1 feed paused \(`claimwatch feeds resume ID`\)\n/);
  });

  it.skipIf(!existsSync(scriptCommand))(
    'on a TTY: a live status line while the cycle runs',
    async () => {
      const { code, stdout } = await claimwatchOnTty(
        ['run', '--once', '--feeds', both, '--data-dir', join(dir, 'tty')],
        env,
      );
      expect(code, stdout).toBe(0);
      expect(stdout).toMatch(/\r\u001b\[2Kpolling 2\/2 feeds · 5 articles queued · 5 read/);
      // Cleared before the cycle's summary, which starts on a clean line.
      expect(stdout).toMatch(/\r\u001b\[2K\[\d\d:\d\d\] 2 feeds polled \(1 failed\)/);
      // Every alert printed while the status line was up starts on its own line.
      expect(stdout).not.toMatch(/read[^\r\n]*NEW FIGURE/);
    },
  );

  it('says when the next cycle runs, and stops on Ctrl-C keeping the data', async () => {
    const data = join(dir, 'loop');
    const childEnv: NodeJS.ProcessEnv = { ...process.env, FETCH_ALLOW_ADDRESSES: '127.0.0.1' };
    delete childEnv.SLACK_WEBHOOK_URL;
    const child = spawn(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), 'run', '--feeds', both, '--data-dir', data],
      { cwd: root, env: childEnv, stdio: 'pipe' },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let i = 0; i < 600 && !/next cycle at/.test(stderr); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      // A next cycle after midnight comes with its date.
      expect(stderr).toMatch(
        /\n\[\d\d:\d\d\] 2 feeds polled \(1 failed\), 5 new stories, 11 new figures, 11 alerts sent; next cycle at (?:\d{4}-\d\d-\d\d )?\d\d:\d\d \(in [45] min\)\n/,
      );
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stderr).toContain(`stopping; data kept in ${data}`);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
