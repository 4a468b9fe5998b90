import type { AddressInfo } from 'node:net';
import { GetSendQuotaCommand, SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalServices } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import type { AlertChannel } from '../../shared/alerts/channels.ts';
import { emailChannel, slackChannel } from '../../shared/alerts/channels.ts';
import { loadConfig } from '../../shared/config.ts';
import { createDeps } from '../../shared/deps.ts';
import { deliverAlerts } from '../../shared/pipeline/deliver.ts';
import type { AlertRecord, Store } from '../../shared/store/store.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import type { Moto } from '../helpers/moto.ts';
import { startMoto } from '../helpers/moto.ts';

let counter = 0;
function newAlert(value = 1000 + counter): AlertRecord {
  counter++;
  return {
    alertId: `alert-${counter}-${Date.now()}`,
    figureKey: `casualties|troops|${value}||KP`,
    createdAt: new Date().toISOString(),
    status: 'pending',
    headline: `About ${value} North Korean troops killed or wounded`,
    figure: {
      metric: 'casualties',
      unit: 'troops',
      value,
      qualifier: 'about',
      claimant: 'South Korea Joint Chiefs of Staff',
      claimantCountry: 'KR',
      side: 'KP',
      evidence: `We estimate the losses at ${value} individuals`,
    },
    storyId: 's1',
    storyUrl: 'https://news.example/story',
    storyTitle: 'Seoul estimates losses',
    attempts: 0,
  };
}

