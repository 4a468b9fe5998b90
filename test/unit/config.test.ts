import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../shared/config.ts';

const base = {
  TABLE_NAME: 't',
  FEEDS_QUEUE_URL: 'http://q.example/feeds',
  ARTICLES_QUEUE_URL: 'http://q.example/articles',
  ALERTS_QUEUE_URL: 'http://q.example/alerts',
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      AWS_REGION: 'us-east-1',
      FETCH_CONNECT_TIMEOUT_MS: 10_000,
      FETCH_TIMEOUT_MS: 20_000,
      FETCH_MAX_BYTES: 15 * 1024 * 1024,
      POLL_INTERVAL_MINUTES: 5,
      FETCH_ALLOW_ADDRESSES: [],
      ALERT_EMAIL_TO: [],
      ALERT_CONSOLE: false,
    });
  });

  it('fails fast, naming every missing or bad variable', () => {
    expect(() => loadConfig({ FEEDS_QUEUE_URL: 'nope' })).toThrow(ConfigError);
    const bad = () => loadConfig({ ...base, TABLE_NAME: '', FETCH_TIMEOUT_MS: '-3' });
    expect(bad).toThrow(/TABLE_NAME/);
    expect(bad).toThrow(/FETCH_TIMEOUT_MS/);
  });

  it('requires a sender when email recipients are set', () => {
    expect(() => loadConfig({ ...base, ALERT_EMAIL_TO: 'a@example.org' })).toThrow(
      /ALERT_EMAIL_FROM/,
    );
    expect(
      loadConfig({
        ...base,
        ALERT_EMAIL_TO: 'a@example.org, b@example.org',
        ALERT_EMAIL_FROM: 'c@example.org',
      }).ALERT_EMAIL_TO,
    ).toEqual(['a@example.org', 'b@example.org']);
  });
});
