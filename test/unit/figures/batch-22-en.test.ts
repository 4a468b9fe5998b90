/**
 * English rules from the natural errors of the dev split, read in session 17. Every sentence
 * here is our own.
 */
import { describe, expect, it } from 'vitest';
import { only, readerFor } from './pack-reading.ts';

const read = readerFor('2025-07-01', 'Pyongyang may send up to 20,000 more troops to Russia');
/** Stories whose title names North Korea's troops and no figure. */
const story = readerFor('2025-07-01', 'North Korean troops in Russia');

describe('who gives a figure', () => {
  it('credits a headline\'s "up to N" to whoever gives the body\'s range that ends at N', () => {
    const figures = read(
      'en',
      'The BBC reported on Tuesday, citing South Korean intelligence, that Pyongyang could dispatch a further 15,000 to 20,000 troops to Russia before winter.',
    );
    const headline = figures.find((f) => f.value === 20000 && f.valueHigh === undefined);
    const range = figures.find((f) => f.valueHigh === 20000);
    expect(range?.claimant).toBe('South Korean intelligence');
    expect(headline?.claimant).toBe('South Korean intelligence');
  });

  it('credits the one named first of two who report together', () => {
    const f = only(
      story(
        'en',
        'President Volodymyr Zelensky and the Security Service of Ukraine said on Friday that Ukrainian forces had captured three North Korean soldiers.',
      ),
    );
    expect([f.metric, f.value, f.claimant]).toEqual(['captured', 3, 'Volodymyr Zelensky']);
  });

  it('credits the lead to the outlet line after it ("CNN writes about this, citing …"), across the paragraph break', () => {
    const f = only(
      story(
        'en',
        'North Korea plans to send another 20,000 to 25,000 soldiers to Russia. They could arrive "within weeks".\n\nCNN writes about this, citing an assessment by Ukrainian intelligence.',
      ),
    );
    expect([f.value, f.valueHigh, f.claimant]).toEqual([20000, 25000, 'Ukrainian intelligence']);
    // "reported it had seen" is no line about the lead.
    const g = only(
      story(
        'en',
        'North Korea plans to send another 20,000 to 25,000 soldiers to Russia.\n\nReuters reported it had seen documents on the plan.',
      ),
    );
    expect(g.claimant).toBeNull();
  });

  it('credits no one from the subject that holds the count ("Two … soldiers captured by … wrote a letter")', () => {
    for (const body of [
      'Two North Korean soldiers captured by Ukrainian forces wrote a letter to their families.',
      "Two North Korean prisoners of war captured by the Defense Forces in Russia's Kursk region wrote a letter.",
    ]) {
      const f = only(story('en', body));
      expect([f.metric, f.value, f.claimant]).toEqual(['captured', 2, null]);
    }
  });

  it('credits "with X having long reported that …" to X, not to the clause before it', () => {
    const f = only(
      story(
        'en',
        'The admission came days after Moscow confirmed the deployment, with South Korean intelligence having long reported that Pyongyang sent more than 9,000 soldiers to Kursk.',
      ),
    );
    expect([f.value, f.claimant]).toEqual([9000, 'South Korean intelligence']);
  });

  it('reads no figure in "another few thousand – perhaps two or three –": the small numbers count thousands', () => {
    expect(
      story(
        'en',
        'Right now another few thousand – perhaps two or three – are being moved to the Kursk front, Zelensky said.',
      ),
    ).toEqual([]);
  });

  it("credits a statement on a body's Telegram channel to that body, never to the phrase", () => {
    const f = only(
      story(
        'en',
        "Ukraine's military intelligence said on Thursday that the first units had reached Kursk.\nThe statement on the intelligence agency's Telegram channel said around 9,000 North Korean troops were already in Russia.",
      ),
    );
    expect([f.value, f.claimant]).toEqual([9000, 'Ukraine Main Intelligence Directorate']);
  });
});

describe('what a number counts', () => {
  it('reads "handed Russia not only a million artillery shells" as a supply', () => {
    const f = only(
      story(
        'en',
        'North Korea handed Russia not only a million artillery shells but also several types of missiles, South Korean intelligence reported.',
      ),
    );
    expect([f.metric, f.unit, f.value, f.claimant]).toEqual([
      'supplied',
      'shells',
      1000000,
      'South Korean intelligence',
    ]);
  });

  it('reads no North Korean dead in people killed after a sentence of strikes with North Korean missiles', () => {
    expect(
      story(
        'en',
        'Russian forces attacked overnight with 200 drones and five missiles, including those made in North Korea. They said four people were killed in Kyiv.',
      ),
    ).toEqual([]);
  });

  it('credits the one named in "X and other authorities said"', () => {
    const f = only(
      story(
        'en',
        "Ukraine's Air Force and other authorities said 300 North Korean soldiers were killed.",
      ),
    );
    expect(f.claimant).toBe("Ukraine's Air Force");
  });

  it('credits no neighbour for what the story recalls in the pluperfect ("had sent")', () => {
    const figures = story(
      'en',
      'Russian President Vladimir Putin confirmed their presence in April. North Korea had sent 9,000 troops to the front last fall.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[9000, null]]);
  });
});

describe('captions and outlets', () => {
  it('credits no one in a photo caption, and The Washington Post that "informs"', () => {
    const figures = readerFor(
      '2025-07-01',
      'North Korea may have sent 1.2M shells to Russia in six months - WP Photo: Vladimir Putin and Kim Jong Un',
    )(
      'en',
      'North Korea could have transferred approximately 1.2 million artillery shells to Russia over six months, informs The Washington Post.',
    );
    expect(figures.map((f) => [f.value, f.claimant])).toEqual([[1200000, 'The Washington Post']]);
  });
});
