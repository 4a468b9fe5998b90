/**
 * Every way a user can get the command line wrong, or hand it a bad file or feed list, through
 * the real `claimwatch` process: one line on stderr, and exit 2 for a usage error (README).
 * Tables that fit the terminal, colour only on one, and ids safe to paste are here too.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../cli/format.ts';
import type { CliResult } from '../helpers/cli.ts';
import { claimwatch, claimwatchOnTty, root, scriptCommand } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';

const sample = join(root, 'local/demo/articles/000_zelensky-kursk-toll.txt');
const dir = mkdtempSync(join(tmpdir(), 'claimwatch-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The run printed exactly one line on stderr, and nothing on stdout. */
function oneLine(result: CliResult): string {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stdout).toBe('');
  return lines[0]!;
}

describe('usage errors: exit 2 and one line', () => {
  it.each([
    [['frobnicate'], /^claimwatch: unknown command 'frobnicate'; see `claimwatch --help`$/],
    [['figurs'], /^claimwatch: unknown command 'figurs' \(Did you mean .*figures\?\); see /],
    [
      ['figures', '--bogus'],
      /^claimwatch: unknown option '--bogus'; see `claimwatch figures --help`$/,
    ],
    [['stories', '--jsn'], /unknown option '--jsn' \(Did you mean --json\?\)/],
    [['figures', '--json', '--csv'], /option '--json' cannot be used with option '--csv'/],
    [['stories', '--csv', '--json'], /option '--json' cannot be used with option '--csv'/],
    [
      ['extract', sample, '--published', '2024-99-99'],
      /^claimwatch: --published must be a date as YYYY-MM-DD, got "2024-99-99"$/,
    ],
    [['extract', sample, '--published', '2024-02-30'], /--published must be a date/],
    [
      ['feeds', 'frobnicate', 'x'],
      /^claimwatch: unknown command 'frobnicate' for 'claimwatch feeds' \(its commands: list, add, import.*\); see `claimwatch feeds --help`$/,
    ],
    // `feeds remove` exists now: an id the list does not have is still one line and exit 2.
    [['feeds', 'remove', 'x'], /^claimwatch: no feed "x" in .*feeds\.json \(its ids: .*\)$/],
    [
      ['figures', 'extra'],
      /^claimwatch: unexpected argument 'extra' for 'claimwatch figures'; see /,
    ],
    [['figure'], /^claimwatch: missing required argument 'id'; see `claimwatch figure --help`$/],
    [['extract', sample, '--published'], /option '--published <date>' argument missing/],
    [['run', '--interval', '0'], /^claimwatch: --interval must be a positive number/],
    [['figures', '--metric', 'tanks'], /^claimwatch: unknown metric "tanks"/],
  ])('claimwatch %j', async (args, message) => {
    const result = await claimwatch(args, { NO_COLOR: '1' });
    expect(result.code, result.stderr).toBe(2);
    expect(oneLine(result)).toMatch(message);
  });

  it('help and version still exit 0; a bare group prints its help and exits 2', async () => {
    expect((await claimwatch(['--help'])).code).toBe(0);
    expect((await claimwatch(['feeds', 'add', '--help'])).code).toBe(0);
    const version = await claimwatch(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bare = await claimwatch([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^Usage: claimwatch /);
  });
});

describe('extract refuses bad local files in one line', () => {
  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it.each([
    ['an empty file', () => file('empty.txt', ''), /empty\.txt is empty$/],
    ['white space only', () => file('blank.txt', ' \n\n\t \n'), /blank\.txt has only white space/],
    [
      'a binary file',
      () =>
        file(
          'random.bin',
          Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
        ),
      /random\.bin is a binary file, not text or HTML/,
    ],
    [
      'a PDF',
      () =>
        file(
          'paper.pdf',
          Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]),
        ),
      /paper\.pdf is a PDF, not text or HTML/,
    ],
    [
      'a PNG',
      () =>
        file(
          'chart.png',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        ),
      /chart\.png is a PNG image/,
    ],
    [
      'a directory',
      () => {
        mkdirSync(join(dir, 'folder'), { recursive: true });
        return join(dir, 'folder');
      },
      /folder is a directory/,
    ],
    [
      'an HTML page with no text',
      () => file('bare.html', '<html><body></body></html>'),
      /bare\.html has no article text$/,
    ],
  ])('%s', async (_name, make, message) => {
    const result = await claimwatch(['extract', '--json', make()]);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(message);
  });

  it('refuses a file over the fetcher cap by its size, without reading it', async () => {
    // 50 MB, sparse: refusing it takes no longer than refusing an empty file.
    const big = join(dir, 'huge.txt');
    writeFileSync(big, 'Title\n\n');
    truncateSync(big, 50 * 1000 * 1000);
    // Unreadable: a reader that opened it would fail on permissions, not report its size (as
    // root the mode is no bar, and the size message alone is checked).
    chmodSync(big, 0o000);
    const result = await claimwatch(['extract', big]);
    chmodSync(big, 0o600);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(
      /huge\.txt is 47\.7 MiB, over the 15\.0 MiB a page may be \(FETCH_MAX_BYTES\)/,
    );
  });

  it('takes its cap from FETCH_MAX_BYTES', async () => {
    const path = join(dir, 'long.txt');
    writeFileSync(path, `Title\n\n${'North Korea sent troops. '.repeat(100)}`);
    const refused = await claimwatch(['extract', path], { FETCH_MAX_BYTES: '1000' });
    expect(refused.code).toBe(2);
    expect(oneLine(refused)).toMatch(/long\.txt is 0\.0 MiB, over the 0\.0 MiB/);
    expect((await claimwatch(['extract', path])).code).toBe(0);
  });

  it.each([
    [
      'windows-1251',
      'Потери КНДР в Курской области',
      'По словам разведки Украины, около 300 северокорейских военных погибли в Курской области России, а ещё 2700 получили ранения.',
    ],
    [
      'euc-kr',
      '북한군 쿠르스크 사상자',
      '국가정보원은 러시아 쿠르스크 지역에 파병된 북한군 가운데 약 300명이 숨지고 2700명이 다쳤다고 밝혔다.',
    ],
  ])('decodes a %s text file by detection, as pages are', async (charset, title, body) => {
    const path = join(dir, `${charset}.txt`);
    writeFileSync(path, iconv.encode(`${title}\n\n${body}\n`, charset));
    const result = await claimwatch(['extract', '--json', path, '--published', '2025-01-10']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.title).toBe(title);
    expect(out.text).toContain(body.slice(0, 30));
  });
});

