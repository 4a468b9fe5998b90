/**
 * English extraction rules learnt from the real dev articles (issue #12), each pinned by short
 * sentences in the project's own words: what the reader counts (unit, metric, value, increment)
 * and what it leaves out. Attribution is tested elsewhere; only figures are compared here.
 */
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../shared/figures/extract.ts';
import type { Figure } from '../../../shared/types.ts';

const PUBLISHED = '2025-03-01';

/** One figure as `metric/unit value[-high][ +]`, the fields this file checks. */
function brief(f: Figure): string {
  const value = f.valueHigh === undefined ? `${f.value}` : `${f.value}-${f.valueHigh}`;
  return `${f.metric}/${f.unit} ${value}${f.increment ? ' +' : ''}`;
}

function read(text: string): string[] {
  return extractFigures(text, { published: PUBLISHED, language: 'en' }).map(brief);
}

/** Cases: a text and every figure it must give (in order); nothing else may be read. */
const CASES: ReadonlyArray<{ rule: string; text: string; figures: string[] }> = [
  {
    rule: 'a bare number in a strike story counts its victims, not North Korean losses',
    text: 'Missile that killed 7 in Russian strike on Odesa was North Korean, official says.',
    figures: [],
  },
  {
    rule: 'people missing under rubble after a North Korean missile are victims',
    text:
      'A North Korean missile hit a block of flats in Odesa. About 12 people were still ' +
      'missing and some may be buried under the rubble, the governor said.',
    figures: [],
  },
  {
    rule: '"four more months" is a duration, not an increment of anything',
    text:
      'At that rate it would take four more months for Pyongyang to lose all of its ' +
      'estimated 11,000 troops deployed to fight Ukraine, analysts said.',
    figures: ['deployed/troops 11000'],
  },
  {
    rule: 'a projected loss ("stands to lose all 11,000") is no toll',
    text: 'North Korea stands to lose all 11,000 of its soldiers in Kursk by June, analysts say.',
    figures: [],
  },
  {
    rule: 'a "-fold" rise is a multiplier',
    text:
      'The number of North Koreans working in Russia has grown, with a 9-fold increase to ' +
      '13,000 workers sent in 2024.',
    figures: ['deployed/workers 13000'],
  },
  {
    rule: 'cargo that "could contain" shells supplies them; "those used by Russia" are others',
    text:
      'Seoul has spotted at least 8,000 containers shipped from North Korea to Russia, which ' +
      'could contain 3.5 million artillery shells similar to those used by Russia in Ukraine.',
    figures: ['supplied/containers 8000', 'supplied/shells 3500000'],
  },
  {
    rule: '"pieces of equipment … including artillery systems" counts artillery',
    text:
      'North Korea has handed more than 120 pieces of military equipment to Russia, including ' +
      '170-mm self-propelled artillery systems, Ukraine said.',
    figures: ['supplied/artillery 120'],
  },
  {
    rule: 'a relative clause on a later noun says nothing of the count ("…, which included")',
    text:
      'North Korean workers in Russia toil for long hours. Reporters interviewed six workers ' +
      'who described the same conditions, which included shifts past midnight.',
    figures: [],
  },
  {
    rule: '"in total" is an adverb, not a count of a force',
    text:
      'North Korean workers in Russia toil for long hours. In total, reporters spoke to five ' +
      'workers who fled.',
    figures: [],
  },
  {
    rule: 'a participle after the troops says which troops; the passive verb what befell them',
    text:
      'At least 200 North Korean soldiers sent to Russia have been killed, a lawmaker said ' +
      'after a briefing by the spy agency.',
    figures: ['killed/troops 200'],
  },
  {
    rule: '"casualties among the troops deployed there have passed N" is a toll',
    text:
      'Casualties among the North Korean troops deployed in Kursk have now passed 4,200, the ' +
      'lawmaker said.',
    figures: ['casualties/troops 4200'],
  },
  {
    rule: 'builders and sappers counted together are workers, whichever noun comes first',
    text: 'North Korea will dispatch 6,000 sappers and military builders to Kursk, Shoigu said.',
    figures: ['deployed/workers 6000'],
  },
  {
    rule: 'a headline "engineers" restating the builders of the body is the same figure',
    text:
      'North Korea sends 6,000 engineers to rebuild Kursk\n\nPyongyang is dispatching 6,000 ' +
      'engineers and construction workers to rebuild the Kursk region, Shoigu said.',
    figures: ['deployed/workers 6000'],
  },
  {
    rule: 'a headline "6,000 more" and the body\'s plain 6,000 are one figure',
    text:
      'North Korea to send 6,000 more workers to Russia\n\nShoigu said North Korea would ' +
      'deploy 6,000 military construction workers to the Kursk region.',
    figures: ['deployed/workers 6000'],
  },
  {
    rule: 'two counts in one sentence stay apart even when one is an increment',
    text: 'North Korea sent 3,000 troops in October and will send another 3,000 in December.',
    figures: ['deployed/troops 3000', 'deployed/troops 3000 +'],
  },
  {
    rule: 'what happens to a handful of prisoners afterwards is no new figure',
    text:
      'Ukrainian forces captured two North Korean soldiers in Kursk, Zelensky said. Two ' +
      'soldiers, though wounded, survived and were taken to Kyiv.',
    figures: ['captured/troops 2'],
  },
  {
    rule: '"the two men" of a story are the ones already introduced',
    text:
      'North Korean troops fought in Kursk. The two North Korean soldiers are wounded and ' +
      'receiving treatment, Zelensky said.',
    figures: [],
  },
  {
    rule: 'a small group that died is still a toll ("the deaths of the nine personnel")',
    text:
      'Kim Jong Un honoured the North Korean unit back from Kursk and described the deaths of ' +
      'the nine personnel as heart-rending.',
    figures: ['killed/troops 9'],
  },
  {
    rule: 'rounds promised to Ukraine are not North Korean supplies',
    text:
      'North Korea keeps shipping shells to Russia. Allies who pledged to deliver a million ' +
      'rounds to Ukraine have so far shipped fewer than 400,000, he said.',
    figures: [],
  },
  {
    rule: '"despatched some 10,000 troopers": British spelling and the "troopers" noun',
    text: 'The Pentagon said Pyongyang had despatched some 10,000 troopers to eastern Russia.',
    figures: ['deployed/troops 10000'],
  },
  {
    rule: '"projectiles" are shells; "such missiles" are missiles',
    text:
      'North Korea could send Russia up to 250,000 projectiles, Ukraine said. Pyongyang has ' +
      'already supplied more than 150 such missiles.',
    figures: ['supplied/shells 250000', 'supplied/missiles 150'],
  },
  {
    rule: 'a unit welcomed home was deployed; "engineer troops" are deminers',
    text: 'Kim Jong Un welcomed around 1,200 engineer troops back from Russia on Friday.',
    figures: ['deployed/deminers 1200'],
  },
  {
    rule: 'a mourned loss and a "loss of lives" are deaths',
    text:
      'Kim Jong Un honoured the North Korean engineers while mourning the loss of seven ' +
      'personnel in Kursk. The North Korean leader called it the loss of seven lives.',
    figures: ['killed/troops 7'],
  },
];

describe('English extraction rules from real coverage', () => {
  it.each(CASES)('$rule', ({ text, figures }) => {
    expect(read(text)).toEqual(figures);
  });
});
