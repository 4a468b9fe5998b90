/**
 * The monthly bill, computed from what `bench/cost.ts` measured (per poll, per article, per
 * alert) times list prices, so `docs/deploy.md` cannot drift from the code: its table is this
 * module's output for the measurement kept in `bench/results/cost.json`, and a unit test checks
 * that they agree.
 *
 * The measured inputs: DynamoDB read and write units of every request, the SQS requests the
 * handlers make, handler time, log bytes, table growth, each function's memory and batch size,
 * and the alarms, dashboards and custom metrics the stack and code create. The assumed inputs
 * are in {@link ASSUMPTIONS}, each with its reason: how much the user's feeds publish, how their
 * sites answer, and how Lambda's SQS pollers and CPU allocation behave.
 */
import type { CostMeasurement, PhaseUse, StageUse } from './cost.ts';

/** List prices, us-east-1, December 2026 (docs/deploy.md cites the pages). */
export const PRICES = {
  lambdaGbSecondArm: 0.0000133334,
  lambdaRequestPerMillion: 0.2,
  sqsRequestPerMillion: 0.4,
  dynamoWritePerMillion: 0.625,
  dynamoReadPerMillion: 0.125,
  dynamoStorageGbMonth: 0.25,
  pitrGbMonth: 0.2,
  logsIngestGb: 0.5,
  logsStoreGbMonth: 0.03,
  customMetricMonth: 0.3,
  alarmMonth: 0.1,
  dashboardMonth: 3,
  secretMonth: 0.4,
  secretCallsPer10k: 0.05,
  sesPer1000: 0.1,
} as const;

/** The always-free tiers that apply. */
export const FREE = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  sqsRequests: 1_000_000,
  dynamoStorageGb: 25,
  logsGb: 5,
  customMetrics: 10,
  alarms: 10,
  dashboards: 3,
} as const;

/** What the model assumes, because it depends on the user's feeds or on AWS, not on the code. */
export const ASSUMPTIONS = {
  pollIntervalMinutes: 5,
  /** Items a feed publishes a day (a busy news feed). */
  articlesPerFeedPerDay: 20,
  /** Share of articles about the subject: most of a general feed is about something else. */
  onTopicShare: 0.05,
  /** Alerts a month (new figures are rare; the demo's eleven in one day is a busy day). */
  alertsPerMonth: 300,
  /** Of polls that bring nothing new, the share answered 304 (the rest: 200, same items). */
  notModifiedShare: 0.5,
  /** A site's answer to a feed fetch from Lambda, on top of the measured local work (ms). */
  feedFetchMs: 300,
  /** The same for an article page (ms): larger, often slower. */
  pageFetchMs: 500,
  /** A vCPU at 1,769 MB, proportionally less below: local CPU time is scaled by this. */
  fullVcpuMb: 1769,
  /** Lambda's SQS event source keeps five long polls (20 s) open per queue while idle. */
  idlePollsPerQueuePerMonth: 5 * 3 * 60 * 24 * 30,
  /** Lambda writes START, END and REPORT lines per invocation (bytes). */
  platformLogBytesPerInvocation: 300,
  /** Email recipients per alert. */
  emailRecipients: 2,
  /** Cold starts a month of the function that reads the secret. */
  secretReadsPerMonth: 100,
} as const;

/** One line of the bill. */
export interface CostLine {
  item: string;
  basis: string;
  list: number;
  afterFree: number;
}

/** The bill for one number of feeds. */
export interface Bill {
  feeds: number;
  lines: CostLine[];
  list: number;
  afterFree: number;
}

const MONTH_DAYS = 30;
type FunctionName = keyof CostMeasurement['functions'];

const perRecord = (use: StageUse, key: keyof StageUse) =>
  use.records > 0 ? (use[key] as number) / use.records : 0;

/**
 * Per-unit usage, read off the phases: a poll answered 304, a poll answered 200 with the same
 * items, a poll bringing one new item, an article off and on topic, an alert, a schedule tick.
 */
function units(m: CostMeasurement) {
  const p = m.phases;
  const poll = (phase: PhaseUse) => phase.stages['poll-feed'];
  // a poll with a new item: the newOffTopic phase, where every feed had exactly one
  const newPoll = poll(p.newOffTopic);
  // an on-topic article costs what extract-claims did in newOnTopic per record
  const onTopic = p.newOnTopic.stages['extract-claims'];
  const offTopic = p.newOffTopic.stages['extract-claims'];
  const alerts = p.newOnTopic.stages['send-alerts'];
  const tick = p.notModified.stages['schedule-polls'];
  return { p, poll, newPoll, onTopic, offTopic, alerts, tick };
}