describe('bad feed lists are refused at load, with the line at fault', () => {
  const list = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const runOnce = (path: string) =>
    claimwatch(['run', '--once', '--feeds', path, '--data-dir', join(dir, 'never-opened')]);

  it('a URL that is not http(s)', async () => {
    const path = list(
      'javascript.json',
      `{\n  "feeds": [\n    { "id": "ok", "url": "https://ok.example/rss" },\n    {\n      "id": "evil",\n      "url": "javascript:alert(1)"\n    }\n  ]\n}\n`,
    );
    const result = await runOnce(path);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe(
      `claimwatch: ${path}:4: feeds.1.url: must be an http(s) URL, got "javascript:alert(1)"`,
    );
    expect(existsSync(join(dir, 'never-opened'))).toBe(false);
  });

  it('a duplicate id, which used to drop the second feed silently', async () => {
    const path = list(
      'duplicate.json',
      `[\n  { "id": "nk", "url": "https://a.example/rss" },\n  { "id": "kr", "url": "https://b.example/rss" },\n  { "id": "nk", "url": "https://c.example/rss" }\n]\n`,
    );
    const result = await runOnce(path);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe(
      `claimwatch: ${path}:4: 2.id: duplicate id "nk", already used by line 2`,
    );
  });

  it('the same feed twice without ids', async () => {
    const path = list(
      'twice.json',
      `{ "feeds": [\n  { "url": "https://a.example/rss" },\n  { "url": "https://A.example/rss#top" }\n] }\n`,
    );
    expect(oneLine(await runOnce(path))).toMatch(
      new RegExp(`${path}:3: feeds\\.1\\.url: the same feed as line 2`),
    );
  });

  it('an empty list', async () => {
    const path = list('empty.json', '{ "feeds": [] }\n');
    const result = await runOnce(path);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe(
      `claimwatch: ${path}: the feed list is empty; add a feed with \`claimwatch feeds add URL\``,
    );
  });

  it('feeds import refuses a javascript: URL with its OPML line, and adds the rest with readable ids', async () => {
    const opml = list(
      'hostile.opml',
      `<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline text="World" xmlUrl="https://www.example.org/world/rss.xml"/>\n<outline text="Evil" xmlUrl="javascript:alert(1)"/>\n<outline text="World again" xmlUrl="https://example.org/world/rss"/>\n</body></opml>\n`,
    );
    const path = join(dir, 'imported.json');
    const result = await claimwatch(['feeds', 'import', opml, '--feeds', path]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `claimwatch: refused javascript:alert(1) (${opml}:4): not an http(s) URL`,
    );
    expect(result.stdout).toContain('2 added');
    const saved = JSON.parse(readFileSync(path, 'utf8')).feeds;
    expect(saved).toEqual([
      { id: 'example-org-world-rss', url: 'https://www.example.org/world/rss.xml', title: 'World' },
      { id: 'example-org-world-rss-2', url: 'https://example.org/world/rss', title: 'World again' },
    ]);
    // The list it wrote loads.
    const again = await claimwatch(['feeds', 'import', opml, '--feeds', path]);
    expect(again.stdout).toContain('0 added');
  });

  it('feeds import refuses to add to a list that is itself bad, naming its line', async () => {
    const path = list('bad-target.json', `[\n  { "url": "file:///etc/passwd" }\n]\n`);
    const opml = join(root, 'test/fixtures/feeds/subscriptions.opml');
    const result = await claimwatch(['feeds', 'import', opml, '--feeds', path]);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe(
      `claimwatch: ${path}:2: 0.url: must be an http(s) URL, got "file:///etc/passwd"`,
    );
  });
});

