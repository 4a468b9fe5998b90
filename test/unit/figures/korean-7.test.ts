import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../shared/types.ts';
import { brief, only, readerFor } from './pack-reading.ts';

// Every sentence below is our own, written for these tests (places and people invented where
// the rule does not need a real one). Each test states the Korean construction it covers.

const read = (body: string): Figure[] => readerFor('2025-07-01', '제목')('ko', body);

const one = (body: string): Figure => only(read(body));

describe('Korean attribution (2026-12-09 dev batch)', () => {
  it('credits an outlet of this field (38노스) named as the subject of the report', () => {
    const f = one(
      '북한이 러시아 조립 공장에 근로자 3천여명을 보낼 전망이라고 미국의 북한 전문 매체 38노스가 12일 보도했다.',
    );
    expect(f).toMatchObject({ metric: 'deployed', unit: 'workers', value: 3000 });
    expect(f.claimant).toBe('38 North');
  });

  it('reads "한국 정부는" as South Korea', () => {
    const f = one(
      '한국 정부는 북한이 올해 초에도 러시아에 2천~3천 명의 병력을 추가 파견했다고 밝혔다.',
    );
    expect(f).toMatchObject({ value: 2000, valueHigh: 3000, claimant: 'South Korea' });
  });

  it('skips a spelling in parentheses to find the topic particle, and the topic speaks over the subject of the reported clause', () => {
    const f = one(
      '평양에서 김정은과 만난 러시아 안보회의 서기 세르게이 쇼이구(Sergei Shoigu)는 김정은이 재건을 돕기 위해 공병 2,000명을 보내기로 결정했다고 밝혔다.',
    );
    expect(f).toMatchObject({ unit: 'deminers', value: 2000, claimant: 'Sergei Shoigu' });
  });

  it('lets a topic-marked body speak through the verb that ends its sentence, however far', () => {
    const figures = read(
      '국정원은 현재 양측이 미국 대통령 트럼프의 취임 이후를 내다보며 치열한 공방을 벌이고 있다고 전했다. 특히 격전지에 배치된 약 1만2000여 명의 북한군 중 일부가 이달부터 전투에 투입됐다.',
    );
    const f = figures.find((x) => x.value === 12000);
    expect(f?.claimant).toBe('South Korea National Intelligence Service');
  });

  it('credits no one with a number modified by a past passive participle of knowing', () => {
    const figures = read(
      '젤렌스키 대통령은 전선에 북한군이 약 1만4000명 있다고 말했으며, 이는 며칠 전 9,000~10,000명으로 추정되던 수치보다 많다.\n\n이는 작년 가을 파병이 공식 확인된 북한군 약 1만2000여 명보다 많은 규모다.',
    );
    expect(figures.find((x) => x.value === 14000)?.claimant).toBe('Volodymyr Zelensky');
    expect(figures.find((x) => x.value === 9000)?.claimant).toBeNull();
    expect(figures.find((x) => x.value === 12000)?.claimant).toBeNull();
  });

  it('keeps a number its speaker gives as the predicate, even after "확인된"', () => {
    const f = one('국정원은 지금까지 확인된 북한군 사상자가 4700명이라고 밝혔다.');
    expect(f.claimant).toBe('South Korea National Intelligence Service');
  });

  it('keeps a present estimate ("…로 추산된다고 보고했다") its speaker\'s', () => {
    const f = one('국정원은 "북한군 부상자는 1,500여 명으로 추산된다"고 보고했다.');
    expect(f).toMatchObject({ metric: 'wounded', value: 1500 });
    expect(f.claimant).toBe('South Korea National Intelligence Service');
  });

  it('credits the name marked right after a reported clause ("…보냈다고 국정원이 밝혔다")', () => {
    const f = one('김정은 위원장은 올해 러시아에 병력 6천명을 추가로 보냈다고 국정원이 밝혔다.');
    expect(f.claimant).toBe('South Korea National Intelligence Service');
  });

  it('keeps a speaker with his own verb of saying inside the relayed clause', () => {
    const f = one('젤렌스키 대통령은 북한군 사상자가 4천명에 이른다고 말했다고 국정원이 전했다.');
    expect(f.claimant).toBe('Volodymyr Zelensky');
  });

  it('ends a sentence at the formal ending "-니다" in a transcript without stops', () => {
    const figures = read(
      '젤렌스키 대통령은 한 방송에 나와 북한군 사상자가 2천5백 명이라고 말했습니다 전선의 싸움은 더 격해지고 있습니다 미국의 한 당국자는 북한이 여름까지 6천 명을 더 보낼 수 있다고 내다봤습니다',
    );
    expect(figures.find((x) => x.value === 2500)?.claimant).toBe('Volodymyr Zelensky');
    expect(figures.find((x) => x.value === 6000)?.claimant).toBe('U.S. official');
  });

  it('credits no one when the line only says who ordered the sending', () => {
    const f = one('김정은 국무위원장은 지난달 건설 노동자 3000명을 러시아로 보내라고 지시했다.');
    expect(f).toMatchObject({ metric: 'deployed', unit: 'workers', value: 3000 });
    expect(f.claimant).toBeNull();
  });
});

