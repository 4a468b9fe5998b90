import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

// Every sentence below is our own, written for these tests: the patterns of attribution and
// number forms that real Ukrainian, Russian and German news use (issue 12).

const read = (language: string, body: string): Figure[] =>
  extractFigures(`Titel\n\n${body}`, { language, published: '2025-02-10' });

const find = (figures: Figure[], value: number): Figure => {
  const f = figures.find((x) => x.value === value);
  expect(f, JSON.stringify(figures.map((x) => [x.metric, x.value, x.claimant]))).toBeDefined();
  return f!;
};

describe('attribution across sentences', () => {
  it('credits the source a later "Про це повідомив" sentence names, across the paragraph', () => {
    const f = read(
      'uk',
      'У боях загинули близько 2 тисяч північнокорейських військових.\n\nПро це повідомив начальник ГУР Кирило Буданов в інтерв’ю одному з видань.',
    );
    expect(find(f, 2000)).toMatchObject({ metric: 'killed', claimant: 'Kyrylo Budanov' });
  });

  it('prefers the cited source over the outlet that relays it', () => {
    const f = read(
      'ru',
      'КНДР дополнительно отправила в Россию около 3 тысяч военных. Об этом сообщает агентство Reuters со ссылкой на Национальную разведывательную службу Южной Кореи.',
    );
    expect(find(f, 3000)).toMatchObject({
      metric: 'deployed',
      claimant: 'South Korea National Intelligence Service',
    });
    const g = read(
      'de',
      'Nordkorea hat nach einem Bericht weitere 2.000 Soldaten nach Russland verlegt, meldete die Agentur Yonhap unter Berufung auf den südkoreanischen Geheimdienst.',
    );
    expect(find(g, 2000).claimant).toBe('South Korea National Intelligence Service');
  });

  it('resolves "the agency", "the diplomat" to the source named before', () => {
    const f = read(
      'uk',
      'Національна розвідувальна служба Південної Кореї провела закритий брифінг.\n\nУ розвідці також зазначили, що поранено до 1500 північнокорейських солдатів.',
    );
    expect(find(f, 1500)).toMatchObject({
      metric: 'wounded',
      claimant: 'South Korea National Intelligence Service',
    });
  });

  it('goes on with the source after "Darüber hinaus" and "Кроме того"', () => {
    const f = read(
      'de',
      'Nach Erkenntnissen des südkoreanischen Geheimdienstes hat Nordkorea 150 Haubitzen an Russland geliefert.\n\nDarüber hinaus wurden 9.000 nordkoreanische Soldaten an die Front entsandt.',
    );
    expect(find(f, 9000).claimant).toBe('South Korea National Intelligence Service');
    const g = read(
      'ru',
      'Как заявил Зеленский, в Курской области воюют 8 тысяч северокорейских солдат.\n\nКроме того, около 400 из них уже погибли в боях.',
    );
    expect(find(g, 400)).toMatchObject({ metric: 'killed', claimant: 'Volodymyr Zelensky' });
  });

  it('gives a quotation the speaker of the paragraph before', () => {
    const f = read(
      'ru',
      'Об этом рассказал главнокомандующий ВСУ Александр Сырский в интервью.\n\n"Это была первая такая операция. Противник собрал группировку до 9 тысяч военнослужащих КНДР", — сказал генерал.',
    );
    expect(find(f, 9000)).toMatchObject({ metric: 'deployed', claimant: 'Oleksandr Syrskyi' });
  });

  it('leaves a number "by estimates" without a source, whoever was named before', () => {
    const f = read(
      'de',
      'Selenskyj sprach am Montag über die Lage an der Front.\n\nSchätzungen zufolge sollen bis zu 14.000 Nordkoreaner nach Russland geschickt worden sein.',
    );
    expect(find(f, 14000)).toMatchObject({ metric: 'deployed', claimant: null });
  });

  it('does not take an actor for the source ("Кім Чен Ин відправляє …")', () => {
    const f = read(
      'uk',
      'Кім Чен Ин відправляє до Росії ще 4 тисячі військових, повідомляє одне з видань.',
    );
    expect(find(f, 4000).claimant).not.toBe('Kim Jong Un');
  });

  it('credits the body a lawmaker of the intelligence committee relays', () => {
    const f = read(
      'de',
      'Mehr als eine Million Granaten aus Nordkorea hat Russland bereits erhalten, sagt Yoo Sang-bum, ein Mitglied des Geheimdienstausschusses.',
    );
    expect(find(f, 1_000_000)).toMatchObject({
      metric: 'supplied',
      unit: 'shells',
      claimant: 'South Korea National Intelligence Service',
    });
  });
});

