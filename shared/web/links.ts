/**
 * Addresses of the web view (`claimwatch serve`), shared by its pages, its Atom feed and the
 * Slack digest, so a figure is linked the same way wherever it is named.
 */

import { figureAlias } from '../../cli/figure-id.ts';
import { safeHref } from '../report/escape.ts';

/**
 * The path of a figure's page. A figure key holds `|` (`casualties|troops|3000||KP`), so the
 * page is named by the figure's short alias (`fig-1a2b3c4d`), as the CLI shows it.
 */
export function figurePath(figureKey: string): string {
  return `/figures/${figureAlias(figureKey)}`;
}

/**
 * The base URL links are made from (`PUBLIC_URL`), without a trailing slash; null unless it is
 * an absolute http(s) URL, so a bad setting yields no link rather than a broken one.
 */
export function publicBase(url: string | null | undefined): string | null {
  const href = safeHref(url);
  if (!href) return null;
  const parsed = new URL(href);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href.replace(/\/+$/, '');
}

/** A figure's page under a base URL (`PUBLIC_URL`, or where `serve` listens); null without one. */
export function figureUrl(base: string | null | undefined, figureKey: string): string | null {
  const root = publicBase(base);
  return root ? `${root}${figurePath(figureKey)}` : null;
}
