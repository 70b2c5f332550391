import { buildSchema, graphqlSync } from 'graphql';

/**
 * The cold-start baseline: the least a GraphQL Lambda could load — graphql-js,
 * a one-field schema and one executed query — bundled exactly like the real one.
 */
const schema = buildSchema('type Query { hello: String! }');
const result = graphqlSync({ schema, source: '{ hello }', rootValue: { hello: 'world' } });
if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));

export const handler = async () => ({ statusCode: 200, body: JSON.stringify(result) });
