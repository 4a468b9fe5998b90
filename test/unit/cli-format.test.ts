import { describe, expect, it } from 'vitest';
import { binaryKind } from '../../cli/commands/extract.ts';
import { figureAlias, resolveFigureId } from '../../cli/figure-id.ts';
import { displayWidth, table, truncate } from '../../cli/format.ts';
import { colorEnabled, terminalWidth } from '../../cli/terminal.ts';
import { entryLines, parseFeedList, readableFeedId } from '../../shared/feeds/feed-list.ts';

const tty = (columns: number) => ({ isTTY: true, columns }) as unknown as NodeJS.WriteStream;
const pipe = { isTTY: false } as unknown as NodeJS.WriteStream;

describe('tables that fit the terminal', () => {
  const headers = ['id', 'status', 'title', 'url'];
  const rows = [
    [
      'fig-1a2b3c4d',
      'ok',
      'North Korean troops in Kursk: a very long headline indeed',
      'https://a.example/1',
    ],
    ['fig-5e6f7a8b', 'failed', 'Short', 'https://a.example/2'],
  ];

  it('cuts the free-text column with … to the width, and keeps the columns asked', () => {
    const text = table(headers, rows, { width: 60, keep: [0, 3], flex: [2] });
    const lines = text.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(text).toContain('fig-1a2b3c4d');
    expect(text).toContain('https://a.example/1');
    expect(lines[2]).toBe('fig-1a2b3c4d  ok      North Korean tro…  https://a.example/1');
  });

  it('leaves a droppable column out before cutting free text to nothing', () => {
    const text = table(headers, rows, { width: 50, keep: [0], flex: [2], drop: [3] });
    expect(text).not.toContain('url');
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });

  it('without a width, shows everything (the --wide view, and piped output)', () => {
    const text = table(headers, rows, { keep: [0] });
    expect(text).toContain('a very long headline indeed');
    expect(text).not.toContain('…');
  });

  it('aligns and cuts wide (Korean) characters by the columns they take', () => {
    expect(displayWidth('북한군 사상자')).toBe(13);
    expect(truncate('북한군 쿠르스크 사상자', 8)).toBe('북한군 …');
    expect(displayWidth(truncate('북한군 쿠르스크 사상자', 8))).toBeLessThanOrEqual(8);
    const text = table(
      ['title', 'n'],
      [
        ['북한군', 1],
        ['abc', 2],
      ],
    );
    const [, , first, second] = text.split('\n');
    expect(first).toBe('북한군  1');
    expect(second).toBe('abc     2');
  });

  it('colours only what it is told to, after cleaning hostile control characters from cells', () => {
    const hostile = [['x', 'ok\u001b]0;owned\u0007', 'a\nb', 'u']];
    const text = table(headers, hostile, {
      color: true,
      style: (column) => (column === 1 ? 'green' : undefined),
    });
    expect(text).toContain('\u001b[1mid\u001b[22m');
    expect(text).toContain('\u001b[32mok]0;owned\u001b[39m');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('a b');
    expect(table(headers, hostile)).not.toContain('\u001b');
  });

  it('colours a terminal only, never with NO_COLOR or TERM=dumb or into a pipe', () => {
    expect(colorEnabled(tty(80), {})).toBe(true);
    expect(colorEnabled(tty(80), { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty(80), { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(pipe, {})).toBe(false);
  });

  it('takes the width from COLUMNS, else the terminal, else none', () => {
    expect(terminalWidth(tty(120), { COLUMNS: '70' })).toBe(70);
    expect(terminalWidth(tty(120), {})).toBe(120);
    expect(terminalWidth(pipe, {})).toBeUndefined();
  });
});

describe('figure aliases', () => {
  const keys = ['casualties|troops|3000||KP', 'killed|troops|100||KP', 'supplied|shells|+'];
  const store = {
    getFigure: async (key: string) =>
      keys.includes(key) ? ({ figureKey: key } as never) : undefined,
    listFigures: async () => keys.map((figureKey) => ({ figureKey })),
  };

  it('are short, stable and safe to paste into a shell', () => {
    for (const key of keys) {
      expect(figureAlias(key)).toMatch(/^fig-[0-9a-f]{8}$/);
      expect(figureAlias(key)).toBe(figureAlias(key));
    }
    expect(new Set(keys.map(figureAlias)).size).toBe(keys.length);
  });

  it('resolve to the key whole, without the prefix, abbreviated, or as the key itself', async () => {
    const alias = figureAlias(keys[0]!);
    for (const id of [alias, alias.slice(4), alias.slice(0, 8), alias.toUpperCase(), keys[0]!]) {
      expect(await resolveFigureId(store, id)).toBe(keys[0]);
    }
    expect(await resolveFigureId(store, 'fig-zzzz')).toBeUndefined();
    expect(await resolveFigureId(store, 'killed|troops|9||KP')).toBeUndefined();
  });

  it('an abbreviation two figures share is refused, naming both', async () => {
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const key = `killed|troops|${i}||KP`;
      const digits = figureAlias(key).slice(4, 8);
      const other = seen.get(digits);
      if (other) pair = [other, key];
      seen.set(digits, key);
    }
    const twins = {
      getFigure: async () => undefined,
      listFigures: async () => pair!.map((figureKey) => ({ figureKey })),
    };
    const digits = figureAlias(pair[0]).slice(4, 8);
    await expect(resolveFigureId(twins, digits)).rejects.toThrow(
      `"${digits}" matches 2 figures (${pair.map(figureAlias).join(', ')}): give more digits`,
    );
    expect(await resolveFigureId(twins, figureAlias(pair[1]))).toBe(pair[1]);
  });
});

describe('feed lists', () => {
  it('refuses a URL that is not http(s), naming the entry', () => {
    expect(() => parseFeedList([{ url: 'javascript:alert(1)' }])).toThrow(
      'feed list: 0.url: must be an http(s) URL, got "javascript:alert(1)"',
    );
    expect(() => parseFeedList({ feeds: [{ url: 'file:///etc/passwd' }] })).toThrow(
      /feeds\.0\.url/,
    );
  });

  it('refuses a duplicate id, with both lines when it knows them', () => {
    const feeds = [
      { id: 'a', url: 'https://a.example/1' },
      { id: 'a', url: 'https://a.example/2' },
    ];
    expect(() => parseFeedList(feeds)).toThrow(
      'feed list: 1.id: duplicate id "a", already used by 0',
    );
    expect(() => parseFeedList(feeds, 'f.json', (i) => [3, 7][i])).toThrow(
      'f.json:7: 1.id: duplicate id "a", already used by line 3',
    );
  });

  it('finds the line each entry starts on, in both shapes', () => {
    expect(entryLines('[\n  {"url": "x"},\n\n  {"url": "y", "a": [1, {"b": "]"}]}\n]')).toEqual([
      2, 4,
    ]);
    expect(
      entryLines(
        '{\n "title": "x, \\"y\\"",\n "other": {"feeds": []},\n "feeds": [\n  {},\n  {}\n ]\n}',
      ),
    ).toEqual([5, 6]);
    expect(entryLines('{"feeds": []}')).toEqual([]);
  });

  it('gives an added feed a readable, unique id from its host and path', () => {
    const taken = new Set<string>();
    const id = (url: string) => {
      const made = readableFeedId(url, taken);
      taken.add(made);
      return made;
    };
    expect(id('https://www.example.org/world/rss.xml')).toBe('example-org-world-rss');
    expect(id('https://example.org/world/rss')).toBe('example-org-world-rss-2');
    expect(id('https://news.example.com/')).toBe('news-example-com');
    expect(id(`https://a.example/${'x'.repeat(100)}`)).toHaveLength(60);
  });
});

describe('binary files', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n')],
    ['a ZIP archive (or a .docx/.odt)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])],
    ['a binary file', Buffer.from([0x41, 0, 0x42])],
    ['a binary file', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0x01)))],
  ])('tells %s', (kind, bytes) => {
    expect(binaryKind(bytes)).toBe(kind);
  });

  it('leaves text alone, UTF-16 with its byte-order mark included', () => {
    expect(binaryKind(Buffer.from('Title\n\nText\twith a tab\r\n'))).toBeUndefined();
    expect(binaryKind(Buffer.from('\ufeffTitle', 'utf16le'))).toBeUndefined();
    expect(binaryKind(Buffer.from('북한군', 'utf8'))).toBeUndefined();
  });
});
