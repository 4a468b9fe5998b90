import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules of session 17. Every sentence below is our own.

const read = readerFor('2025-10-01');

describe('Korean numbers spoken in words', () => {
  it('reads "만 천에서 만 2천 명" as 11,000 to 12,000, as broadcast transcripts write it', () => {
    const ko = only(
      read('ko', '국정원은 북한이 러시아에 만 천에서 만 2천 명을 파병했다고 밝혔다.'),
    );
    expect([ko.metric, ko.value, ko.valueHigh, ko.qualifier]).toEqual([
      'deployed',
      11000,
      12000,
      'range',
    ]);
    expect(brief(read('ko', '국정원은 북한군 만 천 명이 파병됐다고 밝혔다.'))).toEqual([
      'deployed/troops 11000',
    ]);
    expect(brief(read('ko', '북한은 러시아에 포탄 만 발을 보냈다고 국정원이 밝혔다.'))).toEqual([
      'supplied/shells 10000',
    ]);
  });

  it('leaves "수 천 명" (several thousand) and words that begin with the syllable alone', () => {
    expect(read('ko', '북한군 수 천 명이 숨졌다고 국정원이 밝혔다.')).toEqual([]);
    expect(read('ko', '북한군은 사흘 만에 천안에서 숨진 병사를 만났다.')).toEqual([]);
  });
});

describe('German extended attributes', () => {
  it('reads a count whose participle follows a place of two names ("in den Osten Russlands geschickten")', () => {
    const de = only(
      read('de', 'Die 10.000 in den Osten Russlands geschickten Nordkoreaner kämpfen in Kursk.'),
    );
    expect([de.metric, de.unit, de.value]).toEqual(['deployed', 'troops', 10000]);
    const region = only(
      read('de', 'Die 3.000 in die Region Kursk verlegten nordkoreanischen Soldaten kämpfen dort.'),
    );
    expect([region.metric, region.value]).toEqual(['deployed', 3000]);
  });
});

describe('Korean sources in the next line', () => {
  it('credits a line that is "said to" hold a figure to the next line that reported "this content"', () => {
    const figures = read(
      'ko',
      '북한군 사상자가 3천여 명에 이르는 것으로 알려졌다.\n국정원은 2일 국회 정보위원회에서 이런 내용을 보고했다고 여당 의원이 전했다.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['casualties', 3000, 'South Korea National Intelligence Service'],
    ]);
  });
});

describe('Ukrainian and Russian lawmakers citing intelligence', () => {
  it("credits Seoul's spy agency for what South Korean lawmakers say, citing an intelligence agency", () => {
    const uk = only(
      read(
        'uk',
        'Законодавці з Південної Кореї з посиланням на розвідувальне відомство заявили, що близько 300 військових КНДР загинули.',
      ),
    );
    expect([uk.metric, uk.value, uk.claimant]).toEqual([
      'killed',
      300,
      'South Korea National Intelligence Service',
    ]);
    const ru = only(
      read(
        'ru',
        'Южнокорейские законодатели со ссылкой на разведывательное ведомство заявили, что около 300 военных КНДР погибли.',
      ),
    );
    expect([ru.metric, ru.value, ru.claimant]).toEqual([
      'killed',
      300,
      'South Korea National Intelligence Service',
    ]);
  });
});

describe("Russia's side as actor", () => {
  it('credits the Kremlin that plans to bring workers with nothing: the next line names who told', () => {
    const uk = only(
      read(
        'uk',
        'Кремль до кінця поточного року планує залучити близько 9 тисяч північнокорейських працівників для роботи на заводах. Про це повідомило Головне управління розвідки Міноборони України.',
      ),
    );
    expect([uk.metric, uk.unit, uk.value, uk.claimant]).toEqual([
      'deployed',
      'workers',
      9000,
      'Ukraine Main Intelligence Directorate',
    ]);
  });
});

describe('German unnamed sources', () => {
  it('credits no one for what Kim sends "according to media reports", even with a thousands point', () => {
    for (const body of [
      'Laut Medienberichten soll Machthaber Kim Jong-un rund 8.000 Soldaten geschickt haben.',
      'Medienberichten zufolge soll Machthaber Kim Jong-un rund 8.000 Soldaten geschickt haben.',
    ]) {
      const de = only(read('de', body));
      expect([de.value, de.claimant]).toEqual([8000, null]);
    }
  });
});