/** The monthly bill for `feeds` feeds, from one measurement. */
export function monthlyBill(m: CostMeasurement, feeds: number): Bill {
  const a = ASSUMPTIONS;
  const { p, poll, newPoll, onTopic, offTopic, alerts, tick } = units(m);
  const ticks = (MONTH_DAYS * 24 * 60) / a.pollIntervalMinutes;
  const polls = feeds * ticks;
  const articles = feeds * a.articlesPerFeedPerDay * MONTH_DAYS;
  const onTopicArticles = articles * a.onTopicShare;
  const offTopicArticles = articles - onTopicArticles;
  // conservative: each new article arrives in a poll of its own
  const newPolls = Math.min(polls, articles);
  const quietPolls = polls - newPolls;
  const notModified = quietPolls * a.notModifiedShare;
  const unchanged = quietPolls - notModified;
  const alertsPerMonth = a.alertsPerMonth;
  const fn = m.functions;

  // DynamoDB. A quiet poll writes nothing while its feed's last check is recent, and once per
  // refresh interval it writes its state (measured in the `refresh` phase).
  const refreshShare =
    m.stateRefreshMinutes > 0 ? a.pollIntervalMinutes / m.stateRefreshMinutes : 0;
  const refreshWcu = refreshShare * perRecord(poll(p.refresh), 'wcu');
  const wcu =
    notModified * (perRecord(poll(p.notModified), 'wcu') + refreshWcu) +
    unchanged * (perRecord(poll(p.unchanged), 'wcu') + refreshWcu) +
    newPolls * perRecord(newPoll, 'wcu') +
    offTopicArticles * perRecord(offTopic, 'wcu') +
    onTopicArticles * perRecord(onTopic, 'wcu') +
    alertsPerMonth * perRecord(alerts, 'wcu') +
    ticks * tick.wcu;
  const rcu =
    notModified * perRecord(poll(p.notModified), 'rcu') +
    unchanged * perRecord(poll(p.unchanged), 'rcu') +
    newPolls * perRecord(newPoll, 'rcu') +
    offTopicArticles * perRecord(offTopic, 'rcu') +
    onTopicArticles * perRecord(onTopic, 'rcu') +
    alertsPerMonth * perRecord(alerts, 'rcu') +
    ticks * tick.rcu;
  const storageGb =
    (offTopicArticles * m.storageBytesPerArticle.offTopic +
      onTopicArticles * m.storageBytesPerArticle.onTopic) /
    1e9;
  // a first month averages half its growth
  const storageGbMonth = storageGb / 2;

  // Lambda: invocations by batch size; duration = local time per record × records × CPU scale
  // + the sites' answer. Pages are read by whichever function fetches them.
  const cpuScale = (name: FunctionName) => Math.max(1, a.fullVcpuMb / fn[name].memoryMb);
  const pollBatch = fn['poll-feed'].batchSize;
  const pollInvocations = polls / pollBatch;
  const pollLocalMs =
    notModified * perRecord(poll(p.notModified), 'ms') +
    unchanged * perRecord(poll(p.unchanged), 'ms') +
    newPolls * perRecord(newPoll, 'ms');
  // The page is fetched by the function that reads it (the one carrying jsdom).
  const extractFetches = m.pagesReadBy === 'extract-claims';
  const pollGbS =
    ((pollLocalMs * cpuScale('poll-feed') +
      pollInvocations * a.feedFetchMs +
      (extractFetches ? 0 : newPolls * a.pageFetchMs)) /
      1000) *
    (fn['poll-feed'].memoryMb / 1024);
  const extractInvocations = articles; // they arrive one or two at a time
  const extractGbS =
    (((offTopicArticles * perRecord(offTopic, 'ms') + onTopicArticles * perRecord(onTopic, 'ms')) *
      cpuScale('extract-claims') +
      (extractFetches ? articles * a.pageFetchMs : 0)) /
      1000) *
    (fn['extract-claims'].memoryMb / 1024);
  const alertInvocations = Math.ceil(alertsPerMonth / 2);
  const alertGbS =
    ((alertsPerMonth * perRecord(alerts, 'ms') * cpuScale('send-alerts')) / 1000) *
    (fn['send-alerts'].memoryMb / 1024);
  const tickGbS =
    ((ticks * tick.ms * cpuScale('schedule-polls')) / 1000) *
    (fn['schedule-polls'].memoryMb / 1024);
  const gbS = pollGbS + extractGbS + alertGbS + tickGbS;
  const invocations = ticks + pollInvocations + extractInvocations + alertInvocations;

  // SQS: the pollers' idle long polls, one delete batch per invocation, the handlers' own sends
  const sqsOwn =
    ticks * tick.sqsRequests +
    newPolls * perRecord(newPoll, 'sqsRequests') +
    onTopicArticles * perRecord(onTopic, 'sqsRequests') +
    offTopicArticles * perRecord(offTopic, 'sqsRequests') +
    alertsPerMonth * perRecord(alerts, 'sqsRequests');
  const sqsIdle = m.stack.queuesWithConsumers * a.idlePollsPerQueuePerMonth;
  const sqsDeletes = pollInvocations + extractInvocations + alertInvocations;
  const sqs = sqsIdle + sqsDeletes + sqsOwn;

  // Logs: the handlers' measured bytes, plus the platform's lines
  const logBytes =
    notModified * perRecord(poll(p.notModified), 'logBytes') +
    unchanged * perRecord(poll(p.unchanged), 'logBytes') +
    newPolls * perRecord(newPoll, 'logBytes') +
    offTopicArticles * perRecord(offTopic, 'logBytes') +
    onTopicArticles * perRecord(onTopic, 'logBytes') +
    alertsPerMonth * perRecord(alerts, 'logBytes') +
    ticks * tick.logBytes +
    invocations * a.platformLogBytesPerInvocation;
  const logGb = logBytes / 1e9;

  const metrics = m.customMetrics.length;
  const P = PRICES;
  const lines: CostLine[] = [];
  const line = (item: string, basis: string, list: number, afterFree: number) =>
    lines.push({ item, basis, list, afterFree: Math.max(0, afterFree) });
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  line(
    'Lambda compute (arm64)',
    `${fmt(gbS)} GB-s (poll-feed ${fmt(pollGbS)}, extract-claims ${fmt(extractGbS)}, others ${fmt(alertGbS + tickGbS)})`,
    gbS * P.lambdaGbSecondArm,
    (gbS - FREE.lambdaGbSeconds) * P.lambdaGbSecondArm,
  );
  line(
    'Lambda requests',
    `${fmt(invocations)} invocations (poll-feed ${fmt(pollInvocations)}: ${pollBatch} feeds each)`,
    (invocations / 1e6) * P.lambdaRequestPerMillion,
    ((invocations - FREE.lambdaRequests) / 1e6) * P.lambdaRequestPerMillion,
  );
  line(
    'SQS requests',
    `${fmt(sqs)}: idle long polls ${fmt(sqsIdle)} (${m.stack.queuesWithConsumers} queues), deletes ${fmt(sqsDeletes)}, sends ${fmt(sqsOwn)}`,
    (sqs / 1e6) * P.sqsRequestPerMillion,
    ((sqs - FREE.sqsRequests) / 1e6) * P.sqsRequestPerMillion,
  );
  line(
    'DynamoDB writes (on-demand)',
    `${fmt(wcu)} WRU (a 304 poll ${(perRecord(poll(p.notModified), 'wcu') + refreshWcu).toFixed(2)}${m.stateRefreshMinutes > 0 ? ` (state written once in ${m.stateRefreshMinutes} min)` : ''}, a poll with a new item ${perRecord(newPoll, 'wcu').toFixed(1)}, an article ${perRecord(offTopic, 'wcu').toFixed(1)} / ${perRecord(onTopic, 'wcu').toFixed(1)} on topic, a tick ${tick.wcu.toFixed(1)})`,
    (wcu / 1e6) * P.dynamoWritePerMillion,
    (wcu / 1e6) * P.dynamoWritePerMillion,
  );
  line(
    'DynamoDB reads',
    `${fmt(rcu)} RRU (a 304 poll ${perRecord(poll(p.notModified), 'rcu').toFixed(1)}, an unchanged 200 ${perRecord(poll(p.unchanged), 'rcu').toFixed(1)}, a new item ${perRecord(newPoll, 'rcu').toFixed(1)}, a tick ${tick.rcu.toFixed(1)})`,
    (rcu / 1e6) * P.dynamoReadPerMillion,
    (rcu / 1e6) * P.dynamoReadPerMillion,
  );
  line(
    'DynamoDB storage + PITR',
    `${storageGb.toFixed(2)} GB added a month (${fmt(m.storageBytesPerArticle.offTopic)} B an article, ${fmt(m.storageBytesPerArticle.onTopic)} on topic); month 1 averages half`,
    storageGbMonth * (P.dynamoStorageGbMonth + P.pitrGbMonth),
    storageGbMonth * P.pitrGbMonth +
      Math.max(0, storageGbMonth - FREE.dynamoStorageGb) * P.dynamoStorageGbMonth,
  );
  line(
    'CloudWatch Logs',
    `${logGb.toFixed(2)} GB ingested and kept 30 days`,
    logGb * (P.logsIngestGb + P.logsStoreGbMonth),
    Math.max(0, logGb - FREE.logsGb) * P.logsIngestGb + logGb * P.logsStoreGbMonth,
  );
  line(
    'CloudWatch custom metrics',
    `${metrics} (${m.customMetrics.map((x) => x.split('{')[0]).join(', ')})`,
    metrics * P.customMetricMonth,
    (metrics - FREE.customMetrics) * P.customMetricMonth,
  );
  line(
    'CloudWatch alarms',
    `${m.stack.alarms} standard alarms`,
    m.stack.alarms * P.alarmMonth,
    (m.stack.alarms - FREE.alarms) * P.alarmMonth,
  );
  line(
    'CloudWatch dashboard',
    m.stack.dashboards ? `${m.stack.dashboards}` : 'none (the `dashboard` flag is off)',
    m.stack.dashboards * P.dashboardMonth,
    (m.stack.dashboards - FREE.dashboards) * P.dashboardMonth,
  );
  const secretCost =
    m.stack.secrets * P.secretMonth + (a.secretReadsPerMonth / 10_000) * P.secretCallsPer10k;
  line('Secrets Manager', `${m.stack.secrets} secret (the Slack webhook)`, secretCost, secretCost);
  const ses = ((alertsPerMonth * a.emailRecipients) / 1000) * P.sesPer1000;
  line('SES', `${fmt(alertsPerMonth * a.emailRecipients)} emails`, ses, ses);
  const round = (n: number) => Math.round(n * 100) / 100;
  for (const l of lines) {
    l.list = round(l.list);
    l.afterFree = round(l.afterFree);
  }
  return {
    feeds,
    lines,
    list: round(lines.reduce((s, l) => s + l.list, 0)),
    afterFree: round(lines.reduce((s, l) => s + l.afterFree, 0)),
  };
}

