import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMANTS } from '../../../shared/figures/claimant-table.ts';
import { extractFigures } from '../../../shared/figures/extract.ts';
import { describeFigure } from '../../../shared/figures/identity.ts';
import {
  extractWithPack,
  hasPack,
  markersWithPack,
  PACKS,
} from '../../../shared/figures/multilingual/index.ts';
import { type GoldArticle, scoreCorpus } from '../../../shared/figures/score.ts';
import { tagStory } from '../../../shared/figures/tags.ts';
import type { Figure } from '../../../shared/types.ts';

// Every sentence below is our own, written for these tests.

const read = (language: string, body: string, published = '2025-01-20'): Figure[] =>
  extractFigures(`Titel\n\n${body}`, { language, published });

const one = (language: string, body: string, published?: string): Figure => {
  const figures = read(language, body, published);
  expect(figures, JSON.stringify(figures)).toHaveLength(1);
  return figures[0]!;
};

describe('language packs', () => {
  it('has a pack for ko, uk, ru and de, with any region subtag', () => {
    for (const l of ['ko', 'uk', 'ru', 'de', 'ko-KR', 'de-AT']) expect(hasPack(l)).toBe(true);
    for (const l of ['en', 'fr', 'und', '']) expect(hasPack(l)).toBe(false);
    expect(extractWithPack('', 'ko')).toEqual([]);
    expect(extractWithPack('北', 'xx')).toEqual([]);
  });

  it('names only claimants of the shared table, by their English names', () => {
    const names = new Set(CLAIMANTS.map((c) => c.name));
    for (const pack of Object.values(PACKS)) {
      for (const a of pack.claimants) {
        if (a.country !== undefined) continue; // an outlet the table does not list
        expect(names.has(a.name), `${pack.language}: ${a.alias} -> ${a.name}`).toBe(true);
      }
    }
  });

  it('never throws on odd input', () => {
    for (const language of Object.keys(PACKS)) {
      for (const text of [
        '',
        '   ',
        '123',
        '북한 1만',
        'КНДР 3 тыс.',
        '\u0000\uffff',
        'x'.repeat(5000),
      ])
        expect(() => extractFigures(text, { language })).not.toThrow();
    }
  });
});

describe('Korean', () => {
  it('reads a range written with any wave dash', () => {
    for (const dash of ['~', '∼', '〜', '～']) {
      expect(
        one('ko', `국정원은 북한군 1만1천${dash}1만2천 명이 파병됐다고 밝혔다.`),
      ).toMatchObject({
        metric: 'deployed',
        value: 11000,
        valueHigh: 12000,
        qualifier: 'range',
      });
    }
  });

  it('reads 만/천 numbers with 여, counters and the noun before the number', () => {
    expect(one('ko', '합참은 북한이 병력 1만1천여 명을 러시아에 파병했다고 밝혔다.')).toMatchObject(
      {
        metric: 'deployed',
        unit: 'troops',
        value: 11000,
        qualifier: 'about',
        claimant: 'South Korea Joint Chiefs of Staff',
        claimantCountry: 'KR',
        side: 'KP',
      },
    );
    expect(one('ko', '국정원은 북한군 사상자가 4천700명에 달한다고 밝혔다.')).toMatchObject({
      metric: 'casualties',
      value: 4700,
      qualifier: 'exact',
      claimant: 'South Korea National Intelligence Service',
    });
    expect(one('ko', '국정원은 북한군 1만 5천 명이 러시아에 파병됐다고 보고했다.').value).toBe(
      15000,
    );
    expect(
      one('ko', '국정원은 북한이 포탄 1천200만 발 이상을 러시아에 보냈다고 밝혔다.'),
    ).toMatchObject({
      metric: 'supplied',
      unit: 'shells',
      value: 12_000_000,
      qualifier: 'at_least',
    });
  });

  it('reads hedges before and after, ranges and increments', () => {
    expect(
      one('ko', '미 국방부는 북한군이 최대 1만2천 명 러시아에 체류한다고 밝혔다.'),
    ).toMatchObject({
      value: 12000,
      qualifier: 'up_to',
      claimant: 'Pentagon',
    });
    expect(one('ko', '국정원은 북한군 사상자가 3천 명을 넘어섰다고 밝혔다.').qualifier).toBe(
      'more_than',
    );
    expect(one('ko', '합참은 북한군 1만~1만2천 명이 러시아에 배치됐다고 밝혔다.')).toMatchObject({
      value: 10000,
      valueHigh: 12000,
      qualifier: 'range',
    });
    expect(one('ko', '합참은 북한이 병력 3천여 명을 추가로 보냈다고 밝혔다.')).toMatchObject({
      value: 3000,
      increment: true,
    });
  });

  it('knows materiel counters and the unit noun, past a calibre', () => {
    const figures = read(
      'ko',
      '합참은 북한이 240㎜ 방사포 120문과 170㎜ 자주포 100여 문을 러시아에 제공했다고 밝혔다.',
    );
    expect(figures.map((f) => [f.unit, f.value, f.qualifier])).toEqual([
      ['rocket_launchers', 120, 'exact'],
      ['artillery', 100, 'about'],
    ]);
  });

  it('credits the NIS for a lawmaker relaying its briefing, and dates "23일"', () => {
    const f = one(
      'ko',
      '국가정보원은 국회 정보위원회에 보고했다.\n이성권 의원은 23일 북한군 사망자가 300명으로 늘었다고 전했다.',
      '2025-01-24',
    );
    expect(f).toMatchObject({
      metric: 'killed',
      value: 300,
      claimant: 'South Korea National Intelligence Service',
      asOf: '2025-01-23',
    });
  });

  it('leaves out vague amounts, dates, calibres, doubted numbers and victims', () => {
    expect(read('ko', '북한군 수천 명이 러시아에 파병됐다.')).toEqual([]);
    expect(read('ko', '북한은 지난 1~2월 러시아에 사거리 60㎞의 방사포를 보냈다.')).toEqual([]);
    expect(read('ko', '북한군 5만 명 파병설에 대해 전문가들은 과장이라고 평가했다.')).toEqual([]);
    expect(read('ko', '북한제 미사일 공격으로 키이우에서 민간인 12명이 숨졌다.')).toEqual([]);
    expect(read('ko', '북한군 사상자가 3천 명을 넘었나?')).toEqual([]);
    // Russian troops are read as side RU, never KP.
    expect(read('ko', '북한군과 함께 싸우는 러시아군 1천350명이 죽거나 다쳤다.')[0]?.side).toBe(
      'RU',
    );
  });
});

