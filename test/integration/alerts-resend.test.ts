/**
 * An alert whose Slack post was cut short by a crash is recorded `unconfirmed` and never posted
 * again on its own (at most one message per figure). The user must see it, and decide: this is
 * `claimwatch alerts --failed` and `claimwatch alerts resend ID`, run as a user runs them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLocalStore } from '../../local/session.ts';
import { claimwatch } from '../helpers/cli.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { slackAlerts } from '../helpers/slack.ts';

describe('alerts left unconfirmed by a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimwatch-resend-'));
  const dataDir = join(dir, 'data');
  let slack: TestServer;
  let alertId: string;
  let headline: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    claimwatch([...args, '--data-dir', dataDir], env);

  beforeAll(async () => {
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200);
      res.end('ok');
    });
    const demo = await claimwatch(['demo', '--data-dir', dataDir]);
    expect(demo.code, demo.stderr).toBe(0);
    // What a kill during a Slack post leaves behind.
    const { store, close } = await openLocalStore(dataDir);
    try {
      const [alert] = await store.listAlerts();
      alertId = alert!.alertId;
      headline = alert!.headline;
      await store.markChannel(alertId, 'slack', 'unconfirmed');
    } finally {
      await close();
    }
  });
  afterAll(async () => {
    await slack?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists them under --failed, with what "unconfirmed" means', async () => {
    const listed = await run(['alerts', '--failed']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(alertId);
    expect(listed.stdout).toMatch(/sent, unconfirmed/);
    expect(listed.stdout).toMatch(/slack: unconfirmed/);
    expect(listed.stdout).toMatch(/claimwatch alerts resend ID/);
  });

  it('resends one on the channel it did not surely reach, once', async () => {
    const hook = { SLACK_WEBHOOK_URL: `${slack.url}/hook` };
    const resent = await run(['alerts', 'resend', alertId], hook);
    expect(resent.code, resent.stderr).toBe(0);
    expect(resent.stdout).toContain(`${alertId}: sent`);
    expect(slackAlerts(slack.requests)).toEqual([headline]);
    expect((await run(['alerts', '--failed'])).stdout.trim()).toBe(
      'no failed or unconfirmed alerts',
    );
    const again = await run(['alerts', 'resend', alertId], hook);
    expect(again.stdout).toContain('nothing to resend');
    expect(slackAlerts(slack.requests)).toHaveLength(1);
  });

  it('refuses an unknown id in one line', async () => {
    const unknown = await run(['alerts', 'resend', 'no-such-alert']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'claimwatch: alerts resend: no alert no-such-alert (see claimwatch alerts)',
    );
  });
});
