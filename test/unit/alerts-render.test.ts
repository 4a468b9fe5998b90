/**
 * Alerts carry article text, which anyone can write. None of it may reach Slack as a mention or
 * a disguised link, or email as markup or a non-web link.
 */
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../shared/alerts/render.ts';
import {
  alertView,
  renderEmail,
  renderEmailDigest,
  renderSlack,
  renderSlackDigest,
  slackLink,
  splitSlackDigest,
} from '../../shared/alerts/render.ts';
import type { AlertRecord } from '../../shared/store/store.ts';

const hostile: AlertView = {
  headline: 'More than 3,000 North Korean troops killed or wounded <!channel>',
  claimant: 'Volodymyr Zelensky <!here> (UA)',
  asOf: '2024-12-23',
  evidence:
    'Hostile text <!channel> and <!here> and <@U123> with <https://evil.example|the full report> & more',
  storyTitle: 'Title with | pipe and <b>tags</b>',
  storyUrl: 'https://news.example/a|b?x=<y>',
  sources: 2,
  change: null,
};

/** Every mrkdwn text a Slack payload carries, with its fallback text. */
function mrkdwnOf(payload: { text: string; blocks: unknown[] }): string[] {
  const out = [payload.text];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'mrkdwn' && typeof n.text === 'string') out.push(n.text);
      for (const v of Object.values(n)) walk(v);
    }
  };
  walk(payload.blocks);
  return out;
}

describe('Slack rendering', () => {
  it.each([
    ['one alert', () => renderSlack(hostile)],
    ['a digest', () => renderSlackDigest([hostile, hostile])],
  ])('carries no mention or foreign link from article text in %s', (_name, render) => {
    for (const text of mrkdwnOf(render())) {
      expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    }
    const all = mrkdwnOf(render()).join('\n');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&amp; more');
  });

  it('links only http(s) story URLs, percent-encoding what would end the link', () => {
    expect(slackLink('https://news.example/a|b?x=<y>', 'T|itle')).toBe(
      '<https://news.example/a%7Cb?x=%3Cy%3E|T/itle>',
    );
    expect(slackLink('javascript:alert(1)', 'Click')).toBe('Click');
    expect(slackLink('data:text/html,hi', 'Data')).toBe('Data');
  });
});

describe('control characters', () => {
  it('drops ESC and BEL from what an alert shows', () => {
    const record = {
      alertId: 'a1',
      figureKey: 'k',
      createdAt: '2025-01-01T00:00:00Z',
      status: 'pending',
      headline: 'More than 3,000 North Korean troops killed or wounded',
      figure: {
        metric: 'casualties',
        unit: 'troops',
        value: 3000,
        qualifier: 'more_than',
        claimant: 'Volodymyr Zelensky',
        claimantCountry: 'UA',
        side: 'KP',
        evidence: 'Losses \u001b[2Jtop 3,000\u0007 now',
      },
      storyId: 's1',
      storyUrl: 'https://news.example/a',
      storyTitle: 'Title \u001b]0;owned\u0007',
      attempts: 0,
    } as const;
    const view = alertView(record as unknown as AlertRecord, undefined);
    const payload = JSON.stringify([renderSlack(view), renderEmail(view)]);
    expect(payload).not.toMatch(/\\u001b|\\u0007/);
    expect(view.evidence).toBe('Losses [2Jtop 3,000 now');
  });
});

