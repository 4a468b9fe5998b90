import { describe, expect, it } from 'vitest';
import { find, readerFor, shown } from './pack-reading.ts';

// Every sentence below is our own, written for these tests: constructions that German and
// Korean news use, found while reading the 2026-12-12 dev batch (names and places invented
// where the rule does not need a real one).

const read = readerFor('2025-06-20');

describe('German: a compound names what its last part names', () => {
  it('reads a model name joined by a hyphen to the noun as that noun', () => {
    const de = read(
      'de',
      'Laut Kiew hat Nordkorea 40 Koksan-Haubitzen und 12 Mehrfachraketenwerfer an Russland geliefert.',
    );
    expect(find(de, 40)).toMatchObject({ metric: 'supplied', unit: 'artillery' });
    expect(find(de, 12)).toMatchObject({ metric: 'supplied', unit: 'rocket_launchers' });
  });

  it('still reads a count with no noun after its model name as no figure', () => {
    const de = read('de', 'Nordkorea feuerte am Dienstag 3 Hwasong-Tests ab, sagte Seoul.');
    expect(de, shown(de)).toHaveLength(0);
  });
});

describe('German: a relative clause that cites its source', () => {
  it('credits the source the outlet relies on, not the outlet', () => {
    const de = read(
      'de',
      'Nach Angaben der Zeitung Morgenblatt, die sich auf den ukrainischen Militärgeheimdienst beruft, hat Nordkorea 30 Koksan-Geschütze an Russland geliefert.',
    );
    expect(find(de, 30)).toMatchObject({
      unit: 'artillery',
      claimant: 'Ukraine Main Intelligence Directorate',
    });
  });
});

describe('German: being somewhere in its other forms', () => {
  it('reads "sich aufhalten" and "befänden sich" as a presence', () => {
    const soon = read(
      'de',
      'Nach Einschätzung von Präsident Wolodymyr Selenskyj werden sich bald 9.000 nordkoreanische Soldaten auf russischem Gebiet aufhalten.',
    );
    expect(find(soon, 9000)).toMatchObject({
      metric: 'deployed',
      unit: 'troops',
      claimant: 'Volodymyr Zelensky',
    });
    const already = read(
      'de',
      'Rund 2.500 nordkoreanische Soldaten befänden sich bereits in der Region Kursk, sagte Selenskyj.',
    );
    expect(find(already, 2500)).toMatchObject({ metric: 'deployed', qualifier: 'about' });
  });
});

describe('Korean: a trade before the general noun of forces', () => {
  it('reads "공병 병력" as deminers and plain "병력" as troops', () => {
    const ko = read(
      'ko',
      '러시아 측에 따르면 북한은 지뢰 제거를 위해 공병 병력 1200명을 보내기로 했고, 별도로 병력 8천 명을 파견했다.',
    );
    expect(find(ko, 1200)).toMatchObject({ metric: 'deployed', unit: 'deminers' });
    expect(find(ko, 8000)).toMatchObject({ metric: 'deployed', unit: 'troops' });
  });
});
