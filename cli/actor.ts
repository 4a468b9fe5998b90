import { userInfo } from 'node:os';

/**
 * Who a hand-made change is recorded as (a paused feed, a rejected figure): `--by`, else the
 * operating-system user, so the table says who did it without anyone having to type it.
 */
export function actor(by?: string): string {
  if (by?.trim()) return by.trim();
  try {
    return userInfo().username || process.env.USER || 'unknown';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown';
  }
}
