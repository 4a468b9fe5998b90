import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, sniffCharset } from '../../shared/feeds/charset.ts';
import { parseFeed } from '../../shared/feeds/parse.ts';

/**
 * The charset rule of issue 14: BOM; valid multibyte UTF-8 whatever the labels say; header, then
 * XML declaration or meta, skipping unknown names and contradicted labels; then detection.
 */
const bytes = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
const titles = async (name: string, contentType?: string) =>
  (await parseFeed(decodeBody(bytes(name), contentType))).items.map((i) => i.title);

describe('decodeBody', () => {
  it('reads UTF-8 bytes served under a windows-1252 header as UTF-8', async () => {
    expect(await titles('utf8-korean.xml', 'application/rss+xml; charset=windows-1252')).toEqual([
      '북한군 병력 이동 보도',
      '우크라이나 전선 상황 요약',
      'Сводка: «передача снарядов»',
    ]);
  });

  it('reads UTF-8 bytes under an ISO-8859-1 XML declaration as UTF-8', async () => {
    expect(await titles('utf8-under-latin1-declaration.xml', 'application/xml')).toEqual([
      'Café crème à Séoul',
      'Réunion à Kyïv, délégués reçus',
    ]);
  });

  it('skips a charset name it does not know and uses the XML declaration', async () => {
    expect(await titles('koi8r-declared.xml', 'application/xml; charset=bogus-charset')).toEqual([
      'Первая сводка о войсках',
      'Вторая сводка: снаряды и ракеты',
    ]);
  });

  it('skips a UTF-8 header the bytes contradict and uses the XML declaration', async () => {
    expect(await titles('koi8r-declared.xml', 'text/xml; charset=utf-8')).toEqual([
      'Первая сводка о войсках',
      'Вторая сводка: снаряды и ракеты',
    ]);
  });

  it('detects Latin-1 bytes under a UTF-8 header when the document declares nothing', () => {
    const body = iconv.encode('<p>Les élèves découvrent la forêt près de Genève</p>', 'latin1');
    expect(decodeBody(body, 'text/html; charset=utf-8')).toBe(
      '<p>Les élèves découvrent la forêt près de Genève</p>',
    );
  });

  it('reads broken bytes in a document that itself declares UTF-8 as U+FFFD, as browsers do', () => {
    const body = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Bad '),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from('</title></channel></rss>'),
    ]);
    expect(decodeBody(body, 'application/rss+xml; charset=utf-8')).toContain('Bad \uFFFD');
  });

  it('detects undeclared ISO-8859-1 bytes', async () => {
    expect(await titles('latin1-undeclared.xml', 'application/xml')).toEqual([
      'Les élèves français découvrent la forêt',
      'Réunion tardive à Genève: décisions reportées',
      "Où sont passés les trésors de l'été?",
    ]);
  });

  it('detects undeclared Shift_JIS bytes', async () => {
    expect(await titles('shift-jis-undeclared.xml')).toEqual([
      '北朝鮮の兵士がロシアに派遣されたと報道',
      '国防省は弾薬の輸送について発表した',
      '専門家によると、状況はまだ不透明です',
    ]);
  });

  it('lets a byte-order mark win over every label, UTF-16 and UTF-32 included', () => {
    const text = '<?xml version="1.0"?><rss><channel><title>Ünïcode 📚</title></channel></rss>';
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    expect(decodeBody(Buffer.concat([bom, Buffer.from(text)]), 'text/xml; charset=koi8-r')).toBe(
      text,
    );
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(decodeBody(le, 'text/xml; charset=windows-1252')).toBe(text);
    const le32 = iconv.encode(text, 'utf-32le', { addBOM: true });
    expect(decodeBody(le32)).toBe(text);
    // No BOM, but the `<?` of a UTF-16 document.
    expect(decodeBody(iconv.encode(text, 'utf-16be'))).toBe(text);
  });

  it('ignores a UTF-16 label on a document readable in ASCII', () => {
    const text =
      '<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>x</title></channel></rss>';
    expect(decodeBody(Buffer.from(text))).toBe(text);
  });

  it('reads ISO-8859-1 labels as windows-1252, as browsers do', () => {
    const body = Buffer.from([0x93, 0x71, 0x94, 0x20, 0xe9]);
    expect(decodeBody(body, 'text/html; charset=iso-8859-1')).toBe('“q” é');
  });

  it('keeps a UTF-8 label on UTF-8 with one stray byte: one U+FFFD, not mojibake', () => {
    const body = Buffer.concat([
      Buffer.from('Сводка о войсках и снарядах '),
      Buffer.from([0xff]),
      Buffer.from(' конец'),
    ]);
    expect(sniffCharset(body, 'text/html; charset=utf-8').name).toBe('utf-8');
    expect(decodeBody(body, 'text/html; charset=utf-8')).toBe(
      'Сводка о войсках и снарядах \uFFFD конец',
    );
  });

  it('applies the same rule to an HTML page: valid UTF-8 wins over a meta tag', () => {
    const page = Buffer.from('<html><head><meta charset="windows-1251"></head><p>Café</p>');
    expect(decodeBody(page, 'text/html')).toContain('Café');
    const legacy = iconv.encode(
      '<html><head><meta charset="windows-1251"></head><p>Сводка</p>',
      'windows-1251',
    );
    expect(decodeBody(legacy, 'text/html')).toContain('Сводка');
  });
});