describe('number and unit forms', () => {
  it('reads collective numerals, "перекинув" and people sent for demining', () => {
    const f = read(
      'uk',
      'Пхеньян перекинув до Курської області 700 військових для розмінування. Під час робіт загинуло шестеро солдатів КНДР.',
    );
    expect(find(f, 700)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    expect(find(f, 6)).toMatchObject({ metric: 'killed' });
  });

  it('takes the named kind of people over "человек" after the number', () => {
    const f = read(
      'ru',
      'КНДР направит в Россию «военных строителей» общей численностью три тысячи человек.',
    );
    expect(find(f, 3000)).toMatchObject({ metric: 'deployed', unit: 'workers' });
  });

  it('reads a part of a whole just named ("Из них")', () => {
    const f = read(
      'ru',
      'Солдаты КНДР потеряли убитыми и ранеными около 3000 военных. Из них около 700 погибших.',
    );
    expect(find(f, 3000).metric).toBe('casualties');
    expect(find(f, 700).metric).toBe('killed');
  });

  it('splits sentences the segmenter joins and reads "eine Million"', () => {
    const f = read(
      'de',
      'Nordkorea hat 8.000 Soldaten nach Russland entsandt. 200 davon sollen gefallen sein.Das teilte der südkoreanische Geheimdienst mit.',
    );
    expect(find(f, 200)).toMatchObject({ metric: 'killed' });
    const g = read('de', 'Nordkorea hat Russland eine Million Artilleriegranaten geliefert.');
    expect(find(g, 1_000_000)).toMatchObject({ metric: 'supplied', unit: 'shells' });
  });

  it('leaves out clock times and counted deliveries', () => {
    const f = read(
      'uk',
      '10:45, 3 березня\n\nПівнічна Корея передала Росії понад 2 мільйони снарядів.',
    );
    expect(f.map((x) => x.value)).toEqual([2_000_000]);
    const g = read(
      'de',
      'Es gab insgesamt zwölf Lieferungen aus Nordkorea mit Munition, sagte ein Abgeordneter.',
    );
    expect(g).toEqual([]);
  });
});

describe('Korean lines that name no source', () => {
  it('gives nobody a figure the line only says is reported', () => {
    const f = read(
      'ko',
      '국정원은 북한군 동향을 계속 파악 중이라고 밝혔다.\n북한은 지난달 2000명이 넘는 병력을 러시아로 더 보낸 것으로 전해졌다.',
    );
    expect(find(f, 2000).claimant).toBeNull();
  });

  it('lends no source from a line that declines to give numbers', () => {
    const f = read(
      'ko',
      '합참 관계자는 파병 규모에 대해서는 밝히지 않았다.\n북한은 지난해 가을 9000여명의 병력을 러시아로 보냈다.',
    );
    expect(find(f, 9000).claimant).toBeNull();
  });

  it('still credits the source its own line names', () => {
    const f = read(
      'ko',
      '국정원은 북한이 러시아에 병력 2000여명을 추가로 보낸 것으로 전해졌다고 밝혔다.',
    );
    expect(find(f, 2000).claimant).toBe('South Korea National Intelligence Service');
  });

  it('knows the US deputy envoy by his Korean spelling', () => {
    const f = read(
      'ko',
      '앞서 로버트 우드 주유엔 미국 차석 대사는 유엔 회의에서 "쿠르스크주에 북한군 7000명이 있다는 정보를 받았다"고 말했다.',
    );
    expect(find(f, 7000).claimant).toBe('Robert Wood');
  });
});
