/**
 * The web view behind `claimwatch serve`: a read-only HTTP server on Node's own `http`, with a
 * small router, serving server-rendered pages (feed health, figures, one figure, alerts, the
 * cycle) and an Atom feed of new figures. It listens on 127.0.0.1 only, answers GET and HEAD
 * only, and refuses requests for any other host name (a web page elsewhere cannot reach it
 * through DNS rebinding). Every page carries a Content-Security-Policy that allows only its own
 * scripts, so even a string that slipped past escaping could not run.
 */

import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveFigureId } from '../../cli/figure-id.ts';
import { UsageError } from '../errors.ts';
import { canonicalClaimant } from '../figures/claimants.ts';
import type { ChartLibrary } from '../report/chart-library.ts';
import { CLIENT_SCRIPT } from '../report/client-script.ts';
import { buildReportModel } from '../report/model.ts';
import type { FigureFilter } from '../store/queries.ts';
import { queryFigures } from '../store/queries.ts';
import type { FigureRecord, MentionRecord, Store } from '../store/store.ts';
import type { Metric } from '../types.ts';
import { METRICS } from '../types.ts';
import { renderAtom } from './atom.ts';
import { publicBase } from './links.ts';
import type { FigureQuery } from './pages.ts';
import {
  alertsPage,
  cycleOf,
  cyclePage,
  feedsPage,
  figurePage,
  figuresPage,
  problemPage,
} from './pages.ts';

/** Where the web view reads: it asks for the store around each request's reads. */
export interface WebSource {
  /** Runs reads against the store; the source decides how long the store stays open. */
  read<T>(query: (store: Store) => Promise<T>): Promise<T>;
  /** Where the data is, named in the footer: a data directory or a table. */
  label: string;
}

/** What the server needs. */
export interface WebServerOptions {
  source: WebSource;
  /** The chart library the figures page loads from `/assets/chart.js`. */
  chartLibrary: ChartLibrary;
  /** The base URL for links in the Atom feed (`PUBLIC_URL`); else where the request came in. */
  publicUrl?: string | null;
  now?: () => Date;
  /** Where a failed request is reported (one line). */
  log?: (line: string) => void;
}

interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

interface RequestContext {
  url: URL;
  /** The Host the request named (already checked), for links when PUBLIC_URL is unset. */
  host: string;
  now: Date;
}

const HTML = 'text/html; charset=utf-8';

/** Only the page's own scripts; no fetches, frames, plugins or foreign forms. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const html = (body: string, status = 200): Reply => ({ status, type: HTML, body });

/** A figure filter's value that cannot be used; answered 400 with the message. */
class BadQuery extends Error {}

function day(name: string, value: string | null): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value) {
    throw new BadQuery(`${name} must be a date as YYYY-MM-DD, not "${value.slice(0, 40)}"`);
  }
  return value;
}

/** Reads the figure filters from the query string: `metric`, `claimant`, `since`, `until`. */
export function parseFigureQuery(params: URLSearchParams): FigureQuery {
  const metric = params.get('metric')?.trim() || undefined;
  if (metric && !METRICS.includes(metric as Metric)) {
    throw new BadQuery(`unknown metric "${metric.slice(0, 40)}": use one of ${METRICS.join(', ')}`);
  }
  const claimant = params.get('claimant')?.trim().slice(0, 200) || undefined;
  const since = day('since', params.get('since')?.trim() || null);
  const until = day('until', params.get('until')?.trim() || null);
  if (since && until && since > until) throw new BadQuery('since is after until');
  return { metric, claimant, since, until };
}

/**
 * The figures matching a filter, with each one's mentions and record, read once: the report
 * model needs the mentions, and a figure's own `asOf` tells a month from its first day.
 */
async function loadFigures(store: Store, filter: FigureFilter) {
  const records = new Map<string, FigureRecord>();
  const mentions = new Map<string, MentionRecord[]>();
  const view = Object.create(store) as Store;
  view.listFigures = async () => {
    const list = await store.listFigures();
    for (const f of list) records.set(f.figureKey, f);
    return list;
  };
  view.mentions = async (key: string) => {
    const list = await store.mentions(key);
    mentions.set(key, list);
    return list;
  };
  const summaries = (await queryFigures(view, filter)).map((s) => {
    const asOf = records.get(s.id)?.asOf;
    return asOf ? { ...s, asOf } : s;
  });
  return { summaries, mentions, records };
}

/** The routes: a path pattern and what answers it. */
type Handler = (ctx: RequestContext, params: string[]) => Promise<Reply>;

