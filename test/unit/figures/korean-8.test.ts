import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../shared/types.ts';
import { brief, only, readerFor } from './pack-reading.ts';

// Every sentence below is our own, written for these tests (places and people invented where
// the rule does not need a real one). Each test states the Korean construction it covers.

const read = (body: string): Figure[] => readerFor('2025-07-01', '제목')('ko', body);

const one = (body: string): Figure => only(read(body));

describe('Korean attribution (2026-12-10 dev batch)', () => {
  it('prefers a body the story names to a generic spelling of intelligence for the same figure', () => {
    const f = one(
      '북한이 자주포 50문을 러시아에 넘겼다고 우크라이나 정보당국이 밝혔다.\n\n우크라이나 정부 산하 거짓정보 대응센터는 북한이 170㎜ 자주포 50문을 러시아에 제공했다고 밝혔다.',
    );
    expect(f).toMatchObject({ metric: 'supplied', unit: 'artillery', value: 50 });
    expect(f.claimant).toBe('Ukraine Center for Countering Disinformation');
  });

  it('credits no one whose claim the sentence only weighs ("X의 주장이 사실이라면")', () => {
    const figures = read(
      '젤렌스키 대통령은 북한군 4000명이 죽거나 다쳤다고 말했다.\n우크라이나 정부에 따르면 북한은 러시아에 8000명의 병력을 보냈는데, 젤렌스키 대통령의 주장이 사실이라면 그 절반을 잃은 셈이다.',
    );
    expect(figures.find((x) => x.value === 4000)?.claimant).toBe('Volodymyr Zelensky');
    // The country the line names gives way to a body of its own beside it, not to a person.
    expect(figures.find((x) => x.value === 8000)?.claimant).toBe('Ukraine');
  });

  it('lets no source before "한편" (meanwhile) speak for the new topic after it', () => {
    const figures = read(
      '젤렌스키 대통령은 생포된 북한군 2명의 사진을 공개했다.\n\n한편 북한은 지난해 가을부터 러시아에 병력을 보내고 있다. 지금까지 파병된 병력은 1만여명인 것으로 파악됐다.',
    );
    expect(figures.find((x) => x.value === 2)?.claimant).toBe('Volodymyr Zelensky');
    expect(figures.find((x) => x.value === 10000)?.claimant).toBeNull();
  });

  it('takes the source of a later "이는 …의 결과다" line of the same paragraph', () => {
    const f = one(
      '북한이 지난해 러시아에 포탄 500만발을 공급한 것으로 나타났다. 이를 위해 화물선이 30차례 동원됐다. 이는 다국적제재모니터링팀이 발표한 보고서의 결과다.',
    );
    expect(f).toMatchObject({ metric: 'supplied', unit: 'shells', value: 5000000 });
    expect(f.claimant).toBe('Multilateral Sanctions Monitoring Team');
  });

  it('lends a later "이는" line\'s source only when the line states a finding, not a comparison', () => {
    const lead =
      '북한은 지난해 러시아에 병력 9천 명을 보낸 것으로 나타났다. 쿠르스크에서 싸움이 이어졌다. ';
    expect(read(`${lead}이는 합참이 국회에 보고한 내용이다.`)[0]?.claimant).toBe(
      'South Korea Joint Chiefs of Staff',
    );
    expect(read(`${lead}이는 합참이 앞서 밝힌 7천 명보다 많은 규모다.`)[0]?.claimant).toBeNull();
  });

  it('reads countries listed before one noun of sources ("한국, 우크라이나, 미국 당국은") as one joint source', () => {
    const f = one(
      '한국, 우크라이나, 미국 당국은 북한이 지난해 러시아에 1만~1만2천 명의 병력을 파견했다고 밝혔다.',
    );
    expect(f).toMatchObject({ value: 10000, valueHigh: 12000 });
    expect(f.claimant).toBe('South Korean, Ukrainian and U.S. sources');
  });

  it('reads "우크라이나와 동맹국들의 평가에 따르면" as a named source, over "전해졌다" later in the line', () => {
    const f = one(
      '우크라이나와 동맹국들의 평가에 따르면, 북한은 약 9천 명의 병력을 러시아에 보냈으며, 이 가운데 일부가 전투에 나선 것으로 전해졌다.',
    );
    expect(f).toMatchObject({ metric: 'deployed', value: 9000 });
    expect(f.claimant).toBe('Ukraine and its allies');
  });

  it('reads "우크라이나 국방 당국" as a source, and bringing in workers ("유치할") as sending', () => {
    const f = one(
      '우크라이나 국방 당국은 러시아가 내년까지 북한 노동자 8천여 명을 유치할 계획이라고 밝혔다.',
    );
    expect(f).toMatchObject({
      metric: 'deployed',
      unit: 'workers',
      value: 8000,
      qualifier: 'about',
    });
    expect(f.claimant).toBe('Ukrainian defence authorities');
  });
});

describe('Korean figures (2026-12-10 dev batch)', () => {
  it('reads heading for a place ("…로 향했다") as sending', () => {
    const f = one('국정원은 지난주 북한군 특수부대 2500여명이 러시아 동부로 향했다고 밝혔다.');
    expect(f).toMatchObject({ metric: 'deployed', unit: 'troops', value: 2500 });
    expect(f.claimant).toBe('South Korea National Intelligence Service');
  });

  it('reads every form of "지원하다" with materiel as supplying, and "N여만" as about N0,000', () => {
    const f = one('국정원은 북한이 러시아에 포탄 700여만 발을 지원한 것으로 파악했다.');
    expect(f).toMatchObject({
      metric: 'supplied',
      unit: 'shells',
      value: 7000000,
      qualifier: 'about',
    });
  });

  it('counts rounds of a calibre as shells, supplied when the line gives the size of the support', () => {
    const f = one(
      '국방정보본부는 북한이 "122㎜ 탄으로 환산하면 800만여 발로 평가된다"고 지원 규모를 추산했다.',
    );
    expect(f).toMatchObject({ metric: 'supplied', unit: 'shells', value: 8000000 });
    expect(f.claimant).toBe('South Korean military intelligence');
  });

  it('gives numbers set as alternatives the "더" (more) after the last', () => {
    const figures = read(
      '젤렌스키 대통령은 "북한이 앞으로 2만~3만명, 어쩌면 5만명을 더 보낼 수 있다"고 말했다.',
    );
    expect(brief(figures)).toEqual(['deployed/troops 20000-30000 +', 'deployed/troops 50000 +']);
  });

  it('takes no noun from an earlier quotation for a count in a later one ("…"며 "14개 분야…")', () => {
    expect(
      read(
        '김 의원은 "북한이 러시아에 포탄 등 무기를 제공했다"며 "양국은 12개 산업 분야에서 협력을 논의 중"이라고 밝혔다.',
      ),
    ).toEqual([]);
    // Within one quotation, the noun of an earlier clause still counts.
    expect(
      brief(
        read(
          '국정원은 "152㎜ 고폭탄이라고 가정하면, 북한은 러시아에 약 600여만 발을 넘겼다"고 밝혔다.',
        ),
      ),
    ).toEqual(['supplied/shells 6000000']);
  });

  it('reads no figure in what a force holds ("…명의 병력을 보유하고"), only in what was sent', () => {
    const figures = read(
      '폭풍군단은 5개 여단 3만명의 병력을 보유하고 있으며, 이 중 8000명이 러시아에 파병된 상태다.',
    );
    expect(brief(figures)).toEqual(['deployed/troops 8000']);
  });
});