describe('tables fit the terminal; ids are safe to paste', () => {
  const dataDir = join(dir, 'demo-data');
  const brokenDir = join(dir, 'broken-data');
  const run = (args: string[], env: Record<string, string | undefined> = {}) =>
    claimwatch([...args, '--data-dir', dataDir], env);
  let failing: TestServer;

  beforeAll(async () => {
    const demo = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(demo.code, demo.stderr).toBe(0);
    // A feed that fails with a long error (its URL), for `feeds` and `feeds --wide`, in data of
    // its own: a run on another feed list would set the demo feed aside.
    failing = await startTestServer();
    const feeds = join(dir, 'failing.json');
    const section = 'world/asia-pacific/korean-peninsula/russia-ukraine-war';
    writeFileSync(
      feeds,
      JSON.stringify([{ id: 'broken-feed', url: `${failing.url}/${section}/rss.xml` }]),
    );
    const once = await claimwatch(['run', '--once', '--feeds', feeds, '--data-dir', brokenDir], {
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
    });
    expect(once.code, once.stderr).toBe(0);
  });
  afterAll(async () => failing?.close());

  it('cuts long columns with … to COLUMNS, and --wide shows them in full', async () => {
    for (const command of [['figures'], ['stories'], ['alerts'], ['feeds']]) {
      const cut = await run(command, { COLUMNS: '72' });
      expect(cut.code, cut.stderr).toBe(0);
      const lines = cut.stdout.trimEnd().split('\n');
      const limit = command[0] === 'stories' ? 72 + 40 : 72; // a story URL is never cut
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(limit);
      const wide = await run([...command, '--wide'], { COLUMNS: '72' });
      expect(Math.max(...wide.stdout.split('\n').map(displayWidth))).toBeGreaterThan(72);
      expect(wide.stdout).not.toContain('…');
    }
    const figures = await run(['figures'], { COLUMNS: '72' });
    expect(figures.stdout).toContain('…');
  });

  it('feeds shows the whole last error with --wide', async () => {
    const feeds = (args: string[], env: Record<string, string> = {}) =>
      claimwatch(['feeds', ...args, '--data-dir', brokenDir], env);
    const [broken] = JSON.parse((await feeds(['--json'])).stdout);
    const full = broken.lastError.message as string;
    expect(full).toMatch(/russia-ukraine-war\/rss\.xml answered HTTP 404$/);
    const cut = (await feeds([], { COLUMNS: '80' })).stdout;
    expect(cut).toMatch(/broken-feed\s+http_status\s+1\s/);
    expect(cut).toContain('…');
    expect(cut).not.toContain(full);
    const wide = await feeds(['--wide'], { COLUMNS: '80' });
    expect(wide.stdout).toContain(full);
  });

  it('shows figure ids as shell-safe aliases that `figure` accepts, whole or abbreviated', async () => {
    const table = (await run(['figures', '--claimant', 'Zelenskyy'])).stdout;
    expect(table).not.toContain('|');
    const alias = /^(fig-[0-9a-f]{8})\s/m.exec(table)?.[1];
    expect(alias).toBeDefined();
    const [json] = JSON.parse((await run(['figures', '--claimant', 'Zelenskyy', '--json'])).stdout);
    expect(json).toMatchObject({ id: 'casualties|troops|3000||KP', alias });
    for (const id of [alias!, alias!.slice(4), alias!.slice(0, 9), 'casualties|troops|3000||KP']) {
      const shown = await run(['figure', id]);
      expect(shown.code, `${id}: ${shown.stderr}`).toBe(0);
      expect(shown.stdout).toMatch(/sources:\s+5/);
    }
    const none = await run(['figure', 'fig-00000000']);
    expect(none.code).toBe(2);
    expect(oneLine(none)).toBe(
      'claimwatch: no figure with id "fig-00000000": `claimwatch figures` lists them',
    );
  });

  it.skipIf(!existsSync(scriptCommand))(
    'colours a table on a terminal only: none with NO_COLOR, none when piped',
    async () => {
      const tty = await claimwatchOnTty(['feeds', '--data-dir', dataDir], {}, 100);
      expect(tty.code, tty.stdout).toBe(0);
      expect(tty.stdout).toContain('\u001b[1mfeed\u001b[22m');
      expect(tty.stdout).toMatch(/\u001b\[32mok\u001b\[39m/);
      const broken = await claimwatchOnTty(['feeds', '--data-dir', brokenDir], {}, 100);
      expect(broken.stdout).toMatch(/\u001b\[31mhttp_status\u001b\[39m/);
      // It fits the terminal's width with no COLUMNS set.
      for (const line of broken.stdout.replace(/\u001b\[\d+m/g, '').split(/\r?\n/)) {
        expect(displayWidth(line)).toBeLessThanOrEqual(100);
      }
      const noColor = await claimwatchOnTty(['feeds', '--data-dir', dataDir], { NO_COLOR: '1' });
      expect(noColor.code).toBe(0);
      expect(noColor.stdout).toMatch(/claimwatch-demo\s+ok/);
      expect(noColor.stdout).not.toContain('\u001b[');
      const piped = await run(['feeds']);
      expect(piped.stdout).toMatch(/claimwatch-demo\s+ok/);
      expect(piped.stdout).not.toContain('\u001b');
    },
  );
});
