import { createExportHandler, isExportPath } from './exports/handler.js';
import { createGraphqlHandler, guarded, servicesFor, type ApiHandler, type HandlerOptions } from './graphqlHandler.js';
import type { Services } from './services/index.js';

export { MAX_REQUEST_BYTES, type ApiHandler, type HandlerOptions } from './graphqlHandler.js';

/**
 * The exports (/export/*) as a handler of their own: the exports Lambda runs this
 * (src/lambdaExports.ts), with the spreadsheet library only its bundle carries.
 */
export function createExportApiHandler(options: HandlerOptions, services: Services = servicesFor(options)): ApiHandler {
  const exports = createExportHandler({ services, verifier: options.verifier, logger: options.logger, sink: options.exportSink });
  return guarded((event) => exports(event));
}

/**
 * The one composition root for a single process: /graphql and the /export routes
 * over shared services. The local server and the tests call this; deployed, the two
 * halves run as two functions behind the same API (infra/api.ts).
 */
export function createApiHandler(options: HandlerOptions): ApiHandler {
  const services = servicesFor(options);
  const graphql = createGraphqlHandler(options, services);
  const exports = createExportApiHandler(options, services);
  return (event, context) => (isExportPath(event.rawPath) ? exports(event, context) : graphql(event, context));
}
