import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../shared/errors.ts';
import { decodeBody } from '../../shared/feeds/charset.ts';
import { addMissingChannel, closeTruncated, parseFeed } from '../../shared/feeds/parse.ts';

/** Feeds that a feed reader shows and rss-parser alone refuses (issue 14), and those to refuse. */
const fixture = (name: string) =>
  decodeBody(readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url)));
const failure = (body: string) =>
  parseFeed(body).then(
    () => null,
    (error: unknown) => error,
  );

describe('parseFeed recovers what feed readers read', () => {
  it('reads an <rss> with no version attribute as RSS 2.0', async () => {
    const feed = await parseFeed(fixture('rss-no-version.xml'));
    expect(feed.title).toBe('Versionless wire');
    expect(feed.items.map((i) => i.title)).toEqual([
      'First bulletin without a version',
      'Second bulletin without a version',
    ]);
    expect(feed.items[0]!.link).toBe('https://feeds.example/nv-1');
    expect(feed.truncated).toBeUndefined();
  });

  it('reads the items of an RSS 2.0 document with no <channel>', async () => {
    const feed = await parseFeed(fixture('rss2-no-channel.xml'));
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://feeds.example/nc-1',
      'https://feeds.example/nc-2',
      'https://feeds.example/nc-3',
    ]);
  });

  it('reads the items of an RDF document with no <channel>', async () => {
    const feed = await parseFeed(fixture('rdf-no-channel.xml'));
    expect(feed.items.map((i) => i.title)).toEqual([
      'RDF item without a channel',
      'Second RDF item',
    ]);
  });

  it('keeps the complete items of a document cut off mid-item', async () => {
    const feed = await parseFeed(fixture('truncated.xml'));
    expect(feed.title).toBe('Cut-off wire');
    expect(feed.items.map((i) => i.title)).toEqual(['Complete item one', 'Complete item two']);
    expect(feed.items[1]!.summary ?? feed.items[1]!.content).toContain('inside');
    expect(feed.truncated).toBe(true);
  });

  it('keeps the complete entries of an Atom document cut off inside a CDATA section', async () => {
    const feed = await parseFeed(fixture('atom-truncated.xml'));
    expect(feed.items.map((i) => i.link)).toEqual(['https://feeds.example/at-1']);
  });

  it('keeps the items of a document whose closing tags are missing', async () => {
    const whole = fixture('rss-no-version.xml');
    const feed = await parseFeed(whole.slice(0, whole.indexOf('</channel>')));
    expect(feed.items).toHaveLength(2);
  });
});

describe('parseFeed still refuses what is not a feed or not readable', () => {
  it('gives not_a_feed for a CDF <CHANNEL> document and an empty one', async () => {
    for (const name of ['cdf-channel.xml', 'empty.xml']) {
      const error = await failure(fixture(name));
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).kind).toBe('not_a_feed');
    }
  });

  it('gives bad_xml for crossed tags and for a cut before any item ends', async () => {
    for (const body of [
      '<rss version="2.0"><channel><title>B</title><item><title>An <b>open</title><link>https://feeds.example/x</link></item></channel></rss>',
      '<rss version="2.0"><channel><title>T</title><item><title>only half',
      '<rss><channel></rss>',
    ]) {
      expect(await failure(body)).toMatchObject({ kind: 'bad_xml' });
    }
  });
});

describe('the repairs themselves', () => {
  it('closeTruncated closes what is open after the last complete item, and nothing else', () => {
    expect(
      closeTruncated('<rss><channel><title>T</title><item><title>a</title></item><item><ti'),
    ).toBe('<rss><channel><title>T</title><item><title>a</title></item></channel></rss>');
    expect(closeTruncated('<rss><channel><item><title>a</title></item></channel></rss>')).toBe(
      null,
    );
    expect(closeTruncated('<rss><channel><item><b></item></channel></rss>')).toBe(null);
  });

  it('addMissingChannel leaves a document with a channel alone', () => {
    expect(addMissingChannel('<rss version="2.0"><channel></channel></rss>')).toBe(null);
    expect(addMissingChannel('<rss version="2.0"><item/></rss>')).toBe(
      '<rss version="2.0"><channel><item/></channel></rss>',
    );
  });
});
