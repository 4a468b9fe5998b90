import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Extracts a charset name from a Content-Type header value. */
function fromContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/**
 * Labels read the way browsers read them (the WHATWG Encoding Standard): a page labelled
 * ISO-8859-1 or ASCII is decoded as windows-1252, whose 0x80-0x9F are the curly quotes and dashes
 * such pages really mean, and GB2312/GBK as GB18030, their superset.
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp819: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

function canonical(label: string): string {
  const name = label.trim().toLowerCase();
  return ALIASES[name] ?? name;
}

const isUtf8Name = (name: string) => name === 'utf-8';
const isWideName = (name: string) => /^(?:utf-?(?:16|32)|ucs-?[24]|unicode)/.test(name);

/**
 * How the bytes read as UTF-8: how many multibyte sequences are well formed and how many bytes
 * are not. A sequence cut off by the very end of the body (a truncated download) is not counted
 * against it.
 */
function utf8Stats(body: Buffer): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < body.length) {
    const b = body[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) {
      invalid++;
      i++;
      continue;
    }
    let n = 1;
    while (n < length && i + n < body.length && (body[i + n]! & 0xc0) === 0x80) n++;
    const second = body[i + 1];
    const overlong =
      second !== undefined &&
      ((b === 0xe0 && second < 0xa0) ||
        (b === 0xed && second > 0x9f) ||
        (b === 0xf0 && second < 0x90) ||
        (b === 0xf4 && second > 0x8f));
    if (n === length && !overlong) {
      multibyte++;
      i += length;
    } else if (i + n >= body.length && !overlong) {
      break; // cut off by the end of the body
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** Byte-order marks and, failing one, the signature of `<?` in a wide encoding (XML 1.0, F.1). */
function fromSignature(body: Buffer): { name: string; skip: number } | undefined {
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { name: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { name: 'utf-32le', skip: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { name: 'utf-32be', skip: 4 };
  if (a === 0xff && b === 0xfe) return { name: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { name: 'utf-16be', skip: 2 };
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return { name: 'utf-32le', skip: 0 };
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return { name: 'utf-32be', skip: 0 };
  if (a === 0x3c && b === 0 && c !== 0) return { name: 'utf-16le', skip: 0 };
  if (a === 0 && b === 0x3c) return { name: 'utf-16be', skip: 0 };
  return undefined;
}

/**
 * The charset labels found for a body, most authoritative first: header, XML declaration, meta;
 * `inDocument` tells the author's own label from the server's.
 */
function labels(
  body: Buffer,
  contentType: string | undefined,
): { label: string; inDocument: boolean }[] {
  const head = body.subarray(0, 4096).toString('latin1');
  return [
    { label: fromContentType(contentType), inDocument: false },
    {
      label: /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head.slice(0, 1024))?.[1],
      inDocument: true,
    },
    { label: /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1], inDocument: true },
  ].filter((found): found is { label: string; inDocument: boolean } => !!found.label);
}

/** Bytes chardet looks at: enough to see a feed's titles, bounded so detection stays cheap. */
const DETECT_BYTES = 512 * 1024;

/** The charset chardet finds most likely among those iconv-lite can decode. */
function detect(body: Buffer): string | undefined {
  for (const match of analyse(body.subarray(0, DETECT_BYTES))) {
    const name = canonical(match.name);
    if (isUtf8Name(name) || isWideName(name)) continue;
    if (match.confidence >= 10 && iconv.encodingExists(name)) return name;
  }
  return undefined;
}

/**
 * Picks the charset of a fetched body the way browsers and Miniflux do:
 * 1. a byte-order mark (or the `<?` of a UTF-16/32 document) wins;
 * 2. bytes that are valid UTF-8 and contain multibyte sequences are UTF-8, whatever a label says
 *    (servers that send `charset=windows-1252` or an ISO-8859-1 XML declaration over UTF-8 are
 *    common, and decoding by the label garbles every non-ASCII character);
 * 3. otherwise the Content-Type charset, then the XML declaration, then an HTML meta tag, each
 *    skipped when iconv-lite does not know the name or when the bytes contradict it (a UTF-8 label
 *    on bytes that are not UTF-8, a UTF-16 label on a document readable in ASCII). A document that
 *    itself declares UTF-8 over broken bytes is read as UTF-8 with U+FFFD, as browsers read it:
 *    only a server's UTF-8 header, so often a default, gives way to detection;
 * 4. otherwise detection (chardet), then windows-1252.
 */
export function sniffCharset(body: Buffer, contentType?: string): { name: string; skip: number } {
  const signature = fromSignature(body);
  if (signature) return signature;
  const stats = utf8Stats(body);
  if (stats.invalid === 0 && stats.multibyte > 0) return { name: 'utf-8', skip: 0 };
  for (const { label, inDocument } of labels(body, contentType)) {
    const name = canonical(label);
    if (isWideName(name)) continue; // no signature above: the bytes are not UTF-16/32
    if (isUtf8Name(name)) {
      // A UTF-8 body with a stray byte or two is still UTF-8; a Latin-1 one is not.
      if (inDocument || stats.invalid === 0 || stats.multibyte >= 4 * stats.invalid) {
        return { name: 'utf-8', skip: 0 };
      }
      continue;
    }
    if (iconv.encodingExists(name)) return { name, skip: 0 };
  }
  // Pure ASCII reads the same in every ASCII-compatible charset: UTF-8 it is.
  if (stats.invalid === 0) return { name: 'utf-8', skip: 0 };
  return { name: detect(body) ?? 'windows-1252', skip: 0 };
}

/**
 * Decodes a fetched body (a feed or an article page) to a string by the rule of
 * {@link sniffCharset}. Korean, Russian and Ukrainian outlets still serve EUC-KR, windows-1251 and
 * KOI8-R, and many servers label them wrongly; reading those by the wrong charset would garble
 * every name and number around them.
 */
export function decodeBody(body: Buffer, contentType?: string): string {
  const { name, skip } = sniffCharset(body, contentType);
  const bytes = skip ? body.subarray(skip) : body;
  const text = name === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, name);
  return text.replace(/^\uFEFF/, '');
}
