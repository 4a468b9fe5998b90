import { App, type AppProps, Validations } from 'aws-cdk-lib';
import type { Code } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { LambdaFunctionName } from './bundling/lambda-assets.ts';
import { ClaimwatchStack } from './claimwatch-stack.ts';
import { type InfraConfig, loadInfraConfig } from './config.ts';

/** The one stack's id (and CloudFormation stack name). */
export const stackName = 'Claimwatch';

/** Options of {@link createClaimwatchApp}; the defaults are what `cdk synth` uses. */
export interface ClaimwatchAppOptions {
  /** App props, e.g. `context` and `outdir` in tests. */
  readonly appProps?: AppProps;
  /** See {@link ClaimwatchStackProps.code}. */
  readonly code?: (name: LambdaFunctionName) => Code;
}

/** What {@link createClaimwatchApp} built. */
export interface ClaimwatchApp {
  readonly app: App;
  readonly stack: ClaimwatchStack;
  readonly config: InfraConfig;
}

/**
 * Builds the app exactly as `cdk synth` does, config validation and the cdk-nag AwsSolutions
 * checks included, so tests exercise the same composition as deployments. cdk-nag 3 runs as a
 * CDK validation plugin: any unacknowledged finding fails `app.synth()`.
 */
export function createClaimwatchApp(options: ClaimwatchAppOptions = {}): ClaimwatchApp {
  const app = new App(options.appProps);
  const config = loadInfraConfig(app);
  const stack = new ClaimwatchStack(app, stackName, {
    config,
    code: options.code,
    description: 'claimwatch: alerts on new figures about North Korean military support to Russia',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
}
