/**
 * The layering, enforced (`npm run lint:deps`, in .ci/run):
 *   schema/ → src/graphql (thin resolvers) → src/services (use cases) → src/domain (pure rules)
 *                                             src/services → src/store (DynamoDB) → src/domain
 *   src/methods/<kind> (one assessment method: its pure rules, its use-case hooks) sits beside the services,
 *   above the store and the domain, below GraphQL; the core reaches it only through src/methods/registry.ts
 *   adapters on top: src/lambda*.ts, src/handler.ts, src/graphqlHandler.ts, src/local, src/exports, src/edge
 * and no import cycles anywhere, the web client included.
 */
const ADAPTERS = '^src/(lambda[^/]*|handler|graphqlHandler)\\.ts$|^src/(local|exports|edge)/';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Modules form a tree of layers; a cycle hides which one depends on which.', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain rules know nothing of GraphQL, services, storage or adapters.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(graphql|services|store|methods|auth|local|exports|edge|handler|graphqlHandler|lambda)' },
    },
    {
      name: 'method-rules-are-pure',
      severity: 'error',
      comment: 'A method’s rules (configuration, scoring, finalisation, codecs) are domain rules: no I/O, property-testable.',
      from: { path: '^src/methods/[^/]+/(config|rule|scoring|normalization|quorum|aggregate|roundScoring|judgeStats|model|fold|formulas|indicatorSet|result|overtime|classes)\\.ts$' },
      to: { path: '^src/(graphql|services|store|auth|local|exports|edge|handler|graphqlHandler|lambda)|^src/methods/(method|registry|announced)\\.ts$' },
    },
    {
      name: 'methods-below-graphql',
      severity: 'error',
      comment: 'Assessment methods serve the use cases; they never call up into GraphQL or the adapters.',
      from: { path: '^src/methods/' },
      to: { path: '^src/(graphql|local|exports|edge)/|^src/(handler|graphqlHandler|lambda[^/]*)\\.ts$' },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment: 'The store serves services; it never calls up into them or into GraphQL.',
      from: { path: '^src/store/' },
      // A method's rule modules are domain-level: the store may name the records they define.
      to: { path: '^src/(graphql|services|local|exports|edge)/|^src/methods/(method|registry|announced)\\.ts$|^src/methods/[^/]+/index\\.ts$' },
    },
    {
      name: 'services-below-graphql',
      severity: 'error',
      comment: 'Use cases do not know which transport calls them.',
      from: { path: '^src/services/' },
      to: { path: '^src/(graphql|local|exports|edge)/|^src/(handler|graphqlHandler|lambda[^/]*)\\.ts$' },
    },
    {
      name: 'graphql-not-adapters',
      severity: 'error',
      comment: 'Resolvers are called by adapters, never the other way round.',
      from: { path: '^src/graphql/' },
      to: { path: '^src/(local|exports|edge)/|^src/(handler|lambda[^/]*)\\.ts$' },
    },
    {
      name: 'exports-through-services',
      severity: 'error',
      comment: 'Exports read through services and shared access rules, not GraphQL internals or the store.',
      from: { path: '^src/exports/' },
      to: { path: '^src/(graphql|store)/' },
    },
    {
      name: 'keys-stay-in-store',
      severity: 'error',
      comment: 'Key and index attribute names are the store’s business: nothing outside src/store builds or reads them.',
      from: { pathNot: '^src/store/' },
      to: { path: '^src/store/keys\\.ts$' },
    },
    {
      name: 'web-apart',
      severity: 'error',
      comment: 'The web client talks to the API over HTTP only.',
      from: { path: '^web/src/' },
      to: { path: '^src/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(generated|gql)/|node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
