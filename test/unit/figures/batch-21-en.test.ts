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
