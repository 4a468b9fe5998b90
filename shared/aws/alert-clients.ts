import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Config } from '../config.ts';
import { localEndpoint } from './clients.ts';

/** The clients only the alerting stage uses: the Slack secret and email. */
export interface AlertClients {
  ses: SESv2Client;
  secrets: SecretsManagerClient;
}

/**
 * Builds the alerting stage's clients. Imported dynamically by `deps.ts`, once, when alerts are
 * first sent: the SES and Secrets Manager SDKs are a tenth of a second of cold import that the
 * poller, which sends none, should not pay.
 */
export function createAlertClients(config: Config): AlertClients {
  const region = config.AWS_REGION;
  return {
    ses: new SESv2Client({ region, ...localEndpoint(config.SES_ENDPOINT) }),
    secrets: new SecretsManagerClient({ region, ...localEndpoint(config.SECRETS_ENDPOINT) }),
  };
}