describe('Ukrainian', () => {
  it('reads тис./тисячі, spaces in thousands and hedges', () => {
    expect(
      one('uk', 'За даними ГУР, понад 3 тис. північнокорейських військових загинули або поранені.'),
    ).toMatchObject({
      metric: 'casualties',
      value: 3000,
      qualifier: 'more_than',
      claimant: 'Ukraine Main Intelligence Directorate',
    });
    expect(
      one(
        'uk',
        'Генштаб ЗСУ повідомив, що в Росії перебувають близько 11\u00a0000 військових КНДР.',
      ),
    ).toMatchObject({
      metric: 'deployed',
      value: 11000,
      qualifier: 'about',
      claimant: 'Ukraine General Staff',
    });
    expect(one('uk', 'Зеленський заявив, що КНДР направила ще три тисячі солдатів.')).toMatchObject(
      {
        value: 3000,
        increment: true,
        claimant: 'Volodymyr Zelensky',
      },
    );
    expect(
      one('uk', 'Сирський сказав, що щонайменше 300 північнокорейців загинули.'),
    ).toMatchObject({
      metric: 'killed',
      value: 300,
      qualifier: 'at_least',
      claimant: 'Oleksandr Syrskyi',
    });
  });

  it('reads materiel, ranges and dates', () => {
    expect(
      one(
        'uk',
        'Буданов заявив 12 грудня, що КНДР передала росії майже 4 млн артилерійських снарядів.',
        '2025-01-20',
      ),
    ).toMatchObject({
      metric: 'supplied',
      unit: 'shells',
      value: 4_000_000,
      qualifier: 'up_to',
      claimant: 'Kyrylo Budanov',
      asOf: '2024-12-12',
    });
    expect(
      one('uk', 'За даними Пентагону, у Курській області від 11 до 12 тис. військових КНДР.'),
    ).toMatchObject({ value: 11000, valueHigh: 12000, qualifier: 'range' });
  });

  it('leaves out victims, money and calibres', () => {
    expect(read('uk', 'Північнокорейська ракета вбила 5 людей у Києві.')).toEqual([]);
    expect(read('uk', 'КНДР отримала 20 млрд доларів за поставки 152-мм снарядів.')).toEqual([]);
  });
});

