import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { itemKeyFor, normalizeUrl } from '../../shared/feeds/identity.ts';
import type { ParsedFeed } from '../../shared/feeds/parse.ts';
import { parseFeed, repairXml } from '../../shared/feeds/parse.ts';
import { FaultTally } from '../helpers/fault-report.ts';

/**
 * Property-based tests of the feed-reading functions that see untrusted input first: the URL
 * normaliser and item keys (duplicates or lost items if they are wrong), the XML repair and feed
 * parser (a crash or a hang stops a feed), and the charset decoder.
 */

const tally = new FaultTally('properties-feeds', [
  'inputs tried',
  'failures survived',
  'unexpected errors',
  'over budget',
]);

/** Wall-clock budget for one input: generous, it tells a hang from slowness, not speed. */
const SAMPLE_BUDGET_MS = 3_000;
/** Each property stops generating after this long (the runs done so far still count). */
const PROPERTY_TIME_LIMIT_MS = 8_000;
const settings = (numRuns: number) => ({
  numRuns,
  interruptAfterTimeLimit: PROPERTY_TIME_LIMIT_MS,
});

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/faults/${name}`, import.meta.url), 'utf8');

/** Resolves with the promise's outcome, or rejects if it has not settled within the budget. */
async function settles<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`not settled within ${SAMPLE_BUDGET_MS} ms`)),
      SAMPLE_BUDGET_MS,
    );
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one sample, counting it and its time; a thrown error is counted and rethrown. */
function sample<T>(run: () => T): T {
  tally.add('inputs tried');
  const started = performance.now();
  try {
    return run();
  } catch (error) {
    tally.add('unexpected errors');
    throw error;
  } finally {
    if (performance.now() - started > SAMPLE_BUDGET_MS) tally.add('over budget');
  }
}

/** Parses one input: a feed, or a FetchError of a parse kind (counted as a survived failure). */
async function parseSample(input: string): Promise<ParsedFeed | FetchError> {
  tally.add('inputs tried');
  const started = performance.now();
  try {
    return await parseFeed(input);
  } catch (error) {
    if (error instanceof FetchError && ['bad_xml', 'not_a_feed'].includes(error.kind)) {
      tally.add('failures survived');
      return error;
    }
    tally.add('unexpected errors');
    throw error;
  } finally {
    if (performance.now() - started > SAMPLE_BUDGET_MS) tally.add('over budget');
  }
}

function expectFeedShape(result: ParsedFeed | FetchError): void {
  if (result instanceof FetchError) return;
  expect(Array.isArray(result.items)).toBe(true);
  for (const item of result.items) {
    expect(typeof item.title).toBe('string');
    for (const field of ['guid', 'link', 'publishedAt', 'author', 'content', 'summary'] as const) {
      expect(item[field] === null || typeof item[field] === 'string').toBe(true);
    }
    if (item.publishedAt) expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
  }
}

const anyString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

// ---------------------------------------------------------------------------------------------
// URLs and item keys

const httpUrl = fc.webUrl({
  validSchemes: ['http', 'https'],
  withQueryParameters: true,
  withFragments: false,
});
const trackingParam = fc
  .tuple(
    fc.constantFrom(
      'utm_source',
      'utm_medium',
      'UTM_Campaign',
      'fbclid',
      'gclid',
      'mc_cid',
      'ocid',
    ),
    fc.stringMatching(/^[a-zA-Z0-9_-]{0,12}$/),
  )
  .map(([key, value]) => `${key}=${value}`);

/** The same link as a feed might give it: other scheme, upper case, default port, fragment, trackers. */
const linkVariant = fc
  .record({
    url: httpUrl,
    swapScheme: fc.boolean(),
    upperCase: fc.boolean(),
    defaultPort: fc.boolean(),
    fragment: fc.option(fc.stringMatching(/^[a-zA-Z0-9_-]{0,12}$/)),
    trackers: fc.array(trackingParam, { maxLength: 3 }),
  })
  .map(({ url, swapScheme, upperCase, defaultPort, fragment, trackers }) => {
    const u = new URL(url);
    let scheme = u.protocol.slice(0, -1);
    if (swapScheme) scheme = scheme === 'http' ? 'https' : 'http';
    let host = u.host;
    if (upperCase) {
      scheme = scheme.toUpperCase();
      host = host.toUpperCase();
    }
    const port = defaultPort && !u.port ? (/^https$/i.test(scheme) ? ':443' : ':80') : '';
    const query = [u.search.slice(1), ...trackers].filter(Boolean).join('&');
    const variant = `${scheme}://${host}${port}${u.pathname}${query ? `?${query}` : ''}${
      fragment === null ? '' : `#${fragment}`
    }`;
    return { url, variant };
  });

describe('normalizeUrl', () => {
  it('never throws, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, httpUrl, fc.webUrl({ withFragments: true })), (input) =>
        sample(() => {
          const once = normalizeUrl(input);
          expect(typeof once).toBe('string');
          expect(normalizeUrl(once)).toBe(once);
        }),
      ),
      settings(1500),
    );
  });

  it('gives one URL for scheme, case, default-port, fragment and tracking-parameter variants', () => {
    fc.assert(
      fc.property(linkVariant, ({ url, variant }) =>
        sample(() => {
          expect(normalizeUrl(variant)).toBe(normalizeUrl(url));
        }),
      ),
      settings(1500),
    );
  });

  it('keeps apart URLs that differ in a real query parameter', () => {
    fc.assert(
      fc.property(
        httpUrl,
        fc.stringMatching(/^[a-z]{1,8}$/),
        fc.stringMatching(/^[a-z0-9]{1,8}$/),
        (url, key, value) => {
          const u = new URL(url);
          fc.pre(!/^(utm_|fbclid|gclid|mc_|ocid|cmpid)/.test(key) && !u.searchParams.has(key));
          u.searchParams.append(key, value);
          sample(() => {
            expect(normalizeUrl(u.href)).not.toBe(normalizeUrl(url));
          });
        },
      ),
      settings(500),
    );
  });
});

describe('itemKeyFor', () => {
  const nullableString = fc.option(anyString);

  it('never throws and is deterministic, whatever the guid, link and title', () => {
    fc.assert(
      fc.property(
        fc.record({ guid: nullableString, link: nullableString, title: anyString }),
        (item) =>
          sample(() => {
            const key = itemKeyFor(item);
            expect(typeof key).toBe('string');
            expect(itemKeyFor({ ...item })).toBe(key);
          }),
      ),
      settings(1000),
    );
  });

  it('keeps an item’s key when its URL guid or link switches scheme, case, port or trackers', () => {
    fc.assert(
      fc.property(linkVariant, fc.boolean(), ({ url, variant }, asGuid) =>
        sample(() => {
          const before = asGuid ? { guid: url, link: null } : { guid: null, link: url };
          const after = asGuid ? { guid: variant, link: null } : { guid: null, link: variant };
          expect(itemKeyFor({ ...after, title: 'x' })).toBe(itemKeyFor({ ...before, title: 'y' }));
        }),
      ),
      settings(800),
    );
  });

  it('keys an item with a link and an opaque guid by its link alone', () => {
    fc.assert(
      fc.property(
        httpUrl,
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        (link, guidA, guidB) =>
          sample(() => {
            expect(itemKeyFor({ guid: guidA, link, title: '' })).toBe(
              itemKeyFor({ guid: guidB, link, title: '' }),
            );
          }),
      ),
      settings(300),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// XML repair and feed parsing

const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '&amp;',
        '&nbsp;',
        '&mdash;',
        '&bogus;',
        '&',
        '&&',
        '&#0;',
        '&#38;',
        '&#x110000;',
        '&#99999999999999;',
        '&#xD800;',
        '&#x;',
        '&lol9;',
        '&xxe;',
        '&x_y;',
        '<',
        '>',
        ']]>',
        '<![CDATA[',
        '\u0000',
        '\u0007',
        '\uFFFE',
        '\uFFFD',
        '\uD800',
        '<!--',
        '-->',
        '<?pi x?>',
        '<br>',
        '<b>bold</b>',
        '"',
        "'",
        '\uFEFF',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const prolog = fc.constantFrom(
  '',
  '<?xml version="1.0"?>',
  '\uFEFF<?xml version="1.0" encoding="utf-8"?>',
  '  \n\t<?xml version="1.0"?>',
  'junk before<?xml version="1.0"?>',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>',
  '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/feed.dtd">',
  '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>',
);

const extraElement = fc.constantFrom(
  '',
  '<enclosure url="http://a.example/x.mp3" length="1" type="audio/mpeg"/>',
  '<category>a</category><category>b</category>',
  '<title>second title</title>',
  '<guid isPermaLink="true">http://a.example/b</guid>',
  '<content:encoded><![CDATA[<p>x</p><script>for(;;){}</script>]]></content:encoded>',
  '<dc:creator>Someone</dc:creator>',
  '<description><p>unescaped html</p></description>',
  '<link href="http://a.example/atom"/>',
  '<pubDate>Mon, 99 Foo 2024 99:99:99 GMT</pubDate>',
  '<pubDate>Sat, 1 Jan 275760 00:00:00 GMT</pubDate>',
);

const item = fc
  .record({
    title: hostileText,
    link: fc.oneof(fc.webUrl(), hostileText),
    guid: fc.option(hostileText),
    description: hostileText,
    date: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
      hostileText,
    ),
    extra: extraElement,
  })
  .map(
    (i) =>
      `<item><title>${i.title}</title><link>${i.link}</link>${
        i.guid === null ? '' : `<guid>${i.guid}</guid>`
      }<description>${i.description}</description><pubDate>${i.date}</pubDate>${i.extra}</item>`,
  );

const entry = item.map((x) =>
  x.replace(/<(\/?)item>/g, '<$1entry>').replace(/<(\/?)pubDate>/g, '<$1updated>'),
);

const nearValidFeed = fc
  .record({
    prolog,
    root: fc.constantFrom('rss2', 'rss09', 'rss-no-version', 'atom', 'rdf', 'unknown'),
    title: hostileText,
    ttl: fc.oneof(fc.constant(''), hostileText, fc.integer().map(String)),
    items: fc.array(item, { maxLength: 12 }),
    entries: fc.array(entry, { maxLength: 6 }),
  })
  .map(({ prolog, root, title, ttl, items, entries }) => {
    const channel = `<title>${title}</title><ttl>${ttl}</ttl>${items.join('')}`;
    const body = {
      rss2: `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${channel}</channel></rss>`,
      rss09: `<rss version="0.91"><channel>${channel}</channel></rss>`,
      'rss-no-version': `<rss><channel>${channel}</channel></rss>`,
      atom: `<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>${entries.join('')}</feed>`,
      rdf: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>${title}</title></channel>${items.join('')}</rdf:RDF>`,
      unknown: `<urlset><url><loc>${title}</loc></url></urlset>`,
    }[root];
    return `${prolog}${body}`;
  });

