import { buildSchema, isObjectType, type GraphQLFieldResolver } from 'graphql';
import { ACCESS, authorize, type AccessRule } from './access.js';
import { assertIdLengths } from './idLength.js';
import type { GraphQLContext } from './context.js';
import type { Resolvers } from './generated/types.js';
import { typeDefs } from './generated/typeDefs.js';
import { competitionResolvers } from './resolvers/competitions.js';
import { directoryResolvers } from './resolvers/directory.js';
import { enrolmentResolvers } from './resolvers/enrolment.js';
import { hallResolvers } from './resolvers/hall.js';
import { indicatorResolvers } from './resolvers/indicators.js';
import { publicationResolvers } from './resolvers/publication.js';
import { ratingResolvers } from './resolvers/ratings.js';
import { ballotResolvers } from './resolvers/ballots.js';
import { progressionResolvers } from './resolvers/progression.js';
import { rubricResolvers } from './resolvers/rubrics.js';
import { DateTime } from './resolvers/scalars.js';
import { resultResolvers } from './resolvers/results.js';
import { scoringResolvers } from './resolvers/scoring.js';
import { viewerResolvers } from './resolvers/viewer.js';

export { typeDefs };

type ResolverMap = Record<string, Record<string, unknown>>;

function merge(...maps: Resolvers[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map as ResolverMap)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}

/** Puts the authorization table in front of every root field. */
function guardRootFields(resolvers: ResolverMap): ResolverMap {
  const guarded = { ...resolvers };
  for (const root of ['Query', 'Mutation'] as const) {
    const rules: Record<string, AccessRule> = ACCESS[root];
    guarded[root] = Object.fromEntries(
      Object.entries(resolvers[root] ?? {}).map(([field, resolve]) => {
        const rule = rules[field];
        if (!rule) throw new Error(`No access rule for ${root}.${field}`);
        const guardedResolve: GraphQLFieldResolver<unknown, GraphQLContext> = async (parent, args, context, info) => {
          assertIdLengths(info.parentType.getFields()[info.fieldName]?.args ?? [], args);
          await authorize(context, rule, `${root}.${field}`, args);
          return (resolve as GraphQLFieldResolver<unknown, GraphQLContext>)(parent, args, context, info);
        };
        return [field, guardedResolve];
      }),
    );
  }
  return guarded;
}

/**
 * Lists the root fields where the schema, the resolvers and the access table
 * disagree. Checked by the test suite rather than at start-up: building a second
 * schema would cost every cold start ~20 ms for what the types already enforce.
 */
export function rootFieldGaps(resolvers: ResolverMap): string[] {
  const schema = buildSchema(typeDefs);
  const gaps: string[] = [];
  for (const root of ['Query', 'Mutation'] as const) {
    const type = schema.getType(root);
    const fields = isObjectType(type) ? Object.keys(type.getFields()) : [];
    const rules = Object.keys(ACCESS[root]);
    gaps.push(
      ...[...fields.filter((f) => !rules.includes(f) || !resolvers[root]?.[f]), ...rules.filter((r) => !fields.includes(r))].map((f) => `${root}.${f}`),
    );
  }
  return gaps;
}

export function mergedResolvers(): ResolverMap {
  return merge(
    { DateTime } as Resolvers,
    viewerResolvers,
    directoryResolvers,
    enrolmentResolvers,
    rubricResolvers,
    competitionResolvers,
    scoringResolvers,
    resultResolvers,
    indicatorResolvers,
    progressionResolvers,
    hallResolvers,
    publicationResolvers,
    ratingResolvers,
    ballotResolvers,
  );
}

/** Every resolver, with the authorization table in front of the root fields. */
export function buildResolvers(): ResolverMap {
  return guardRootFields(mergedResolvers());
}
