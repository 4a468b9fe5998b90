import { dataDirOf, openLocalStore } from '../../local/session.ts';
import { table } from '../format.ts';

/** `claimwatch alerts`: every alert with its delivery state. */
export async function alertsCommand(opts: { json?: boolean; failed?: boolean; dataDir?: string }) {
  const { store, close } = await openLocalStore(dataDirOf(opts.dataDir));
  try {
    let alerts = await store.listAlerts();
    if (opts.failed) alerts = alerts.filter((a) => a.status === 'failed');
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
      return;
    }
    if (alerts.length === 0) {
      process.stdout.write(opts.failed ? 'no failed alerts\n' : 'no alerts yet\n');
      return;
    }
    process.stdout.write(
      `${table(
        ['created', 'status', 'attempts', 'alert', 'channels'],
        alerts.map((a) => [
          a.createdAt.slice(0, 16).replace('T', ' '),
          a.status,
          a.attempts,
          a.headline,
          Object.entries(a.channels ?? {})
            .map(([k, v]) => `${k}: ${v}`)
            .join('; '),
        ]),
      )}\n`,
    );
  } finally {
    await close();
  }
}