describe('Korean joint sources', () => {
  it('reads "한·미 정부" (the governments of Seoul and Washington) as one joint source', () => {
    const ko = only(read('ko', '북한이 러시아에 1만여 명의 병사를 보냈다고 한·미 정부는 밝혔다.'));
    expect([ko.value, ko.claimant]).toEqual([10000, 'Joint: South Korea, United States']);
  });
});

describe('Korean parts and wholes', () => {
  it('reads "사상자는 500여 명의 사망자를 포함해 약 3800명": 500 killed within 3,800 casualties', () => {
    const figures = read(
      'ko',
      '국정원은 북한군 사상자는 500여 명의 사망자를 포함해 약 3800명으로 추산된다고 밝혔다.',
    );
    expect(figures.map((f) => [f.metric, f.value])).toEqual([
      ['killed', 500],
      ['casualties', 3800],
    ]);
  });
});

describe('Korean supplies the other way', () => {
  it('reads no supply in containers Russia sends North Korea ("러시아도 북한에 … 컨테이너를 보낸")', () => {
    const figures = read(
      'ko',
      '북한이 러시아에 컨테이너 5000여개를 보냈다. 반면 러시아도 북한에 식량을 포함한 7000여개의 컨테이너를 보낸 것으로 추정된다.',
    );
    expect(figures.map((f) => f.value)).toEqual([5000]);
  });
});

describe("The head of a defectors' group", () => {
  it('knows Jang Se-yul in Korean, Ukrainian and Russian, and credits his group when the story names it', () => {
    const ko = only(
      read(
        'ko',
        '우크라이나군에 생포된 북한군 포로 3명이 귀순 의사를 밝혔다고 장세율 대표가 전했다.',
      ),
    );
    expect(ko.claimant).toBe('Jang Se-yul');
    const uk = only(
      read(
        'uk',
        'Троє військовополонених із КНДР хочуть до Південної Кореї. Про це повідомляє агентство Yonhap, посилаючись на заяву голови організації утікачів Чана Се Юля.',
      ),
    );
    expect(uk.claimant).toBe('Jang Se-yul');
    const named = only(
      read(
        'ko',
        '겨레얼통일연대에 따르면 장세율 대표는 우크라이나군에 생포된 북한군 포로 3명을 만났다고 전했다.',
      ),
    );
    expect(named.claimant).toBe('Gyeore-eol Nation United');
  });
});

describe("North Korea's state television", () => {
  it('credits Korean Central Television for the dead its report honours ("показало репортаж … в память о 90 солдатах")', () => {
    const ru = only(
      read(
        'ru',
        'Центральное телевидение КНДР впервые показало репортаж о боях в Курской области, снятый в память о 90 северокорейских солдатах, погибших в боях.',
      ),
    );
    expect([ru.metric, ru.value, ru.claimant]).toEqual(['killed', 90, 'Korean Central Television']);
  });

  it('names a Telegram channel in guillemets whole, commas and all', () => {
    const ru = only(
      read('ru', 'Около 300 военных КНДР погибли, передает Telegram-канал «Осторожно, новости».'),
    );
    expect(ru.claimant).toBe('Осторожно, новости');
  });
});

describe('German joint sources', () => {
  it('joins three countries with their articles ("die Ukraine, die USA und Südkorea")', () => {
    const de = only(
      read(
        'de',
        'Seitdem werfen die Ukraine, die USA und Südkorea Pjöngjang vor, mehr als 9.000 Soldaten nach Russland entsandt zu haben.',
      ),
    );
    expect(de.claimant).toBe('Joint: Ukraine, United States, South Korea');
  });
});

describe('German sources after a chain of nouns', () => {
  it('credits the special forces whose soldiers report ("Soldaten des 73. Zentrums für Spezialeinsatzkräfte der Ukraine (SSO)")', () => {
    const figures = read(
      'de',
      'Am Donnerstag berichteten Soldaten des 73. Marinezentrums für Spezialeinsatzkräfte der Ukraine (SSO), dass sie einen Angriff nordkoreanischer Truppen abgewehrt haben. Mindestens 14 Soldaten wurden getötet.',
    );
    expect(figures.map((f) => [f.metric, f.value, f.claimant])).toEqual([
      ['killed', 14, 'Ukraine Special Operations Forces'],
    ]);
  });
});