/** A feed with a few characters deleted, inserted or duplicated at random places. */
const mutatedFeed = fc
  .tuple(
    nearValidFeed,
    fc.array(
      fc.record({
        at: fc.nat(),
        op: fc.constantFrom('delete', 'insert', 'duplicate'),
        text: fc.string({ maxLength: 4 }),
        length: fc.integer({ min: 1, max: 30 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([doc, edits]) => {
    let out = doc;
    for (const edit of edits) {
      const at = edit.at % (out.length + 1);
      if (edit.op === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
      else if (edit.op === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
      else out = out.slice(0, at) + out.slice(at, at + edit.length) + out.slice(at);
    }
    return out;
  });

const jsonFeed = fc
  .record(
    {
      version: fc.oneof(
        fc.constant('https://jsonfeed.org/version/1.1'),
        fc.constant('https://jsonfeed.org/version/1'),
        fc.jsonValue(),
      ),
      title: fc.jsonValue(),
      items: fc.oneof(
        fc.array(
          fc.oneof(
            fc.constant(null),
            fc.jsonValue(),
            fc.record(
              {
                id: fc.jsonValue(),
                url: fc.oneof(fc.webUrl(), fc.jsonValue()),
                external_url: fc.jsonValue(),
                title: fc.jsonValue(),
                content_html: fc.jsonValue(),
                content_text: fc.jsonValue(),
                summary: fc.jsonValue(),
                date_published: fc.oneof(
                  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
                  fc.jsonValue(),
                ),
                date_modified: fc.jsonValue(),
                authors: fc.jsonValue(),
                author: fc.jsonValue(),
              },
              { requiredKeys: [] },
            ),
          ),
          { maxLength: 6 },
        ),
        fc.jsonValue(),
      ),
    },
    { requiredKeys: [] },
  )
  .map((feed) => JSON.stringify(feed));

describe('repairXml', () => {
  it('never throws, leaves no control character and no bare ampersand', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, hostileText, nearValidFeed), (input) =>
        sample(() => {
          const out = repairXml(input);
          expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
          expect(out).not.toMatch(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);)/);
        }),
      ),
      settings(1500),
    );
  });
});

describe('parseFeed', () => {
  const parseProperty = (arbitrary: fc.Arbitrary<string>, numRuns: number) =>
    fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        expectFeedShape(await parseSample(input));
      }),
      // `timeout` fails a sample whose promise never settles (a parser left waiting forever).
      { ...settings(numRuns), timeout: SAMPLE_BUDGET_MS },
    );

  it('on arbitrary strings: a feed, or a FetchError of kind bad_xml or not_a_feed', async () => {
    await parseProperty(fc.oneof(anyString, hostileText), 1500);
  });

  it('on generated near-valid RSS, Atom and RDF, with or without random damage', async () => {
    await parseProperty(fc.oneof(nearValidFeed, mutatedFeed), 2000);
  });

  it('on generated JSON Feeds, items of any shape included', async () => {
    await parseProperty(jsonFeed, 1000);
  });

  it('finishes a document with no root element right after broken XML', async () => {
    // Regression: the parser was shared, and a failed parse left it unable to finish the next
    // document that has no root element; the poll (and the whole cycle) waited forever.
    const empty = fixture('xml-declaration-only.xml');
    for (const broken of [fixture('mismatched-tags.xml'), '</title>', '<rss><channel></rss>']) {
      expect(await settles(parseSample(broken))).toMatchObject({ kind: 'bad_xml' });
      expect(await settles(parseSample(empty))).toMatchObject({ kind: 'not_a_feed' });
    }
  });

  it('reads a JSON Feed with a null item, and refuses one whose version is an object', async () => {
    // Regressions: both threw a TypeError out of parseFeed, which failed the poll itself.
    const nullItem = await parseSample(fixture('json-feed-null-item.json'));
    expect(nullItem).not.toBeInstanceOf(FetchError);
    expect((nullItem as ParsedFeed).items.map((i) => i.guid)).toEqual(['json-good-1']);
    expect(await parseSample(fixture('json-feed-version-object.json'))).toMatchObject({
      kind: 'not_a_feed',
    });
  });

  it('never expands a DTD entity, internal or external', async () => {
    const result = await parseSample(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "expanded-a"><!ENTITY b "&a;&a;&a;"><!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&b;</title><item><title>&xxe; &b;</title><link>http://a.example/1</link></item></channel></rss>',
    );
    expect(result).not.toBeInstanceOf(FetchError);
    expect(JSON.stringify(result)).not.toContain('expanded-a');
    expect(JSON.stringify(result)).not.toMatch(/root:/);
  });
});

