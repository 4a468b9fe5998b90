import iconv from 'iconv-lite';

/** Extracts a charset name from a Content-Type header value. */
function fromContentType(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/**
 * Decodes a fetched body to a string the way a browser would: byte-order mark first, then the
 * Content-Type charset, then the XML declaration or an HTML meta tag in the first 1024 bytes, and
 * UTF-8 when nothing says otherwise. Korean, Russian and Ukrainian outlets still serve EUC-KR,
 * windows-1251 and KOI8-R; reading those as UTF-8 would garble every name and number around them.
 */
export function decodeBody(body: Buffer, contentType?: string): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
    return body.subarray(3).toString('utf8');
  if (body[0] === 0xff && body[1] === 0xfe) return iconv.decode(body.subarray(2), 'utf-16le');
  if (body[0] === 0xfe && body[1] === 0xff) return iconv.decode(body.subarray(2), 'utf-16be');
  const head = body.subarray(0, 1024).toString('latin1');
  const declared =
    fromContentType(contentType) ??
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  const name = declared?.toLowerCase();
  if (!name || name === 'utf-8' || name === 'utf8' || !iconv.encodingExists(name)) {
    return body.toString('utf8');
  }
  return iconv.decode(body, name);
}