function routes(options: WebServerOptions): [RegExp, Handler][] {
  const { source } = options;
  const label = source.label;
  return [
    [
      /^\/$/,
      async () => ({ status: 302, type: HTML, body: '', headers: { location: '/figures' } }),
    ],
    [
      /^\/feeds$/,
      async (ctx) => html(feedsPage(await source.read((s) => s.listFeeds()), ctx.now, label)),
    ],
    [
      /^\/cycle$/,
      async (ctx) => {
        const feeds = await source.read((s) => s.listFeeds());
        return html(cyclePage(cycleOf(feeds, ctx.now), ctx.now, label));
      },
    ],
    [
      /^\/alerts$/,
      async (ctx) => html(alertsPage(await source.read((s) => s.listAlerts()), ctx.now, label)),
    ],
    [
      /^\/figures$/,
      async (ctx) => {
        let query: FigureQuery;
        try {
          query = parseFigureQuery(ctx.url.searchParams);
        } catch (error) {
          if (!(error instanceof BadQuery)) throw error;
          const empty = buildReportModel([], new Map());
          return html(figuresPage(empty, {}, { problem: error.message, dataLabel: label }), 400);
        }
        const { summaries, mentions, records } = await source.read((s) =>
          loadFigures(s, { ...query, metric: query.metric as Metric | undefined }),
        );
        const model = buildReportModel(summaries, mentions, query);
        const claimants = [
          ...new Set(
            [...records.values()]
              .flatMap((f) => [f.claimant, ...(f.claimants ?? [])])
              .filter((c): c is string => Boolean(c))
              .map((c) => canonicalClaimant(c).name || c),
          ),
        ].sort();
        return html(figuresPage(model, query, { claimants, dataLabel: label }));
      },
    ],
    [
      /^\/figures\.atom$/,
      async (ctx) => {
        const figures = await source.read((s) => s.listFigures());
        const base = publicBase(options.publicUrl) ?? `http://${ctx.host}`;
        return {
          status: 200,
          type: 'application/atom+xml; charset=utf-8',
          body: renderAtom(figures, base, ctx.now),
        };
      },
    ],
    [
      /^\/figures\/([^/]+)$/,
      async (ctx, [id]) => {
        const wanted = decodeURIComponent(id!);
        const found = await source.read(async (s) => {
          const key = await resolveFigureId(s, wanted);
          const figure = key ? await s.getFigure(key) : undefined;
          return figure ? { figure, mentions: await s.mentions(figure.figureKey) } : undefined;
        });
        if (!found) {
          return html(
            problemPage(
              'Figure not found',
              `No figure has the id "${wanted.slice(0, 80)}".`,
              label,
            ),
            404,
          );
        }
        return html(figurePage(found.figure, found.mentions, ctx.now, label));
      },
    ],
    [
      /^\/assets\/chart\.js$/,
      async () => ({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        body: options.chartLibrary.source,
        headers: { 'cache-control': 'max-age=3600' },
      }),
    ],
    [
      /^\/assets\/report\.js$/,
      async () => ({
        status: 200,
        type: 'text/javascript; charset=utf-8',
        body: CLIENT_SCRIPT,
        headers: { 'cache-control': 'max-age=3600' },
      }),
    ],
  ];
}

/** The host names the server answers to: its loopback address and names, and PUBLIC_URL's host. */
function allowedHosts(port: number, publicUrl: string | null | undefined): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  if (port === 80) hosts.add('127.0.0.1').add('localhost');
  const base = publicBase(publicUrl);
  if (base) hosts.add(new URL(base).host);
  return hosts;
}

/**
 * Builds the server (not yet listening). Every answer is complete before it is sent, with its
 * length, type and the security headers; a read that fails gives a 503 page naming the problem.
 */
export function createWebServer(options: WebServerOptions): Server {
  const table = routes(options);
  const now = options.now ?? (() => new Date());
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void answer(req).then(
      (reply) => send(req, res, reply),
      (error: unknown) => {
        options.log?.(`claimwatch serve: ${req.url}: ${(error as Error).message}`);
        send(req, res, {
          status: 500,
          type: 'text/plain; charset=utf-8',
          body: 'internal error\n',
        });
      },
    );
  });

  async function answer(req: IncomingMessage): Promise<Reply> {
    const port = (server.address() as AddressInfo | null)?.port ?? 0;
    const host = String(req.headers.host ?? '').toLowerCase();
    if (!allowedHosts(port, options.publicUrl).has(host)) {
      return { status: 421, type: 'text/plain; charset=utf-8', body: 'unknown host\n' };
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return {
        status: 405,
        type: 'text/plain; charset=utf-8',
        body: 'read-only: GET and HEAD only\n',
        headers: { allow: 'GET, HEAD' },
      };
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return html(problemPage('Bad request', 'The address could not be read.'), 400);
    }
    const ctx: RequestContext = { url, host, now: now() };
    for (const [pattern, handler] of table) {
      const match = pattern.exec(url.pathname);
      if (!match) continue;
      try {
        return await handler(ctx, match.slice(1));
      } catch (error) {
        if (error instanceof UsageError || error instanceof URIError) {
          return html(problemPage('Bad request', error.message, options.source.label), 400);
        }
        options.log?.(`claimwatch serve: ${url.pathname}: ${(error as Error).message}`);
        return html(
          problemPage(
            'Data unavailable',
            `Could not read ${options.source.label}: ${(error as Error).message}`,
            options.source.label,
          ),
          503,
        );
      }
    }
    return html(problemPage('Not found', `Nothing is at ${url.pathname}.`), 404);
  }

  return server;
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, {
    'content-type': reply.type,
    'content-length': body.length,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A running web view: its address, and how to stop it. */
export interface RunningWebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the web view on 127.0.0.1 (never another interface: it has no authentication). Port 0
 * picks a free port. A port already in use is a one-line error.
 */
export async function startWebServer(
  options: WebServerOptions & { port: number },
): Promise<RunningWebServer> {
  const server = createWebServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`port ${options.port} is in use: pass another --port`)
          : error.code === 'EACCES'
            ? new UsageError(`port ${options.port} needs privileges: pass a port above 1023`)
            : error,
      );
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