describe('Korean figures (2026-12-09 dev batch)', () => {
  it('reads no count in one person marked as topic or picked out of a group', () => {
    const figures = read(
      '우크라이나는 생포된 북한군 2명의 사진을 올렸다. 사진 속 한 명은 다리를, 다른 한 명은 얼굴을 다친 모습이다.\n\n국정원에 따르면 붙잡힌 북한군 중 1명은 조사에서 훈련을 받았다고 말했다.',
    );
    expect(brief(figures)).toEqual(['captured/troops 2']);
  });

  it('still counts one soldier taken as the object of a capture', () => {
    expect(brief(read('우크라이나는 지난달 북한군 1명을 생포했다고 밝혔다.'))).toEqual([
      'captured/troops 1',
    ]);
  });

  it('counts captives described as being in a wounded state ("다친 상태로")', () => {
    const f = one(
      '우크라이나 대통령은 붙잡힌 북한 병사 3명이 다친 상태로 후방 병원으로 옮겨졌다고 전했다.',
    );
    expect(f).toMatchObject({ metric: 'captured', value: 3 });
  });

  it('reads no figure in a risk ("생포될 위기") or in room for people ("명을 수용할 수 있다")', () => {
    expect(
      read('적군에 생포될 위기에 처한 북한군 병사 1명이 자폭을 시도했다고 국정원이 밝혔다.'),
    ).toEqual([]);
    expect(
      read(
        '북한 노동자들이 머물 숙소가 늘어 최대 3만 명을 수용할 수 있을 것이라고 한 연구소가 분석했다.',
      ),
    ).toEqual([]);
  });

  it('gives the noun after "N명의" to its own number, reading a two-word noun whole', () => {
    const figures = read(
      '김정은 위원장은 지난달 2000명의 건설 노동자와 500명의 정리 요원을 보내라고 지시했다.\n\n러시아 당국자는 300 명의 북한 지뢰 제거 전문가가 곧 도착한다고 발표했다.',
    );
    expect(brief(figures)).toEqual([
      'deployed/workers 2000',
      'deployed/troops 500',
      'deployed/deminers 300',
    ]);
  });

  it('still counts people after "N명의" when the pack has no noun for them', () => {
    expect(
      brief(read('국정원은 북한이 러시아에 1만2000명의 정예 요원을 보냈다고 밝혔다.')),
    ).toEqual(['deployed/troops 12000']);
  });

  it('names people sent to a factory workers when no noun counts them', () => {
    const f = one('北, 러시아 조립 공장에 청년 5천여명 파견 전망');
    expect(f).toMatchObject({
      metric: 'deployed',
      unit: 'workers',
      value: 5000,
      qualifier: 'about',
    });
  });

  it('reads materiel its own clause fires as used, not supplied', () => {
    expect(
      read(
        '커비 조정관은 러시아군이 북한이 넘긴 탄도미사일 중 최소 2발을 하르키우로 발사했다고 밝혔다.',
      ),
    ).toEqual([]);
    expect(
      brief(
        read(
          '국정원은 북한이 러시아에 미사일 100발을 제공했고 이 가운데 60발을 발사했다고 밝혔다.',
        ),
      ),
    ).toEqual(['supplied/missiles 100']);
  });

  it('gives numbers set as alternatives ("어쩌면") the verb after the last, not a verb quoted before', () => {
    const figures = read(
      '젤렌스키 대통령은 "북한군 2000명이 죽거나 다쳤다"며 "그들은 앞으로 2만~3만명, 어쩌면 10만명을 더 데려올 수 있다"고 말했다.',
    );
    expect(brief(figures)).toEqual([
      'casualties/troops 2000',
      'deployed/troops 20000-30000 +',
      'deployed/troops 100000 +',
    ]);
  });

  it('counts guns and launchers listed before a general noun as artillery', () => {
    const f = one(
      '국방정보국은 북한이 러시아에 견인포, 방사포 등 장거리 타격 체계 150문을 추가로 보냈다고 밝혔다.',
    );
    expect(f).toMatchObject({ metric: 'supplied', unit: 'artillery', value: 150 });
  });
});