describe('alert delivery on Slack (a local HTTP stand-in) and dynalite', () => {
  let services: LocalServices;
  let store: Store;
  let slack: TestServer;
  let mode: 'ok' | '500' | '429-short' | '429-long' | 'hang' = 'ok';
  let short429Sent = false;

  beforeAll(async () => {
    services = await startLocalServices();
    store = createDeps(loadConfig(services.env)).store;
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      if (mode === 'hang') return;
      if (mode === '500') {
        res.writeHead(500);
        res.end('internal_error');
        return;
      }
      if (mode === '429-long' || (mode === '429-short' && !short429Sent)) {
        short429Sent = true;
        res.writeHead(429, { 'retry-after': mode === '429-long' ? '120' : '1' });
        res.end('rate_limited');
        return;
      }
      res.writeHead(200);
      res.end('ok');
    });
  });
  afterAll(async () => {
    await services?.stop();
    await slack?.close();
  });
  beforeEach(() => {
    slack.requests.length = 0;
    mode = 'ok';
    short429Sent = false;
  });

  const channel = () => slackChannel(`${slack.url}/hook`, { minIntervalMs: 0, timeoutMs: 1500 });
  const posts = () => slack.requests.filter((r) => r.method === 'POST');
  const deliver = (ids: string[], channels: AlertChannel[] = [channel()], now = new Date()) =>
    deliverAlerts({ store, channels, digestThreshold: 5 }, ids, now);

  it('sends a Block Kit message with the figure, claimant, evidence and source', async () => {
    const alert = newAlert(1100);
    await store.ensureAlert(alert);
    const [outcome] = await deliver([alert.alertId]);
    expect(outcome.status).toBe('sent');
    const body = JSON.parse(posts()[0].body);
    expect(body.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'About 1100 North Korean troops killed or wounded' },
    });
    const text = JSON.stringify(body.blocks);
    expect(text).toContain('South Korea Joint Chiefs of Staff (KR)');
    expect(text).toContain('We estimate the losses at 1100 individuals');
    expect(text).toContain('https://news.example/story');
  });

  it('sends nothing for an alert whose figure was rejected after it was queued', async () => {
    const alert = newAlert(1234);
    await store.recordFigure(
      alert.figureKey,
      alert.figure,
      { storyId: 's1', url: alert.storyUrl },
      new Date(),
    );
    await store.ensureAlert(alert);
    await store.rejectFigure(alert.figureKey, {
      at: new Date().toISOString(),
      by: 'analyst',
      why: 'misread',
    });
    const [outcome] = await deliver([alert.alertId]);
    expect(outcome.status).toBe('skipped');
    expect(posts()).toHaveLength(0);
    expect(await store.getAlert(alert.alertId)).toMatchObject({
      status: 'withdrawn',
      lastError: 'not sent: its figure was rejected',
    });
    // and a redelivery does not take it up again
    await deliver([alert.alertId]);
    expect(posts()).toHaveLength(0);
  });

  it('sends a redelivered alert once', async () => {
    const alert = newAlert();
    await store.ensureAlert(alert);
    await deliver([alert.alertId, alert.alertId]);
    await deliver([alert.alertId]);
    expect(posts()).toHaveLength(1);
    expect((await store.getAlert(alert.alertId))!.status).toBe('sent');
  });

  it('lets two concurrent consumers of the same messages send each alert once', async () => {
    const alerts = [newAlert(), newAlert(), newAlert()];
    for (const a of alerts) await store.ensureAlert(a);
    const ids = alerts.map((a) => a.alertId);
    await Promise.all([deliver(ids, [channel()]), deliver([...ids].reverse(), [channel()])]);
    expect(posts()).toHaveLength(3);
  });

  it('keeps an alert pending while Slack answers 500, and sends it once Slack is back', async () => {
    const alert = newAlert();
    await store.ensureAlert(alert);
    mode = '500';
    const retrying = { store, channels: [channel()], isFinalAttempt: () => false };
    const [failed] = await deliverAlerts(retrying, [alert.alertId], new Date());
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/slack: Slack answered HTTP 500/);
    expect(posts().length).toBe(3); // the first try and two retries with back-off
    const stored = (await store.getAlert(alert.alertId))!;
    expect(stored.status).toBe('pending'); // retries remain: not given up on
    expect(stored.lastError).toMatch(/HTTP 500/);
    expect(JSON.stringify(stored)).not.toContain(slack.url); // the webhook URL is a secret
    mode = 'ok';
    const [sent] = await deliver([alert.alertId]);
    expect(sent.status).toBe('sent');
    expect((await store.getAlert(alert.alertId))!.status).toBe('sent');
  });

  it('waits out a short 429 Retry-After, and defers the alert on a long one', async () => {
    const first = newAlert();
    await store.ensureAlert(first);
    mode = '429-short';
    const [waited] = await deliver([first.alertId]);
    expect(waited.status).toBe('sent');
    expect(posts()).toHaveLength(2);

    const second = newAlert();
    await store.ensureAlert(second);
    mode = '429-long';
    const [deferred] = await deliver([second.alertId]);
    expect(deferred).toMatchObject({ status: 'failed', retryAfterSeconds: 120 });
  });

  it('marks an alert failed only on its last attempt before the dead-letter queue', async () => {
    const alert = newAlert();
    await store.ensureAlert(alert);
    mode = '500';
    await deliverAlerts(
      { store, channels: [channel()], isFinalAttempt: () => true },
      [alert.alertId],
      new Date(),
    );
    expect((await store.getAlert(alert.alertId))!.status).toBe('failed');
  });

  it('fails, and keeps the alert, when Slack hangs', async () => {
    const alert = newAlert();
    await store.ensureAlert(alert);
    mode = 'hang';
    const [outcome] = await deliver([alert.alertId]);
    expect(outcome.status).toBe('failed');
    expect((await store.getAlert(alert.alertId))!.status).toBe('failed');
  });

  it('never posts twice after a crash between sending and recording', async () => {
    const alert = newAlert();
    await store.ensureAlert(alert);
    // A consumer claimed the alert, marked Slack as sending, posted, and died before recording.
    const crashedAt = Date.now();
    await store.claimAlert(alert.alertId, 60_000, crashedAt);
    await store.markChannel(alert.alertId, 'slack', 'sending');
    // Its message comes back after the lease ran out; the next consumer must not post again.
    const [outcome] = await deliver([alert.alertId], [channel()], new Date(crashedAt + 61_000));
    expect(outcome.status).toBe('sent');
    expect(posts()).toHaveLength(0);
    expect((await store.getAlert(alert.alertId))!.channels).toEqual({ slack: 'unconfirmed' });
  });

  it('sends one digest for a burst above the threshold, single messages below it', async () => {
    const burst = Array.from({ length: 7 }, () => newAlert());
    for (const a of burst) await store.ensureAlert(a);
    await deliver(burst.map((a) => a.alertId));
    expect(posts()).toHaveLength(1);
    const digest = JSON.parse(posts()[0].body);
    expect(digest.blocks[0].text.text).toBe('7 new figures');
    expect(digest.blocks).toHaveLength(8);

    slack.requests.length = 0;
    const few = Array.from({ length: 3 }, () => newAlert());
    for (const a of few) await store.ensureAlert(a);
    await deliver(few.map((a) => a.alertId));
    expect(posts()).toHaveLength(3);
  });

  it('says what changed when the same claimant revises a figure', async () => {
    const alert = {
      ...newAlert(4000),
      previous: { value: 3000, asOf: '2024-12-23', figureKey: 'casualties|troops|3000||KP' },
    };
    await store.ensureAlert(alert);
    await deliver([alert.alertId]);
    expect(posts()[0].body).toContain('up from 3,000 (2024-12-23), +1,000');
  });
});

