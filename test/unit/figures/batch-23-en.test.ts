/**
 * English rules from the natural errors of the dev half of batch 2027-01-12, read in session 18.
 * Every sentence here is our own.
 */
import { describe, expect, it } from 'vitest';
import { brief, readerFor } from './pack-reading.ts';

/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('what befell the people counted', () => {
  it('reads past a relative clause on the noun to the verb that says what happened to them', () => {
    expect(
      brief(
        story(
          'en',
          'Seoul’s spy agency said in March that roughly 600 North Korean soldiers who were sent to Kursk have died.',
        ),
      ),
    ).toEqual(['killed/troops 600']);
    expect(
      brief(
        story(
          'en',
          'Allied officials told reporters that at least 2,000 of the 12,000 men that Pyongyang had dispatched had been killed by spring.',
        ),
      ),
    ).toEqual(['killed/troops 2000', 'deployed/troops 12000']);
  });

  it('keeps a deployment when the verb after the relative clause says nothing befell them', () => {
    expect(
      brief(
        story(
          'en',
          'Seoul’s spy agency said that about 600 North Korean soldiers who were sent to Kursk have already been trained on drones.',
        ),
      ),
    ).toEqual(['deployed/troops 600']);
  });
});
