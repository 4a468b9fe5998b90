import { Logger } from '@aws-lambda-powertools/logger';

/** One structured logger per process; handlers add the Lambda context for correlation ids. */
export const logger = new Logger({ serviceName: 'claimwatch' });
