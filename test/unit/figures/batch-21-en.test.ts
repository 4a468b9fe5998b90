/**
 * English rules from the natural errors of the dev split, read in session 16. Every sentence
 * here is our own.
 */
import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

const read = readerFor('2025-03-01', 'Test story');

describe('who gives a figure', () => {
  it('credits the lead to whom the next sentence says "shared the assessment"', () => {
    const f = only(
      read(
        'en',
        'North Korea has sent about 4,000 containers of munitions to Russia since last summer. Japanese Defense Minister Taro Kono shared the assessment at a briefing on Monday.',
      ),
    );
    expect(f.claimant).toBe('Taro Kono');
  });

  it('credits the body "identifying" the count', () => {
    const f = only(
      read(
        'en',
        'Several governments condemned the deployment, with Ukraine identifying four North Korean generals among the troops in Russia.',
      ),
    );
    expect([f.metric, f.unit, f.value, f.claimant]).toEqual(['deployed', 'generals', 4, 'Ukraine']);
  });
});

describe('numbers that are no figure', () => {
  it('reads no containers in "container ships" and no figure in a ship\'s IMO number', () => {
    expect(
      read('en', 'Three container ships carried North Korean munitions to Russia, Kyiv said.'),
    ).toEqual([]);
    const f = only(
      read(
        'en',
        'The freighter Sea Crane (IMO: 9234567) has delivered about 250 containers of North Korean munitions to Russia, Kyiv said.',
      ),
    );
    expect([f.unit, f.value]).toEqual(['containers', 250]);
  });

  it('reads "hand over two prisoners" as two, not more than two', () => {
    const f = only(
      read(
        'en',
        'Kyiv is ready to hand over two captured North Korean soldiers to Seoul, the president said.',
      ),
    );
    expect([f.metric, f.value, f.qualifier]).toEqual(['captured', 2, 'exact']);
  });
});

describe('who gives a figure (posts)', () => {
  it('credits the envoy by name, without the country of his post', () => {
    const f = only(
      read(
        'en',
        "Kyiv holds two captured North Korean soldiers. This was stated by Ukraine's Ambassador to South Korea Ivan Petrenko in an interview.",
      ),
    );
    expect(f.claimant).toBe('Ivan Petrenko');
  });
});
