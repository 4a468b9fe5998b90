import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandler as extractClaims } from '../../functions/extract-claims/handler.ts';
import { createHandler as pollFeed } from '../../functions/poll-feed/handler.ts';
import { createHandler as sendAlerts } from '../../functions/send-alerts/handler.ts';
import { LocalRuntime } from '../../local/runtime.ts';
import type { LocalServices, QueueName } from '../../local/services.ts';
import { QUEUES, startLocalServices } from '../../local/services.ts';
import { slackChannel } from '../../shared/alerts/channels.ts';
import { loadConfig } from '../../shared/config.ts';
import type { Deps } from '../../shared/deps.ts';
import { createDeps } from '../../shared/deps.ts';
import { parseFeedList } from '../../shared/feeds/feed-list.ts';
import type { Store } from '../../shared/store/store.ts';
import type {
  FaultPlan,
  FaultProxy,
  FaultProxyOptions,
  WriteCall,
} from '../helpers/fault-proxy.ts';
import { startFaultProxy } from '../helpers/fault-proxy.ts';
import { FaultTally } from '../helpers/fault-report.ts';
import type { TestServer } from '../helpers/http-server.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { EXPECTED_SOURCES, sampleArticles, serveSampleSite } from '../helpers/sample-site.ts';

type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

/** One scenario: its stand-ins, the proxy in front of dynalite, and a runtime that writes through it. */
interface World {
  name: string;
  services: LocalServices;
  proxy: FaultProxy;
  runtime: LocalRuntime;
  /** The table read directly, behind the proxy's back. */
  store: Store;
  /** Messages the handlers saw fail (and SQS redelivered). */
  failedDeliveries: number;
}

const tally = new FaultTally('faults-dynamodb', [
  'inputs tried',
  'failures survived',
  'stories lost',
  'alerts duplicated',
]);
let scenarios = 0;

/**
 * A write's place in the code, read off the request: the operation, the kind of item, and for
 * updates the expression (and for a channel mark, the state it records).
 */
function writeSite(call: WriteCall): string {
  const input = call.input as {
    Key?: Record<string, { S?: string }>;
    Item?: Record<string, { S?: string }>;
    UpdateExpression?: string;
    ExpressionAttributeValues?: Record<string, { S?: string }>;
  };
  const keyOf = input.Key ?? input.Item ?? {};
  const kind = `${keyOf.PK?.S?.split('#')[0]}/${keyOf.SK?.S?.split('#')[0]}`;
  const state = input.ExpressionAttributeValues?.[':state']?.S?.split(':')[0];
  return [call.operation, kind, input.UpdateExpression?.slice(0, 24), state]
    .filter(Boolean)
    .join(' ');
}

