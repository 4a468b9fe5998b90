import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { IncomingWebhook } from '@slack/webhook';
import type { AlertView } from './render.ts';
import { renderEmail, renderSlack, renderText } from './render.ts';

/** A place alerts go. `send` throws when delivery failed, so the alert stays pending. */
export interface AlertChannel {
  name: string;
  send(view: AlertView): Promise<void>;
}

/** Raised when a channel could not deliver; the alert is retried and, in the end, dead-lettered. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
}

/** Prints alerts: the embedded runtime's channel, so `npm start` shows them with no setup. */
export function consoleChannel(
  write: (text: string) => void = (t) => console.log(t),
): AlertChannel {
  return { name: 'console', send: async (view) => write(`${renderText(view)}\n`) };
}

/** Posts to a Slack incoming webhook. The URL is a secret: it is never logged or put in errors. */
export function slackChannel(webhookUrl: string, timeoutMs = 10_000): AlertChannel {
  const webhook = new IncomingWebhook(webhookUrl, { timeout: timeoutMs });
  return {
    name: 'slack',
    async send(view) {
      try {
        await webhook.send(renderSlack(view));
      } catch (error) {
        const status = (error as { original?: { response?: { status?: number } } }).original
          ?.response?.status;
        throw new DeliveryError(`Slack webhook failed${status ? ` with HTTP ${status}` : ''}`, {
          cause: (error as { code?: string }).code,
        });
      }
    },
  };
}

/** Sends through Amazon SES v2 to the configured recipients. */
export function emailChannel(ses: SESv2Client, from: string, to: string[]): AlertChannel {
  return {
    name: 'email',
    async send(view) {
      const email = renderEmail(view);
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
        throw new DeliveryError(`SES refused the email: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
  };
}
