import { describe, expect, it } from 'vitest';
import { brief, find, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the 2026-12-14 batch (its dev half, read after its
// first run). Every sentence below is our own.

const read = readerFor('2025-06-10');

describe('dates written the ISO way', () => {
  it('reads "2024-11 Tausende" as a date line, not a range from 2,024 to 11,000', () => {
    const f = read(
      'de',
      'date 2024-11 Tausende nordkoreanische Soldaten kämpfen nach US-Angaben in der Region Kursk.',
    );
    expect(brief(f)).toEqual([]);
  });
});

describe('sources', () => {
  it('German: a body named in English in a German story', () => {
    const f = read(
      'de',
      'Nordkorea habe über 15.000 Container mit Munition nach Russland geliefert, erklärte das Multilateral Sanctions Monitoring Team.',
    );
    expect(find(f, 15000)).toMatchObject({
      metric: 'supplied',
      claimant: 'Multilateral Sanctions Monitoring Team',
    });
  });

  it('German: "laut Angaben aus Seoul" is South Korea', () => {
    const f = read(
      'de',
      'Nordkorea hat laut Angaben aus Seoul mindestens 13.000 Soldaten nach Russland entsandt.',
    );
    expect(find(f, 13000)).toMatchObject({ metric: 'deployed', claimant: 'South Korea' });
  });
});

describe('Korean materiel and the fallen', () => {
  it('counts "포병체계 …개" and "장거리포" as artillery', () => {
    const f = read(
      'ko',
      '우크라이나 정보당국은 북한이 장거리 포병체계 140개를 러시아에 보냈다고 밝혔다. 부다노프 국장은 북한이 장거리포 160문을 지원했다고 말했다.',
    );
    expect(find(f, 140)).toMatchObject({ metric: 'supplied', unit: 'artillery' });
    expect(find(f, 160)).toMatchObject({ metric: 'supplied', unit: 'artillery' });
  });

  it('reads "희생" of North Korean soldiers as killed', () => {
    const f = read('ko', '김정은 위원장은 러시아에 파병된 북한군 11명이 희생됐다고 말했다.');
    expect(find(f, 11)).toMatchObject({ metric: 'killed' });
  });
});

describe('missiles fired are not supplied', () => {
  it('Russian: missiles a participle after the noun says were fired', () => {
    const f = read(
      'ru',
      'Три из семи ракет, выпущенных ночью по Одессе, были северокорейского производства. КНДР передала России более 150 ракет.',
    );
    expect(brief(f)).toEqual(['supplied/missiles 150']);
  });
});
