import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

/** Where the handlers write their one line per request; Powertools when deployed, a spy in tests. */
export interface Logger {
  info(message: string, fields: Record<string, unknown>): void;
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * Structured JSON logs through Powertools Logger: level, timestamp, service and
 * cold start come with every line. Callers pass request id, caller, operation,
 * latency and DynamoDB cost; never tokens or secrets.
 */
export function createLogger(serviceName = 'bixue-ganchao-api'): Logger {
  const logger = new PowertoolsLogger({ serviceName });
  return {
    info: (message, fields) => logger.info(message, fields),
    error: (message, fields) => logger.error(message, fields),
  };
}