// ---------------------------------------------------------------------------------------------
// Charsets

const charsetLabel = fc.oneof(
  fc.constantFrom(
    'utf-8',
    'UTF8',
    'utf-16',
    'utf-16le',
    'utf-16be',
    'utf-32',
    'utf-7',
    'ucs-2',
    'iso-8859-1',
    'latin1',
    'windows-1251',
    'koi8-r',
    'euc-kr',
    'ks_c_5601-1987',
    'shift_jis',
    'gb18030',
    'big5',
    'iso-2022-jp',
    'x-user-defined',
    'binary',
    'base64',
    'hex',
    'ascii',
    'cesu8',
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'unknown-charset',
    '',
  ),
  fc.string({ maxLength: 20 }),
);

const bodyBytes = fc
  .tuple(
    fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0xef, 0xbb],
      [0xff],
      [0x00, 0x00, 0xfe, 0xff],
    ),
    fc.oneof(
      fc.uint8Array({ maxLength: 2000 }),
      fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s, 'utf8')),
    ),
  )
  .map(([bom, bytes]) => Buffer.concat([Buffer.from(bom), Buffer.from(bytes)]));

describe('decodeBody', () => {
  it('never throws, on any bytes with any charset label, in the header or the document', () => {
    fc.assert(
      fc.property(
        bodyBytes,
        charsetLabel,
        fc.constantFrom('header', 'quoted-header', 'xml-declaration', 'meta', 'none'),
        (bytes, label, where) =>
          sample(() => {
            let body = bytes;
            let contentType: string | undefined;
            if (where === 'header') contentType = `application/rss+xml; charset=${label}`;
            if (where === 'quoted-header') contentType = `text/html;charset="${label}"`;
            if (where === 'xml-declaration') {
              body = Buffer.concat([
                Buffer.from(`<?xml version="1.0" encoding="${label}"?>`, 'latin1'),
                bytes,
              ]);
            }
            if (where === 'meta') {
              body = Buffer.concat([Buffer.from(`<meta charset="${label}">`, 'latin1'), bytes]);
            }
            expect(typeof decodeBody(body, contentType)).toBe('string');
          }),
      ),
      settings(2000),
    );
  });

  // The bytes contradict their UTF-8 label, so the label is skipped (issue 14's rule): what they
  // decode to is detection's call, but never an error, and the ASCII before them stays as it is.
  it('reads invalid UTF-8 under a UTF-8 label without an error, the ASCII before it intact', () => {
    fc.assert(
      fc.property(
        // Lead bytes and stray continuations, and one byte that is never valid in UTF-8.
        fc.array(fc.constantFrom(0x80, 0xbf, 0xc3, 0xed, 0xf0), { maxLength: 6 }),
        fc.constantFrom(0xc0, 0xc1, 0xf5, 0xf8, 0xfe, 0xff),
        fc.stringMatching(/^[a-z ]{0,20}$/),
        (bad, never, text) =>
          sample(() => {
            const body = Buffer.concat([
              Buffer.from(text),
              Buffer.from([...bad, never]),
              Buffer.from(text),
            ]);
            const decoded = decodeBody(body, 'text/html; charset=utf-8');
            expect(typeof decoded).toBe('string');
            expect(decoded.startsWith(text)).toBe(true);
          }),
      ),
      settings(300),
    );
  });

  it('decoded then parsed, arbitrary bytes still end in a feed or a parse FetchError', async () => {
    await fc.assert(
      fc.asyncProperty(bodyBytes, charsetLabel, async (bytes, label) => {
        const text = sample(() => decodeBody(bytes, `text/xml; charset=${label}`));
        expectFeedShape(await parseSample(text));
      }),
      { ...settings(500), timeout: SAMPLE_BUDGET_MS },
    );
  });

  it('round-trips text in the legacy charsets the feeds list uses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('windows-1251', 'koi8-r', 'euc-kr'),
        fc.string({
          unit: fc.constantFrom(
            ...'abc 123,.«»—абвгдеёжзийклмнопрстуфхцчшщъыьэюяЖЩЯ북한군병력사상자',
          ),
          maxLength: 60,
        }),
        (label, words) => {
          // A document starts with markup: one starting with bytes FE FF ("юя" in windows-1251)
          // would be read as UTF-16 by its byte-order mark, by a browser and by decodeBody alike.
          const text = `<p>${words}</p>`;
          const bytes = iconv.encode(text, label);
          fc.pre(iconv.decode(bytes, label) === text);
          // A short text whose bytes happen to be valid UTF-8 ("чё" in KOI8-R is DE A3) is read
          // as UTF-8, whatever its label: that is the rule, and real text in these charsets is
          // never valid UTF-8 for long.
          fc.pre(!(isUtf8(bytes) && bytes.some((b) => b >= 0x80)));
          sample(() => {
            expect(decodeBody(bytes, `text/html; charset=${label}`)).toBe(text);
          });
        },
      ),
      settings(300),
    );
  });
});

afterAll(() => {
  tally.print();
});

describe('properties-feeds figures', () => {
  // Registered last, so it runs after every property above.
  it('had no unexpected error and no input over its time budget', () => {
    expect(tally.get('inputs tried')).toBeGreaterThan(0);
    expect(tally.get('unexpected errors')).toBe(0);
    expect(tally.get('over budget')).toBe(0);
  });
});
