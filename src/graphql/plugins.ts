import type { ApolloServerPlugin } from '@apollo/server';
import { currentMeter } from '../meter.js';
import type { GraphQLContext } from './context.js';
import type { Logger } from '../logging.js';
import { isExpected, rootCause } from './errors.js';

export type { Logger } from '../logging.js';

/** Adds `extensions.cost` (DynamoDB requests and capacity of this operation) to every response. */
export function costExtensionPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const meter = currentMeter();
          if (!meter || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: meter.snapshot() };
        },
      };
    },
  };
}

/**
 * Logs one line per operation, and every unexpected error with its detail, keyed
 * by request id; the client only sees INTERNAL_SERVER_ERROR and that request id.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            if (isExpected(error)) continue;
            const original = rootCause(error);
            logger.error('unexpected error', {
              requestId: contextValue.requestId,
              operationName,
              error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
            });
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
                (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
              }
            }
          }
          logger.info('graphql', {
            requestId: contextValue.requestId,
            operationName,
            callerId: contextValue.viewer?.id ?? null,
            roles: contextValue.viewer?.roles ?? [],
            latencyMs: Math.round(performance.now() - started),
            errors: errors?.length ?? 0,
            ...currentMeter()?.snapshot(),
          });
        },
      };
    },
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
