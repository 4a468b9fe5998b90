import type { Context } from 'aws-lambda';
import { withLambdaContext } from './aws/sqs-batch.ts';
import type { Deps } from './deps.ts';
import { getDeps } from './deps.ts';

/**
 * A Lambda entry point around a handler factory: the dependencies are built from the
 * environment on the first invocation (config validated then, failing that cold start) and
 * reused by every later one; each invocation's Lambda context goes into the logs.
 */
export function lambdaEntry<E, R>(create: (deps: Deps) => (event: E) => Promise<R>) {
  let instance: ((event: E) => Promise<R>) | undefined;
  return (event: E, context?: Context): Promise<R> => {
    withLambdaContext(context);
    instance ??= create(getDeps());
    return instance(event);
  };
}