const money = (n: number) => `$${n.toFixed(2)}`;

/** The markdown table `docs/deploy.md` carries: each feed count, today beside before. */
export function renderCostTables(now: CostMeasurement, before?: CostMeasurement): string {
  const out: string[] = [];
  const totals: string[] = [
    '| feeds (every 5 minutes) | list price | after free tiers |' +
      (before ? ' before the split (list / after free tiers) |' : ''),
    `|---|---|---|${before ? '---|' : ''}`,
  ];
  for (const feeds of [100, 1000, 5000]) {
    const bill = monthlyBill(now, feeds);
    const old = before ? monthlyBill(before, feeds) : undefined;
    totals.push(
      `| ${feeds.toLocaleString('en-US')} | **${money(bill.list)}** | **${money(bill.afterFree)}** |${old ? ` ${money(old.list)} / ${money(old.afterFree)} |` : ''}`,
    );
  }
  out.push(totals.join('\n'));
  const bill = monthlyBill(now, 100);
  out.push(
    [
      '',
      '100 feeds, line by line:',
      '',
      '| item | basis (measured × assumed) | list | after free tiers |',
      '|---|---|---|---|',
      ...bill.lines.map(
        (l) => `| ${l.item} | ${l.basis} | ${money(l.list)} | ${money(l.afterFree)} |`,
      ),
      `| **total** | | **${money(bill.list)}** | **${money(bill.afterFree)}** |`,
    ].join('\n'),
  );
  out.push(
    [
      '',
      `Measured on commit ${now.commit}${before ? ` (before: ${before.commit})` : ''} by \`npm run bench\` (\`bench/cost.ts\`, \`bench/cost-model.ts\`). Assumed: ${ASSUMPTIONS.articlesPerFeedPerDay} items per feed a day, ${ASSUMPTIONS.onTopicShare * 100}% on topic, ${ASSUMPTIONS.alertsPerMonth} alerts a month, half of quiet polls answered 304, a site answering a feed in ${ASSUMPTIONS.feedFetchMs} ms and a page in ${ASSUMPTIONS.pageFetchMs} ms, local CPU time scaled to Lambda's share of a vCPU (${ASSUMPTIONS.fullVcpuMb} MB = 1), and Lambda's SQS event source keeping five 20-second long polls open per queue.`,
    ].join('\n'),
  );
  return out.join('\n');
}