describe('A date after the verb of saying', () => {
  it('reaches the source past "у п\'ятницю, 14 листопада," after "Про це повідомили"', () => {
    const uk = only(
      read(
        'uk',
        'Росія планує залучити близько 9 тис. працівників з Північної Кореї. Про це повідомили у п’ятницю, 14 листопада, у пресслужбі ГУР.',
      ),
    );
    expect(uk.claimant).toBe('Ukraine Main Intelligence Directorate');
  });
});

describe('A source cited before an actor', () => {
  it('credits the Pentagon, not Kim, in "Laut Angaben des Pentagon soll … Kim Jong-un … geschickt haben"', () => {
    const de = only(
      read(
        'de',
        'Laut Angaben des Pentagon soll der nordkoreanische Diktator Kim Jong-un bislang 8.000 Soldaten zur Ausbildung nach Russland geschickt haben.',
      ),
    );
    expect([de.value, de.claimant]).toEqual([8000, 'Pentagon']);
  });
});

describe('Victims of North Korean weapons', () => {
  it('reads no North Korean losses in the civilians its missiles killed ("Zivilpersonen", "nordkoreanischen Waffen")', () => {
    expect(
      read(
        'de',
        'Russland hat mehr als 20 dieser nordkoreanischen Waffen auf die Ukraine abgefeuert, dabei seien mindestens 24 Zivilpersonen getötet und mehr als hundert verletzt worden.',
      ),
    ).toEqual([]);
  });
});

describe('Korean designations and data sources', () => {
  it('reads "KN-23 9발" as missiles, and no claimant in whose data an analyst worked from', () => {
    const figures = read(
      'ko',
      '연구위원은 우리 국방부와 우크라이나 국방부의 공개 자료를 바탕으로 공급량을 추정했다. 북한이 러시아에 공급한 무기는 KN-23 7발로 계산된다.',
    );
    expect(figures.map((f) => [f.unit, f.value, f.claimant])).toEqual([['missiles', 7, null]]);
  });
});

describe('Korean names in quotation marks', () => {
  it('reads no source in a name quoted as words ("‘김정은 장군’ 외치며"), but still in a quoted outlet\'s name', () => {
    const figures = read(
      'ko',
      '북한군 사망 200여명, 생포 직전 ‘김정은 장군’ 외치며 자폭 시도\n국정원은 북한군 사망 200여 명이 발생한 것으로 파악했다.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([
      [200, 'South Korea National Intelligence Service'],
    ]);
    const outlet = only(
      read('ko', "현지 일간 '키이우 인디펜던트'가 북한군 포로 3명을 생포했다고 보도했다."),
    );
    expect(outlet.claimant).toBe('The Kyiv Independent');
  });
});

describe('Background the story recalls', () => {
  it('credits no neighbour for what a sentence recalls of the past ("Восени 2024 року …", "Im vergangenen November …")', () => {
    const uk = read(
      'uk',
      'Розвідка Південної Кореї заявила, що КНДР готує нову відправку військ. Восени 2024 року Північна Корея відправила до Росії близько 9 000 своїх солдатів.',
    );
    expect(uk.map((f) => [f.value, f.claimant])).toEqual([[9000, null]]);
    const de = read(
      'de',
      'Der südkoreanische Geheimdienst warnte vor einer neuen Entsendung. Im vergangenen November hatte Nordkorea etwa 9.000 Soldaten nach Russland entsandt.',
    );
    expect(de.map((f) => [f.value, f.claimant])).toEqual([[9000, null]]);
  });
});

describe('Korean counters', () => {
  it('counts missiles with 대 ("KN-23과 KN-24도 각각 7대씩 러시아에 수출된")', () => {
    const ko = only(
      read('ko', '북한제 탄도미사일인 KN-23과 KN-24도 각각 7대씩 러시아에 수출된 것으로 집계됐다.'),
    );
    expect([ko.metric, ko.unit, ko.value]).toEqual(['supplied', 'missiles', 7]);
  });
});

describe('A Korean country that tells what it did', () => {
  it('credits Ukraine that "…생포했다며 영상을 공개했다", but not a country that only acts', () => {
    const ko = only(
      read('ko', '우크라이나가 쿠르스크 지역에서 북한군 3명을 생포했다며 영상을 공개했습니다.'),
    );
    expect(ko.claimant).toBe('Ukraine');
    expect(only(read('ko', '우크라이나가 북한군 3명을 생포했다.')).claimant).toBeNull();
    const other = only(
      read('ko', '북한이 러시아에 1만여 명의 병사를 파견했다고 한·미 정부는 밝혔다.'),
    );
    expect(other.claimant).toBe('Joint: South Korea, United States');
  });
});
