import { describe, expect, it } from 'vitest';
import { brief, only, readerFor } from './pack-reading.ts';

// Pack rules from the natural errors of the 2026-12-18 batch (its dev half, read after its
// first run). Every sentence below is our own.

const read = readerFor('2025-10-01');

describe('German', () => {
  it('reads "zu liefern" (the infinitive) as supplying', () => {
    const f = read('de', 'Nordkorea plant, mehr als 80 Artilleriesysteme an Russland zu liefern.');
    expect(brief(f)).toEqual(['supplied/artillery 80']);
  });

  it('credits the western diplomat an outlet cites, not the outlet', () => {
    const f = read(
      'de',
      'Das Portal Kyiv Independent meldete unter Berufung auf einen westlichen Diplomaten, dass etwa 9.000 nordkoreanische Soldaten nach Russland geschickt wurden.',
    );
    expect(only(f).claimant).toBe('Western diplomat');
  });

  it('credits "ukrainische Medien" as Ukrainian media', () => {
    const f = read(
      'de',
      'Ukrainische Medien berichteten, dass sieben Nordkoreaner bei dem Angriff getötet wurden.',
    );
    expect(only(f).claimant).toBe('Ukrainian media');
  });
});

describe('Korean', () => {
  it('reads "한국 정보기관" as South Korean intelligence, cited by lawmakers', () => {
    const f = read(
      'ko',
      '한국 국회의원들이 한국 정보기관의 보고서를 인용하여 밝힌 바에 따르면 총 1만 2000명의 군인 중 약 500명의 북한 군인이 전사했다.',
    );
    expect(f.find((x) => x.value === 500)?.claimant).toBe('South Korean intelligence');
  });
});
