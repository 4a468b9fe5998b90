import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type Code,
  Function as LambdaFunction,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { lambdaHandler } from '../bundling/build-lambda.ts';

/** The runtime every function uses; the bundles are compiled for it (`nodeTarget`). */
export const functionRuntime = Runtime.NODEJS_24_X;

/** Props of {@link PipelineFunction}. */
export interface PipelineFunctionProps {
  readonly code: Code;
  readonly description: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly logRetention: RetentionDays;
}

/**
 * One pipeline Lambda with its own role and log group.
 *
 * The role is created here, without the AWSLambdaBasicExecutionRole managed policy, so it holds
 * nothing but what the stack grants it: writing to this function's log group, then the exact
 * table, queue, secret and SES permissions of its stage. The explicit log group sets retention
 * (and is kept on stack deletion, like the table, for investigations).
 */
export class PipelineFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: PipelineFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `claimwatch ${id}: ${props.description}`,
    });
    this.logGroup.grantWrite(this.role);
    this.function = new LambdaFunction(this, 'Function', {
      description: props.description,
      runtime: functionRuntime,
      architecture: Architecture.ARM_64,
      handler: lambdaHandler,
      code: props.code,
      role: this.role,
      timeout: props.timeout,
      memorySize: props.memorySize,
      logGroup: this.logGroup,
      environment: props.environment,
    });
  }
}
