import type { Message } from '@aws-sdk/client-sqs';
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as extractClaims } from '../../functions/extract-claims/handler.ts';
import { createHandler as scheduleHandler } from '../../functions/schedule-polls/handler.ts';
import { createHandler as sendAlerts } from '../../functions/send-alerts/handler.ts';
import { LocalRuntime, toEvent } from '../../local/runtime.ts';
import type { LocalServices, LocalServicesOptions, QueueName } from '../../local/services.ts';
import { startLocalServices } from '../../local/services.ts';
import { loadConfig } from '../../shared/config.ts';
import type { Deps } from '../../shared/deps.ts';
import { createDeps } from '../../shared/deps.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import { FaultTally } from '../helpers/fault-report.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { EXPECTED_SOURCES, sampleArticles, serveSampleSite } from '../helpers/sample-site.ts';

type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/** One scenario's own table, queues, runtime and Slack webhook path. */
interface World {
  name: string;
  services: LocalServices;
  runtime: LocalRuntime;
  env: Record<string, string>;
}

const tally = new FaultTally('faults-queue', [
  'inputs tried',
  'failures survived',
  'stories lost',
  'alerts duplicated',
]);
let scenarios = 0;

describe('queue faults: duplicates, two consumers, crashes before delete, poison', () => {
  const articles = sampleArticles;
  let site: TestServer;
  let slack: TestServer;
  /** The five article messages as the poller queued them from the served pages. */
  let articleBodies: string[] = [];
  const worlds: World[] = [];

  const feedList = () => parseFeedList([{ id: 'sample', url: `${site.url}/feed.xml` }]);

  beforeAll(async () => {
    site = await startTestServer();
    slack = await startTestServer();
    slack.route('/hook', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    serveSampleSite(site);

    // Poll the served feed once, through the real schedule and poll-feed stages, and keep the
    // five article messages they queue: every scenario replays them onto its own queue.
    const w = await world('capture');
    await scheduleHandler(w.runtime.deps, feedList())();
    await w.runtime.deliverBatch('feeds');
    const queued = await receiveAll(w, 'articles');
    articleBodies = queued.map((m) => m.Body!);
    expect(articleBodies).toHaveLength(5);
  });

  afterAll(async () => {
    for (const w of worlds) await w.services.stop();
    await site?.close();
    await slack?.close();
  });

  /** Fresh stand-ins and a runtime whose handlers count every message handed to them. */
  async function world(name: string, options: LocalServicesOptions = {}): Promise<World> {
    const services = await startLocalServices(options);
    const env = {
      ...services.env,
      FETCH_ALLOW_ADDRESSES: '127.0.0.1',
      SLACK_WEBHOOK_URL: `${slack.url}/hook?scenario=${name}`,
    };
    let runtime: LocalRuntime | undefined;
    const counted = (make: (deps: Deps) => SqsHandler): SqsHandler => {
      let handler: SqsHandler | undefined;
      return (event) => {
        handler ??= make(runtime!.deps);
        tally.add('inputs tried', event.Records.length);
        return handler(event);
      };
    };
    runtime = LocalRuntime.fromEnv(env, feedList(), {
      retryDelaySeconds: () => 0,
      handlers: { articles: counted(extractClaims), alerts: counted(sendAlerts) },
    });
    const w = { name, services, runtime, env };
    worlds.push(w);
    return w;
  }

  /** A second consumer on the same queues and table: another Lambda instance. */
  const otherConsumer = (w: World): Deps => createDeps(loadConfig(w.env));

  const sqsOf = (w: World) => w.runtime.deps.clients.sqs;

  async function send(w: World, url: string, bodies: string[]) {
    for (let i = 0; i < bodies.length; i += 10) {
      await sqsOf(w).send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: bodies.slice(i, i + 10).map((b, n) => ({ Id: String(n), MessageBody: b })),
        }),
      );
    }
  }

  async function receive(w: World, queue: QueueName): Promise<Message[]> {
    const res = await sqsOf(w).send(
      new ReceiveMessageCommand({
        QueueUrl: w.services.queueUrls[queue],
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['ApproximateReceiveCount', 'SentTimestamp'],
      }),
    );
    return res.Messages ?? [];
  }

  async function receiveAll(w: World, queue: QueueName): Promise<Message[]> {
    const all: Message[] = [];
    for (;;) {
      const batch = await receive(w, queue);
      if (batch.length === 0) return all;
      all.push(...batch);
    }
  }

  async function remove(w: World, queue: QueueName, messages: Message[]) {
    for (let i = 0; i < messages.length; i += 10) {
      await sqsOf(w).send(
        new DeleteMessageBatchCommand({
          QueueUrl: w.services.queueUrls[queue],
          Entries: messages
            .slice(i, i + 10)
            .map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle! })),
        }),
      );
    }
  }

  /** Makes received messages visible again at once, as an expired visibility timeout does. */
  async function release(w: World, queue: QueueName, messages: Message[]) {
    for (const m of messages) {
      await sqsOf(w).send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: w.services.queueUrls[queue],
          ReceiptHandle: m.ReceiptHandle!,
          VisibilityTimeout: 0,
        }),
      );
    }
  }

  /** Received messages shaped as the Lambda event source mapping hands them to a handler. */
  function eventOf(w: World, queue: QueueName, messages: Message[]): SQSEvent {
    tally.add('inputs tried', messages.length);
    const url = w.services.queueUrls[queue];
    return toEvent(
      messages,
      `arn:aws:sqs:us-east-1:000000000000:${url.split('/').pop()}`,
      'us-east-1',
    );
  }

  async function depth(w: World, url: string): Promise<number> {
    const res = await sqsOf(w).send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(res.Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(res.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  }

  /** The alerts this scenario's Slack webhook received, one headline each, digests unpacked. */
  function slackAlerts(w: World): string[] {
    return slack.requests
      .filter((r) => r.method === 'POST' && r.path === `/hook?scenario=${w.name}`)
      .flatMap((post) => {
        const { blocks } = JSON.parse(post.body) as {
          blocks: { type: string; text?: { text: string } }[];
        };
        if (!/^\d+ new figures$/.test(blocks[0].text?.text ?? '')) return [blocks[0].text!.text];
        return blocks.slice(1).map((b) => /^\*(.+)\*/.exec(b.text!.text)![1]);
      });
  }

  /**
   * The end state every scenario must reach: the eleven figures with their source counts, each
   * figure's mentions, five stories stored once, eleven alerts all sent and each at Slack once,
   * and nothing left on a queue (dead-letter queues as the scenario expects).
   */
  async function expectWhole(w: World, deadLettered: Partial<Record<QueueName, number>> = {}) {
    const { store } = w.runtime.deps;
    const figures = await store.listFigures();
    expect(new Map(figures.map((f) => [f.figureKey, f.storyIds.length]))).toEqual(EXPECTED_SOURCES);
    for (const figure of figures) {
      const mentions = await store.mentions(figure.figureKey);
      expect(mentions.map((m) => m.storyId).sort()).toEqual(figure.storyIds);
    }
    const stories = await store.listStories();
    const storyIds = new Set(stories.map((s) => s.storyId));
    for (const story of stories) {
      expect(story.feedIds).toEqual(['sample']);
      for (const key of story.figureKeys) {
        expect(figures.find((f) => f.figureKey === key)?.storyIds).toContain(story.storyId);
      }
    }
    const alerts = await store.listAlerts();
    const delivered = slackAlerts(w);
    scenarios++;
    tally.add('stories lost', articles.length - storyIds.size);
    tally.add(
      'alerts duplicated',
      delivered.length -
        new Set(delivered).size +
        alerts.length -
        new Set(alerts.map((a) => a.figureKey)).size,
    );
    expect(stories).toHaveLength(5);
    expect(storyIds.size).toBe(5);
    expect(alerts).toHaveLength(11);
    expect(alerts.map((a) => a.status)).toEqual(Array(11).fill('sent'));
    expect(new Set(alerts.map((a) => a.figureKey)).size).toBe(11);
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
    for (const queue of ['articles', 'alerts'] as const) {
      expect(await depth(w, w.services.queueUrls[queue])).toBe(0);
      expect(await depth(w, w.services.dlqUrls[queue])).toBe(deadLettered[queue] ?? 0);
    }
  }

  it('processes an article delivered two and three times, and a redelivered alert, once', async () => {
    const w = await world('duplicates');
    // articles 0 and 1 twice, 2 to 4 three times: 13 deliveries, some in one batch, some apart
    const copies = [...articleBodies, ...articleBodies, ...articleBodies.slice(2)];
    await send(w, w.services.queueUrls.articles, copies);
    tally.add('failures survived', copies.length - articleBodies.length);
    const { failed } = await w.runtime.drain();
    expect(failed).toBe(0);

    // alert messages again after they were sent: one alert twice more, another three times
    const alerts = await w.runtime.deps.store.listAlerts();
    const again = [alerts[0], alerts[0], alerts[5], alerts[5], alerts[5]].map((a) =>
      JSON.stringify({ alertId: a.alertId }),
    );
    await send(w, w.services.queueUrls.alerts, again);
    tally.add('failures survived', again.length);
    expect((await w.runtime.drain()).failed).toBe(0);
    await expectWhole(w);
  });

  it.each([
    ['in the same order', false],
    ['in opposite orders', true],
  ])(
    'lets two consumers holding the same messages (visibility expired mid-processing) agree, %s',
    async (_label, reversed) => {
      const w = await world(`two-consumers-${reversed ? 'reversed' : 'same'}`);
      const other = otherConsumer(w);
      await send(w, w.services.queueUrls.articles, articleBodies);
      const held = await receiveAll(w, 'articles');
      expect(held).toHaveLength(5);
      const ordered = reversed ? [...held].reverse() : held;
      const [a, b] = await Promise.all([
        extractClaims(w.runtime.deps)(eventOf(w, 'articles', held)),
        extractClaims(other)(eventOf(w, 'articles', ordered)),
      ]);
      tally.add('failures survived', held.length);
      expect(a.batchItemFailures).toEqual([]);
      expect(b.batchItemFailures).toEqual([]);
      await remove(w, 'articles', held);

      // both consumers queued alerts for the figures their stories were first to report; two
      // alert consumers now hold the same batch
      const alertBatch = await receive(w, 'alerts');
      expect(alertBatch.length).toBeGreaterThan(0);
      const [x, y] = await Promise.all([
        sendAlerts(w.runtime.deps)(eventOf(w, 'alerts', alertBatch)),
        sendAlerts(other)(eventOf(w, 'alerts', reversed ? [...alertBatch].reverse() : alertBatch)),
      ]);
      tally.add('failures survived', alertBatch.length);
      // whatever either reported as failed comes back; the rest is deleted
      const failedIds = new Set(
        [...x.batchItemFailures, ...y.batchItemFailures].map((f) => f.itemIdentifier),
      );
      await remove(
        w,
        'alerts',
        alertBatch.filter((m) => !failedIds.has(m.MessageId!)),
      );
      await release(
        w,
        'alerts',
        alertBatch.filter((m) => failedIds.has(m.MessageId!)),
      );
      expect((await w.runtime.drain()).failed).toBe(0);
      await expectWhole(w);
    },
  );

  it('finishes the work of a consumer that crashed after its writes, before deleting', async () => {
    // Each crash's visibility timeout running out is played by releasing the messages, so a
    // slow machine neither waits for it nor sees a message come back mid-work too often.
    const w = await world('crash-before-delete');
    await send(w, w.services.queueUrls.articles, articleBodies);

    // First consumer: dies after the story, figure, mention and alert writes, before it could
    // queue the alerts (the crash surfaces as the queue send failing) and before deleting.
    const dying: Deps = {
      ...w.runtime.deps,
      alertsQueue: { send: () => Promise.reject(new Error('consumer killed')) },
    };
    const first = await receiveAll(w, 'articles');
    expect(first).toHaveLength(5);
    await extractClaims(dying)(eventOf(w, 'articles', first));
    tally.add('failures survived', first.length);
    const { store } = w.runtime.deps;
    expect(await store.listStories()).toHaveLength(5);
    expect((await store.listAlerts()).every((a) => a.status === 'pending')).toBe(true);
    expect(await depth(w, w.services.queueUrls.alerts)).toBe(0);

    // Second consumer: the visibility timeout ran out, the messages are back; it finishes the
    // handler, alerts queued, and dies before deleting.
    await release(w, 'articles', first);
    const second = await waitForAll(w, 'articles', 5);
    const result = await extractClaims(w.runtime.deps)(eventOf(w, 'articles', second));
    expect(result.batchItemFailures).toEqual([]);
    tally.add('failures survived', second.length);

    // An alert consumer posts to Slack, then dies before deleting its messages.
    const alertBatch = await receive(w, 'alerts');
    expect(alertBatch.length).toBeGreaterThan(0);
    await sendAlerts(w.runtime.deps)(eventOf(w, 'alerts', alertBatch));
    tally.add('failures survived', alertBatch.length);

    // Everything comes back after the visibility timeout; the next consumer finishes the work.
    await release(w, 'articles', second);
    await release(w, 'alerts', alertBatch);
    const { failed } = await w.runtime.drain();
    expect(failed).toBe(0);
    await expectWhole(w);
  });

  it('dead-letters a poison message after five receives while the rest of its batch succeeds', async () => {
    const w = await world('poison');
    await send(w, w.services.queueUrls.articles, ['{not json', ...articleBodies]);
    // a poison alert message too: it rides along with the real alerts, fifteen receives
    await send(w, w.services.queueUrls.alerts, ['{"alertId": 42}']);
    const batches: { received: number; failed: number }[] = [];
    const alertBatches: { received: number; failed: number }[] = [];
    for (let i = 0; i < 5; i++) {
      // each time the poison comes back, it shares its batch with good messages (duplicates)
      batches.push(await w.runtime.deliverBatch('articles'));
      await send(w, w.services.queueUrls.articles, [articleBodies[i], articleBodies[(i + 2) % 5]]);
      alertBatches.push(await w.runtime.deliverBatch('alerts'));
    }
    expect(batches[0]).toEqual({ received: 6, failed: 1 });
    for (const batch of batches.slice(1)) expect(batch).toEqual({ received: 3, failed: 1 });
    expect(alertBatches[0].received).toBeGreaterThan(1);
    for (const batch of alertBatches) expect(batch.failed).toBe(1);
    const { failed } = await w.runtime.drain();
    const poisonReceives = [...batches, ...alertBatches].reduce((n, b) => n + b.failed, failed);
    expect(poisonReceives).toBe(5 + 15);
    tally.add('failures survived', poisonReceives);
    await expectWhole(w, { articles: 1, alerts: 1 });
    const dead = await sqsOf(w).send(
      new ReceiveMessageCommand({ QueueUrl: w.services.dlqUrls.articles, MaxNumberOfMessages: 10 }),
    );
    expect(dead.Messages?.map((m) => m.Body)).toEqual(['{not json']);
  });

  it('ends with the suite’s figures: nothing lost, nothing duplicated', () => {
    tally.print();
    expect(scenarios).toBe(5);
    expect(tally.get('stories lost')).toBe(0);
    expect(tally.get('alerts duplicated')).toBe(0);
  });

  // A generous bound under the test's own timeout: the wait ends on the event, this only names it.
  async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 25_000) {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function waitForAll(w: World, queue: QueueName, count: number): Promise<Message[]> {
    const got: Message[] = [];
    await waitFor(async () => {
      got.push(...(await receive(w, queue)));
      return got.length >= count;
    }, `${count} messages on ${queue}`);
    return got;
  }
});
