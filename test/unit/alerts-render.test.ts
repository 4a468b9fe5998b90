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