describe('DynamoDB write faults between the SDK and dynalite', () => {
  const articles = sampleArticles;
  let site: TestServer;
  let slack: TestServer;
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
  });

  afterAll(async () => {
    for (const w of worlds) {
      await w.proxy.close();
      await w.services.stop();
    }
    await site?.close();
    await slack?.close();
  });

  /** Fresh stand-ins, the proxy in front of dynalite, and the runtime pointed at the proxy. */
  async function world(name: string, faults: Omit<FaultProxyOptions, 'target'>): Promise<World> {
    const services = await startLocalServices();
    const proxy = await startFaultProxy({ target: services.dynamoEndpoint, ...faults });
    let runtime: LocalRuntime | undefined;
    const w: World = {
      name,
      services,
      proxy,
      runtime: undefined as unknown as LocalRuntime,
      store: createDeps(loadConfig(services.env)).store,
      failedDeliveries: 0,
    };
    const counted = (make: (deps: Deps) => SqsHandler): SqsHandler => {
      let handler: SqsHandler | undefined;
      return async (event) => {
        handler ??= make(runtime!.deps);
        const result = await handler(event);
        w.failedDeliveries += result.batchItemFailures.length;
        return result;
      };
    };
    runtime = LocalRuntime.fromEnv(
      {
        ...services.env,
        DYNAMODB_ENDPOINT: proxy.url,
        FETCH_ALLOW_ADDRESSES: '127.0.0.1',
        SLACK_WEBHOOK_URL: `${slack.url}/hook?scenario=${name}`,
      },
      feedList(),
      {
        retryDelaySeconds: () => 0,
        handlers: {
          feeds: counted(pollFeed),
          articles: counted(extractClaims),
          alerts: counted(sendAlerts),
        },
      },
    );
    // Slack's one-post-a-second pacing is not under test here: it would only slow the suite.
    const slackHook = slackChannel(`${slack.url}/hook?scenario=${name}`, { minIntervalMs: 0 });
    runtime.deps.channels = async () => [slackHook];
    w.runtime = runtime;
    worlds.push(w);
    return w;
  }

  async function depth(w: World, url: string): Promise<number> {
    const res = await w.runtime.deps.clients.sqs.send(
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
   * Read behind the proxy: no partial story (each stored story's figures list it, with its
   * mention), the eleven figures with their source counts, eleven alerts sent and each at Slack
   * once, and no message left on a queue or dead-lettered.
   */
  async function expectWhole(w: World) {
    const { store } = w;
    const figures = await store.listFigures();
    const stories = await store.listStories();
    const storyIds = new Set(stories.map((s) => s.storyId));
    const alerts = await store.listAlerts();
    const delivered = slackAlerts(w);
    scenarios++;
    tally.add('inputs tried', w.proxy.stats.writeCalls);
    tally.add('failures survived', w.proxy.faultsInjected());
    tally.add('stories lost', articles.length - storyIds.size);
    tally.add(
      'alerts duplicated',
      delivered.length -
        new Set(delivered).size +
        alerts.length -
        new Set(alerts.map((a) => a.figureKey)).size,
    );

    expect(new Map(figures.map((f) => [f.figureKey, f.storyIds.length]))).toEqual(EXPECTED_SOURCES);
    for (const figure of figures) {
      const mentions = await store.mentions(figure.figureKey);
      expect(mentions.map((m) => m.storyId).sort()).toEqual(figure.storyIds);
    }
    expect(stories).toHaveLength(5);
    for (const story of stories) {
      expect(story.figureKeys.length).toBeGreaterThan(0);
      for (const key of story.figureKeys) {
        expect(figures.find((f) => f.figureKey === key)?.storyIds).toContain(story.storyId);
      }
      expect(await store.getStoryBody(story.storyId)).toBeDefined();
    }
    expect(alerts.map((a) => `${a.status} ${JSON.stringify(a.channels)}`)).toEqual(
      Array(11).fill('sent {"slack":"sent"}'),
    );
    expect(new Set(alerts.map((a) => a.figureKey)).size).toBe(11);
    expect(delivered).toHaveLength(11);
    expect(new Set(delivered).size).toBe(11);
    for (const queue of QUEUES) {
      expect(await depth(w, w.services.queueUrls[queue as QueueName])).toBe(0);
      expect(await depth(w, w.services.dlqUrls[queue as QueueName])).toBe(0);
    }
  }

  it('absorbs seeded throttling and 500s with SDK retries, and redelivers what runs out of retries', async () => {
    const w = await world('seeded', {
      seed: 20241223,
      rate: 0.12,
      throttleShare: 0.3,
      exhaustShare: 0.2,
    });
    const summary = await w.runtime.runCycle();
    expect(summary).toMatchObject({ storiesStored: 5, newFigures: 11 });
    const stats = w.proxy.stats;
    console.log(
      `faults-dynamodb seeded: ${JSON.stringify({ ...stats, retries: stats.retries.length })}`,
    );

    // the SDK retried: the same invocation came back, numbered, up to the client's eight attempts
    expect(stats.maxAttempts).toBe(8);
    expect(stats.injected.throttle).toBeGreaterThan(0);
    expect(stats.injected.server).toBeGreaterThan(0);
    expect(stats.callsRecovered).toBeGreaterThan(0);
    expect(stats.retries.length).toBeGreaterThanOrEqual(stats.callsRecovered);
    // with back-off: a throttle is waited out from a 1 s base, a 500 from 25 ms (full jitter)
    const waited = (kind: string) =>
      stats.retries.filter((r) => r.after === kind).map((r) => r.waitedMs);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(waited('throttle'))).toBeGreaterThan(50);
    // and where the retries ran out, the message failed and SQS delivered it again
    expect(stats.callsExhausted).toBeGreaterThan(0);
    expect(w.failedDeliveries).toBeGreaterThan(0);
    expect(summary.messagesFailed).toBe(w.failedDeliveries);
    await expectWhole(w);
  });

  it('survives the retries running out on the first call of every write in the pipeline', async () => {
    const exhausted = new Map<string, number>();
    let last = Number.NEGATIVE_INFINITY;
    const w = await world('every-write', {
      plan: (call): FaultPlan | undefined => {
        const site = writeSite(call);
        // a few calls apart, so no one message meets five in a row and is dead-lettered
        if (exhausted.has(site) || call.index - last < 5) return undefined;
        exhausted.set(site, call.index);
        last = call.index;
        return { failAttempts: Number.POSITIVE_INFINITY, kind: 'server' };
      },
    });
    // Lambda retries a failed tick twice, and the local runtime does the same; a tick that still
    // fails is dropped, and the next one (five minutes later) starts over
    let ticks = 0;
    for (let done = false; !done && ticks < 5; ticks++) {
      done = await w.runtime.runCycle().then(
        () => true,
        () => false,
      );
    }
    expect(ticks).toBeLessThan(5);
    console.log(
      `faults-dynamodb every write (${ticks} ticks): ${[...exhausted.keys()].join(' | ')}`,
    );
    expect(exhausted.size).toBeGreaterThanOrEqual(10);
    expect(w.proxy.stats.callsExhausted).toBe(exhausted.size);
    await expectWhole(w);
  });

  it('ends with the suite’s figures: nothing lost, nothing duplicated', () => {
    tally.print();
    expect(scenarios).toBe(2);
    expect(tally.get('stories lost')).toBe(0);
    expect(tally.get('alerts duplicated')).toBe(0);
  });
});
