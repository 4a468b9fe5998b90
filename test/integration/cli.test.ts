import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = join(root, 'test/fixtures/figures/seeds/000_3ac8e1e1278cdb87.txt');

/** Runs `claimwatch` as a user would, in its own process. */
function claimwatch(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bin/claimwatch.mjs'), ...args],
      { cwd: root, env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('claimwatch CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('extract --json prints title, byline, text, tags and figures for a text article', async () => {
    const { code, stdout } = await claimwatch([
      'extract',
      '--json',
      seed,
      '--published',
      '2024-12-23',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['title', 'byline', 'text', 'tags', 'figures']);
    expect(out.tags.relevant).toBe(true);
    const zelensky = out.figures.find((f: { value: number }) => f.value === 3000);
    expect(zelensky).toMatchObject({
      metric: 'casualties',
      unit: 'troops',
      qualifier: 'more_than',
      claimantCountry: 'UA',
      side: 'KP',
    });
    expect(zelensky.claimant).toMatch(/Zelensk/);
    expect(typeof zelensky.evidence).toBe('string');
  });

  it('extract reads an HTML file through Readability', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html lang="en"><head><title>Kursk losses</title></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Kursk losses</h1>
      <p>South Korea's Joint Chiefs of Staff said on Monday that about 1,100 North Korean soldiers had been killed or wounded in the Kursk region of Russia, where Pyongyang sent troops to help Moscow.</p>
      <p>The estimate came as Ukraine's president warned that Pyongyang could send more troops and equipment to the Russian army in the coming months.</p>
      <p>Officials in Seoul said the losses were incurred in fighting against Ukrainian forces in the Kursk border region over the past several weeks.</p>
      </article><footer>Subscribe to our newsletter</footer></body></html>`,
    );
    const { code, stdout } = await claimwatch([
      'extract',
      '--json',
      page,
      '--published',
      '2024-12-23',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.text).toContain('1,100 North Korean soldiers');
    expect(out.text).not.toContain('newsletter');
    expect(out.figures).toEqual([
      expect.objectContaining({
        metric: 'casualties',
        value: 1100,
        qualifier: 'about',
        claimantCountry: 'KR',
      }),
    ]);
  });

  it('fails with one clear line and a non-zero exit on bad input', async () => {
    const missing = await claimwatch(['extract', join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^claimwatch: cannot read .*nope\.txt: ENOENT$/);
    const badDate = await claimwatch(['extract', seed, '--published', '23/12/2024']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--published must be YYYY-MM-DD/);
    const unknown = await claimwatch(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/unknown command/);
  });

  it('every command answers --help', async () => {
    for (const command of ['run', 'demo', 'extract', 'figures', 'feeds', 'alerts']) {
      const { code, stdout } = await claimwatch([command, '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: claimwatch /);
    }
  });

  it('demo prints the eleven alerts and a summary, leaves its data for `figures`, and alerts nothing the second time', async () => {
    const dataDir = join(dir, 'data');
    const first = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.match(/^NEW FIGURE: /gm)).toHaveLength(11);
    expect(first.stdout).toMatch(/feeds polled\s+stories stored\s+figures\s+new figures\s+alerts/);
    expect(first.stdout).toMatch(/\n1\s+5\s+11\s+11\s+11\n/);

    const figures = await claimwatch(['figures', '--json', '--data-dir', dataDir]);
    expect(figures.code).toBe(0);
    const list = JSON.parse(figures.stdout) as { metric: string; value: number; sources: number }[];
    expect(list).toHaveLength(11);
    expect(list.find((f) => f.metric === 'casualties' && f.value === 3000)?.sources).toBe(5);

    const table = await claimwatch(['figures', '--data-dir', dataDir]);
    expect(table.stdout).toMatch(/casualties\s+troops\s+3,000\s+more_than/);

    const feeds = await claimwatch(['feeds', '--data-dir', dataDir]);
    expect(feeds.stdout).toMatch(/claimwatch-demo\s+ok\s+0\s+\d+ min ago\s+in \d+ min\s+5/);
    const alerts = JSON.parse(
      (await claimwatch(['alerts', '--json', '--data-dir', dataDir])).stdout,
    );
    expect(alerts).toHaveLength(11);
    expect(alerts.every((a: { status: string }) => a.status === 'sent')).toBe(true);

    const second = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toMatch(/NEW FIGURE/);
    expect(second.stdout).toMatch(/\n1\s+0\s+11\s+0\s+0\n/);
  });
});
