/**
 * CDK entry point (`cdk.json`: `npx tsx infra/app.ts`). A config problem is printed as its
 * message alone, listing every missing or invalid value, instead of a stack trace.
 */
import { createClaimwatchApp } from './claimwatch-app.ts';
import { InfraConfigError } from './config.ts';

try {
  createClaimwatchApp().app.synth();
} catch (error) {
  if (!(error instanceof InfraConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