describe('Russian', () => {
  it('reads тыс./млн, number words in their cases and hedges', () => {
    expect(
      one('ru', 'По данным Генштаба ВСУ, более 3 тыс. северокорейских военных убиты или ранены.'),
    ).toMatchObject({
      metric: 'casualties',
      value: 3000,
      qualifier: 'more_than',
      claimant: 'Ukraine General Staff',
    });
    expect(
      one('ru', 'Буданов сообщил, что в Курскую область прибыл эшелон с тысячью саперов из КНДР.'),
    ).toMatchObject({
      unit: 'deminers',
      value: 1000,
    });
    expect(
      one(
        'ru',
        'Пентагон заявил, что Пхеньян отправил в Россию от 10 до 12 тыс. военнослужащих КНДР.',
      ),
    ).toMatchObject({
      value: 10000,
      valueHigh: 12000,
      claimant: 'Pentagon',
      claimantCountry: 'US',
    });
    expect(
      one('ru', 'Зеленский заявил, что КНДР может направить ещё 12 млн снарядов.'),
    ).toMatchObject({
      metric: 'supplied',
      value: 12_000_000,
      increment: true,
    });
    expect(
      one('ru', 'По словам Сингх, свыше тысячи северокорейских солдат уже убиты.'),
    ).toMatchObject({
      metric: 'killed',
      value: 1000,
      qualifier: 'more_than',
      claimant: 'Sabrina Singh',
    });
  });

  it('leaves out denials, dates and vague thousands', () => {
    expect(read('ru', 'Песков отказался подтвердить, что КНДР отправит 50 тыс. солдат.')).toEqual(
      [],
    );
    expect(
      read('ru', 'Тысячи северокорейских солдат прибыли в Россию 23 декабря 2024 года.'),
    ).toEqual([]);
  });
});

describe('German', () => {
  it('reads "3.000", "1,5 Millionen", number words and hedges', () => {
    expect(
      one(
        'de',
        'Nach Angaben von Präsident Selenskyj sind mehr als 3.000 nordkoreanische Soldaten getötet oder verwundet worden.',
      ),
    ).toMatchObject({
      metric: 'casualties',
      value: 3000,
      qualifier: 'more_than',
      claimant: 'Volodymyr Zelensky',
    });
    expect(
      one(
        'de',
        'Laut NIS hat Nordkorea rund 1,5 Millionen Artilleriegranaten an Russland geliefert.',
      ),
    ).toMatchObject({
      metric: 'supplied',
      unit: 'shells',
      value: 1_500_000,
      qualifier: 'about',
      claimant: 'South Korea National Intelligence Service',
    });
    expect(
      one(
        'de',
        'Budanow sagte, zwölftausend Soldaten aus Nordkorea seien in Russland stationiert.',
      ),
    ).toMatchObject({
      value: 12000,
      claimant: 'Kyrylo Budanov',
    });
    expect(
      one(
        'de',
        'Das Pentagon schätzt die Zahl der Nordkoreaner in Russland auf 12.000 bis 15.000.',
      ),
    ).toMatchObject({ value: 12000, valueHigh: 15000, qualifier: 'range', claimant: 'Pentagon' });
    expect(
      one('de', 'Nordkorea hat laut JCS weitere 3.000 Soldaten nach Russland geschickt.'),
    ).toMatchObject({
      value: 3000,
      increment: true,
      claimant: 'South Korea Joint Chiefs of Staff',
    });
  });

  it('leaves out calibres, distances, dates, money and doubted numbers', () => {
    expect(
      read(
        'de',
        'Nordkorea liefert Haubitzen mit 170 Millimeter Kaliber, die am 6. August 2024 rund 60 Kilometer weit schossen und 2 Milliarden Dollar kosteten.',
      ),
    ).toEqual([]);
    expect(
      read(
        'de',
        'Eine Entsendung von 100.000 nordkoreanischen Soldaten halten Fachleute für ausgeschlossen.',
      ),
    ).toEqual([]);
  });
});

