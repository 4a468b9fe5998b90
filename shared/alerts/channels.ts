import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { IncomingWebhook } from '@slack/webhook';
import { createTransport } from 'nodemailer';
import { parseRetryAfter } from '../feeds/http-fetch.ts';
import type { AlertView } from './render.ts';
import {
  renderEmail,
  renderEmailDigest,
  renderSlack,
  renderSlackDigest,
  renderText,
} from './render.ts';

/**
 * A place alerts go. `send` throws when delivery failed, so the alert stays pending; a channel
 * that can bundle many alerts into one message implements `sendDigest`.
 */
export interface AlertChannel {
  name: string;
  send(view: AlertView): Promise<void>;
  sendDigest?(views: AlertView[]): Promise<void>;
  /**
   * Sends a message that is plainly not an alert (`claimwatch alerts test`), so a person can
   * check the channel is set up without waiting for a figure. Throws as `send` does.
   */
  sendTest?(text: string): Promise<void>;
}

/** The subject line and first words of a test message: no one may take it for a figure. */
export const TEST_ALERT_TITLE = 'claimwatch test alert — not a figure';

/** Raised when a channel could not deliver; the alert is retried, after `retryAfterSeconds` if the service said. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Prints alerts: the embedded runtime's channel, so `npm start` shows them with no setup. */
export function consoleChannel(
  write: (text: string) => void = (t) => console.log(t),
): AlertChannel {
  return {
    name: 'console',
    send: async (view) => write(`${renderText(view)}\n`),
    sendTest: async (text) => write(`${TEST_ALERT_TITLE}\n${text}\n`),
  };
}

/** How the Slack channel paces and retries. */
export interface SlackOptions {
  timeoutMs?: number;
  /** Minimum gap between two posts: Slack allows about one message per second per channel. */
  minIntervalMs?: number;
  /** A 429 whose Retry-After is at most this is waited out in place; a longer one defers the alert. */
  maxInlineWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Posts to a Slack incoming webhook with @slack/webhook. Posts are paced one a second; a 429's
 * Retry-After is honoured, by waiting when short and by deferring the alert when long; 5xx and
 * network errors are retried twice with back-off. The URL is a secret: it is never logged or
 * put in an error message.
 */
export function slackChannel(webhookUrl: string, options: SlackOptions = {}): AlertChannel {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const minInterval = options.minIntervalMs ?? 1000;
  const maxInlineWait = options.maxInlineWaitSeconds ?? 5;
  let retryAfter: number | undefined;
  let lastPost = 0;
  const webhook = new IncomingWebhook(webhookUrl, {
    timeout: options.timeoutMs ?? 10_000,
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 2000 },
    fetch: async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      retryAfter =
        response.status === 429
          ? (parseRetryAfter(response.headers.get('retry-after') ?? undefined) ?? 1)
          : undefined;
      return response;
    },
  });

  const post = async (payload: Parameters<IncomingWebhook['send']>[0]) => {
    for (let attempt = 0; ; attempt++) {
      const wait = lastPost + minInterval - Date.now();
      if (wait > 0) await sleep(wait);
      lastPost = Date.now();
      try {
        await webhook.send(payload);
        return;
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode;
        if (
          status === 429 &&
          retryAfter !== undefined &&
          retryAfter <= maxInlineWait &&
          attempt === 0
        ) {
          await sleep(retryAfter * 1000);
          continue;
        }
        throw new DeliveryError(
          status ? `Slack answered HTTP ${status}` : 'Slack could not be reached',
          status === 429 ? retryAfter : undefined,
          { cause: (error as { code?: string }).code },
        );
      }
    }
  };

  return {
    name: 'slack',
    send: (view) => post(renderSlack(view)),
    sendDigest: (views) => post(renderSlackDigest(views)),
    sendTest: (text) =>
      post({
        text: `${TEST_ALERT_TITLE}: ${text}`,
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: TEST_ALERT_TITLE } },
          { type: 'section', text: { type: 'plain_text', text } },
        ],
      }),
  };
}

const testEmail = (text: string) => ({
  subject: TEST_ALERT_TITLE,
  text: `${TEST_ALERT_TITLE}\n\n${text}\n`,
  html: `<p><strong>${TEST_ALERT_TITLE}</strong></p><p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
});

/** Sends through Amazon SES v2 to the configured recipients. */
export function emailChannel(ses: SESv2Client, from: string, to: string[]): AlertChannel {
  const sendEmail = async (email: { subject: string; html: string; text: string }) => {
    try {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: to },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: email.text, Charset: 'UTF-8' },
                Html: { Data: email.html, Charset: 'UTF-8' },
              },
            },
          },
        }),
      );
    } catch (error) {
      throw new DeliveryError(`SES refused the email: ${(error as Error).message}`, undefined, {
        cause: error,
      });
    }
  };
  return {
    name: 'email',
    send: (view) => sendEmail(renderEmail(view)),
    sendDigest: (views) => sendEmail(renderEmailDigest(views)),
    sendTest: (text) => sendEmail(testEmail(text)),
  };
}

/**
 * Sends through an SMTP server (the embedded runtime's email, e.g. a local relay). The URL may
 * carry credentials, so it is never logged or put in an error message.
 */
export function smtpChannel(smtpUrl: string, from: string, to: string[]): AlertChannel {
  const transport = createTransport(smtpUrl);
  const sendMail = async (email: { subject: string; html: string; text: string }) => {
    try {
      await transport.sendMail({
        from,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    } catch (error) {
      const code =
        (error as { code?: string; responseCode?: number }).responseCode ??
        (error as { code?: string }).code;
      throw new DeliveryError(
        `SMTP server refused the email${code ? ` (${code})` : ''}`,
        undefined,
        { cause: code },
      );
    }
  };
  return {
    name: 'email',
    send: (view) => sendMail(renderEmail(view)),
    sendDigest: (views) => sendMail(renderEmailDigest(views)),
    sendTest: (text) => sendMail(testEmail(text)),
  };
}
