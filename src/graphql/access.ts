import { ForbiddenError, UnauthenticatedError } from '../domain/errors.js';
import type { Role, Viewer } from '../domain/model.js';
import type { GraphQLContext } from './context.js';
import type { MutationResolvers, QueryResolvers } from './generated/types.js';

/** Who may call a root field: anyone signed in, or only holders of one of the listed roles. */
export type AccessRule = 'signedIn' | readonly Role[];

const ORGANIZER: AccessRule = ['organizer'];

/**
 * The authorization table: every Query and Mutation field has a rule. The types
 * make a new schema field without a rule a compile error, and the server refuses
 * to start if the table and the schema disagree.
 */
export const ACCESS: {
  Query: Record<keyof Required<QueryResolvers>, AccessRule>;
  Mutation: Record<keyof Required<MutationResolvers>, AccessRule>;
} = {
  Query: {
    me: 'signedIn',
    units: 'signedIn',
    unit: 'signedIn',
    cadres: 'signedIn',
    cadre: 'signedIn',
    rubric: 'signedIn',
    competitions: 'signedIn',
    competition: 'signedIn',
    round: 'signedIn',
    entry: 'signedIn',
    leaderboard: 'signedIn',
    assessment: 'signedIn',
    myAssignments: 'signedIn',
    standings: 'signedIn',
    auditTrail: ORGANIZER,
    verifyRound: ORGANIZER,
    judgeStats: ORGANIZER,
    roundProgress: ORGANIZER,
  },
  Mutation: {
    createUnit: ORGANIZER,
    upsertCadres: ORGANIZER,
    createRubric: ORGANIZER,
    createCompetition: ORGANIZER,
    createRound: ORGANIZER,
    addEntries: ORGANIZER,
    assignJudges: ORGANIZER,
    openRound: ORGANIZER,
    closeRound: ORGANIZER,
    publishRound: ORGANIZER,
    updateRubric: ORGANIZER,
    updateCompetition: ORGANIZER,
    updateRound: ORGANIZER,
    advanceEntries: ORGANIZER,
    setConflict: ORGANIZER,
    voidSheet: ORGANIZER,
    submitScoreSheet: ['judge'],
    declareConflict: ['judge'],
  },
};

/** Applies a rule to the caller: the viewer when allowed, else UNAUTHENTICATED or FORBIDDEN. */
export function authorize(context: GraphQLContext, rule: AccessRule, field: string): Viewer {
  const { viewer } = context;
  if (!viewer) throw context.authError ?? new UnauthenticatedError();
  if (rule !== 'signedIn' && !rule.some((role) => viewer.roles.includes(role))) {
    throw new ForbiddenError(`${field} requires the role ${rule.join(' or ')}`, 'ROLE');
  }
  return viewer;
}

export function isOrganizer(viewer: Viewer | null): boolean {
  return viewer?.roles.includes('organizer') ?? false;
}