describe('de, ru and uk clauses and sources (session 6)', () => {
  it('reads the main verb, not a relative clause of sending, as the metric', () => {
    expect(
      one(
        'de',
        'Rund 400 nordkoreanische Soldaten, die nach Russland geschickt wurden, seien gefallen.',
      ),
    ).toMatchObject({ metric: 'killed', value: 400 });
    expect(
      one('ru', 'Около 400 военных КНДР, которые были отправлены в Россию, погибли в боях.'),
    ).toMatchObject({ metric: 'killed', value: 400 });
    expect(
      one('uk', 'Близько 400 військових КНДР, які воювали на боці росії, загинули в боях.'),
    ).toMatchObject({ metric: 'killed', value: 400 });
  });

  it('counts wounded soldiers who were taken prisoner as captives', () => {
    for (const [l, body] of [
      [
        'de',
        'Die Ukraine hat in Kursk zwei verwundete nordkoreanische Soldaten gefangen genommen.',
      ],
      ['ru', 'ВСУ взяли в плен двух раненых северокорейских военных.'],
      ['uk', 'ЗСУ взяли в полон двох поранених північнокорейських військових.'],
    ] as const)
      expect(one(l, body)).toMatchObject({ metric: 'captured', value: 2 });
  });

  it('gives a narrator’s earlier report nobody’s source', () => {
    const f = read(
      'de',
      'Selenskyj sagte, Nordkorea habe 12.000 Soldaten geschickt.\n\nWie berichtet, haben ukrainische Soldaten zwei nordkoreanische Soldaten gefangen genommen.',
    );
    expect(f.find((x) => x.metric === 'captured')).toMatchObject({ value: 2, claimant: null });
  });

  it('reads two countries joined as a source as one joint source', () => {
    expect(
      one(
        'de',
        'Nach Angaben der USA und Südkoreas sind etwa 10.000 nordkoreanische Soldaten in Russland.',
      ).claimant,
    ).toBe('Joint: United States, South Korea');
  });

  it('reads people back home as no deployment', () => {
    expect(
      read(
        'de',
        'Etwa 2.000 nordkoreanische Soldaten kehrten in ihre Heimat zurück und befinden sich in Quarantäne.',
      ),
    ).toEqual([]);
    expect(
      read(
        'ru',
        'Около 2 тысяч северокорейских военных вернулись в КНДР и находятся на карантине.',
      ),
    ).toEqual([]);
    expect(
      one('de', 'Nordkorea hat 3.000 weitere Soldaten geschickt, nachdem 2.000 heimgekehrt waren.'),
    ).toMatchObject({ metric: 'deployed', value: 3000 });
  });

  it('credits the name after a dash that ends a headline', () => {
    const f = extractFigures(
      'Близько 500 північнокорейців загинули у боях проти України, - Сеул\n\nТекст.',
      {
        language: 'uk',
      },
    );
    expect(f[0]).toMatchObject({ metric: 'killed', value: 500, claimant: 'South Korea' });
  });

  it('reads a comma before three digits as a thousands mark when no multiplier follows', () => {
    expect(
      one('ru', 'Райдер заявил, что КНДР отправила в Россию около 10,000 солдат.'),
    ).toMatchObject({ metric: 'deployed', value: 10000 });
  });
});

describe('alerts and tags for an English reader', () => {
  it('describes a pack figure in English words', () => {
    const f = one('ko', '국정원은 북한군 사상자가 3천 명을 넘어섰다고 밝혔다.');
    expect(describeFigure(f)).toBe('More than 3,000 North Korean troops killed or wounded');
    expect(f.evidence).toContain('3천 명을 넘어섰다');
  });

  it('tags a story without figures from the pack’s words', () => {
    const text =
      'Северная Корея и Россия проводят учения; снаряды и солдаты упоминаются без чисел.';
    expect(markersWithPack(text, 'ru')).toMatchObject({ namesDprk: true, namesRussia: true });
    const tags = tagStory({ title: 'КНДР и Россия', text, figures: [], language: 'ru' });
    expect(tags.relevant).toBe(true);
    expect(tags.language).toBe('ru');
  });
});

// Floors measured on 2026-12-05 over the own-words corpora (`corpus-new/<lang>`), each set just
// under the measurement (ko P 1.00 R 1.00 A 1.00; de P 1.00 R 0.98 A 0.98; ru P 0.98 R 1.00
// A 0.86; uk P 1.00 R 1.00 A 0.91), so a fixture that stops reading as annotated fails the suite.
// Speed is measured by `npm run bench`, not here.
const FLOORS: Record<string, { precision: number; recall: number; attribution: number }> = {
  ko: { precision: 1, recall: 1, attribution: 1 },
  de: { precision: 1, recall: 0.97, attribution: 0.97 },
  ru: { precision: 0.97, recall: 1, attribution: 0.85 },
  uk: { precision: 1, recall: 1, attribution: 0.9 },
};

const corpusDir = join(import.meta.dirname, '../../fixtures/figures/corpus-new');

describe.each(Object.keys(FLOORS))('the %s own-words corpus', (language) => {
  it('scores at or above its floor', () => {
    const dir = join(corpusDir, language);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(15);
    const articles = files.map((f) => {
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldArticle & {
        file: string;
      };
      const text = readFileSync(join(dir, gold.file), 'utf8');
      return { gold, text };
    });
    const predict = () =>
      articles.map(({ gold, text }) => ({
        predicted: extractFigures(text, { language, published: gold.published }),
        gold,
      }));
    const score = scoreCorpus(predict());
    const floor = FLOORS[language]!;
    expect(score.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(score.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(score.attribution).toBeGreaterThanOrEqual(floor.attribution);
  });
});