describe('alert email through SES v2 (moto_server stands in for SES)', () => {
  let moto: Moto;
  let services: LocalServices;
  let store: Store;
  beforeAll(async () => {
    moto = await startMoto();
    services = await startLocalServices();
    store = createDeps(loadConfig(services.env)).store;
  });
  afterAll(async () => {
    await services?.stop();
    await moto?.stop();
  });

  it('sends the alert as HTML and text to the recipients, and records it sent', async () => {
    const aws = {
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    const sesV1 = new SESClient(aws);
    await sesV1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'alerts@claimwatch.example' }));
    const email = emailChannel(new SESv2Client(aws), 'alerts@claimwatch.example', [
      'desk@news.example',
    ]);
    const alert = newAlert(7000);
    await store.ensureAlert(alert);
    const [outcome] = await deliverAlerts(
      { store, channels: [email] },
      [alert.alertId],
      new Date(),
    );
    expect(outcome.status).toBe('sent');
    const quota = await sesV1.send(new GetSendQuotaCommand({}));
    expect(quota.SentLast24Hours).toBe(1);
    expect((await store.getAlert(alert.alertId))!.channels).toEqual({ email: 'sent' });
  });

  it('keeps the alert when SES refuses the sender', async () => {
    const aws = {
      region: 'us-east-1',
      endpoint: moto.endpoint,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    };
    const email = emailChannel(new SESv2Client(aws), 'unverified@elsewhere.example', [
      'desk@news.example',
    ]);
    const alert = newAlert(7001);
    await store.ensureAlert(alert);
    const [outcome] = await deliverAlerts(
      { store, channels: [email] },
      [alert.alertId],
      new Date(),
    );
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toMatch(/SES refused the email/);
  });
});

describe('alert email through a local SMTP server (the embedded runtime)', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; data: string }[] = [];
  let services: LocalServices;
  let store: Store;
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => {
          data += c.toString();
        });
        stream.on('end', () => {
          received.push({
            from: (session.envelope.mailFrom as { address: string }).address,
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    services = await startLocalServices();
    store = createDeps(loadConfig(services.env)).store;
  });
  afterAll(async () => {
    await services?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('is chosen by SMTP_URL and delivers HTML and text to every recipient', async () => {
    const deps = createDeps(
      loadConfig({
        ...services.env,
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        ALERT_EMAIL_TO: 'desk@news.example,analyst@news.example',
        ALERT_EMAIL_FROM: 'claimwatch@localhost',
      }),
    );
    const channels = await deps.channels();
    expect(channels.map((c) => c.name)).toEqual(['email']);
    const alert = newAlert(500);
    await store.ensureAlert(alert);
    const [outcome] = await deliverAlerts({ store, channels }, [alert.alertId], new Date());
    expect(outcome.status).toBe('sent');
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['desk@news.example', 'analyst@news.example']);
    expect(received[0].data).toContain(
      'Subject: [claimwatch] About 500 North Korean troops killed or wounded',
    );
    expect(received[0].data).toContain('text/html');
    expect(received[0].data).toContain('text/plain');
  });
});