describe('email rendering', () => {
  it('escapes every field and links only http(s) URLs', () => {
    const { html } = renderEmail(hostile);
    expect(html).not.toMatch(/<b>tags<\/b>|<!channel>/);
    expect(html).toContain('href="https://news.example/a|b?x=%3Cy%3E"');
    const js = renderEmailDigest([{ ...hostile, storyUrl: 'javascript:alert(1)' }]).html;
    expect(js).not.toMatch(/href="javascript:/i);
    expect(js).toContain('javascript:alert(1)');
  });
});

describe('Slack digest', () => {
  const view = (metric: string, n: number): AlertView => ({
    ...hostile,
    headline: `Figure ${n} (${metric})`,
    metric,
  });
  const sections = (payload: { blocks: unknown[] }) =>
    (payload.blocks as { type: string; text?: { text: string } }[]).slice(1);

  it('groups the figures by metric, labelled with it when there are several', () => {
    const digest = renderSlackDigest([
      view('supplied', 1),
      view('killed', 2),
      view('supplied', 3),
      view('deployed', 4),
    ]);
    expect((digest.blocks[0] as { text: { text: string } }).text.text).toBe('4 new figures');
    // One block per figure, its headline first, in FIGURES.md's metric order.
    expect(sections(digest).map((b) => b.text!.text.split('\n').slice(0, 2))).toEqual([
      ['*Figure 4 (deployed)*', expect.stringMatching(/^_Deployed_ · /)],
      ['*Figure 2 (killed)*', expect.stringMatching(/^_Killed_ · /)],
      ['*Figure 1 (supplied)*', expect.stringMatching(/^_Supplied_ · /)],
      ['*Figure 3 (supplied)*', expect.stringMatching(/^_Supplied_ · /)],
    ]);
    expect(digest.text).toMatch(
      /^4 new figures: Deployed: Figure 4 \(deployed\)\. Killed: Figure 2 \(killed\)\. Supplied: Figure 1 \(supplied\); Figure 3/,
    );
    // One metric needs no label: the header and one block per figure.
    const single = renderSlackDigest([view('killed', 1), view('killed', 2)]);
    expect(single.blocks).toHaveLength(3);
    expect(JSON.stringify(single.blocks)).not.toContain('_Killed_');
  });

  it('splits a batch beyond Slack’s 50 blocks into messages that say "(1 of 2)"', () => {
    const views = Array.from({ length: 60 }, (_, i) =>
      view(i % 3 === 0 ? 'killed' : 'deployed', i),
    );
    const parts = splitSlackDigest(views, (v) => v);
    expect(parts).toHaveLength(2);
    const payloads = parts.map((p) => renderSlackDigest(p.views));
    for (const payload of payloads) expect(payload.blocks.length).toBeLessThanOrEqual(50);
    expect(payloads.map((p) => (p.blocks[0] as { text: { text: string } }).text.text)).toEqual([
      '60 new figures (1 of 2)',
      '60 new figures (2 of 2)',
    ]);
    expect(payloads[0]!.text).toMatch(/^60 new figures \(1 of 2\): /);
    // Every figure is in exactly one message, in metric order.
    const shown = payloads.flatMap((p) =>
      sections(p)
        .map((b) => b.text!.text.split('\n')[0]!)
        .filter((line) => line.startsWith('*Figure')),
    );
    expect(shown).toHaveLength(60);
    expect(new Set(shown).size).toBe(60);
    expect(shown.findIndex((l) => l.includes('killed'))).toBe(
      views.filter((v) => v.metric === 'deployed').length,
    );
    // A batch that fits is one message, with no "(1 of 1)".
    const one = splitSlackDigest(views.slice(0, 20), (v) => v);
    expect(one).toHaveLength(1);
    expect(
      (renderSlackDigest(one[0]!.views).blocks[0] as { text: { text: string } }).text.text,
    ).toBe('20 new figures');
  });

  it('links each figure to the web view when PUBLIC_URL is set, and only then', () => {
    const record = {
      alertId: 'a1',
      figureKey: 'casualties|troops|3000||KP',
      createdAt: '2025-01-01T00:00:00Z',
      status: 'pending',
      headline: 'More than 3,000 North Korean troops killed or wounded',
      figure: {
        metric: 'casualties',
        unit: 'troops',
        value: 3000,
        qualifier: 'more_than',
        claimant: 'Volodymyr Zelensky',
        claimantCountry: 'UA',
        side: 'KP',
        evidence: 'More than 3,000.',
      },
      storyId: 's1',
      storyUrl: 'https://news.example/a',
      storyTitle: 'Title',
      attempts: 0,
    } as unknown as AlertRecord;
    const linked = alertView(record, undefined, { publicUrl: 'https://watch.example/cw/' });
    expect(linked.figureUrl).toMatch(/^https:\/\/watch\.example\/cw\/figures\/fig-[0-9a-f]{8}$/);
    expect(linked.metric).toBe('casualties');
    const link = `<${linked.figureUrl}|all sources in claimwatch>`;
    expect(JSON.stringify(renderSlack(linked))).toContain(link);
    expect(JSON.stringify(renderSlackDigest([linked, linked]))).toContain(link);

    for (const publicUrl of [undefined, null, 'javascript:alert(1)']) {
      const plain = alertView(record, undefined, { publicUrl });
      expect(plain.figureUrl).toBeNull();
      expect(JSON.stringify([renderSlack(plain), renderSlackDigest([plain, plain])])).not.toMatch(
        /in claimwatch|\/figures\//,
      );
    }
  });
});
