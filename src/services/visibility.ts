import { inScope, isJudgeOnly, scoresVisible } from '../domain/access.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Round, Viewer } from '../domain/model.js';
import type { Loaders } from './loaders.js';

/** What the checks need: the caller and the per-request loaders (GraphQL context, or an export request's own). */
export interface AccessContext {
  viewer: Viewer | null;
  loaders: Loaders;
}

export interface RoundAccess {
  /** The caller organizes this round's competition: sees everything, names included. */
  managing: boolean;
  /** The caller sits on the round's panel. */
  onPanel: boolean;
  /** The caller may see scores, ranks and totals now. */
  scores: boolean;
}

/**
 * What the caller may see of a round; every path to a round's contents goes through
 * here. A caller whose only role is judge sees only rounds whose panel includes them
 * (FORBIDDEN otherwise); scores follow `scoresVisible`.
 */
export async function roundAccess(context: AccessContext, round: Round): Promise<RoundAccess> {
  requireCompetitionScope(context, round.competitionId);
  const [managing, seat] = await Promise.all([context.loaders.manages.load(round.competitionId), context.loaders.seat.load(round.id)]);
  if (!managing && isJudgeOnly(context.viewer) && !seat) {
    throw new ForbiddenError('Judges see only the rounds they sit on', 'NOT_ON_PANEL');
  }
  const relation = { managing, onPanel: seat !== null };
  return { ...relation, scores: scoresVisible(round, relation) };
}

/** An API key limited to some competitions reads nothing of the others. */
export function requireCompetitionScope(context: Pick<AccessContext, 'viewer'>, competitionId: string): void {
  if (!inScope(context.viewer, competitionId)) throw new ForbiddenError('This API key does not cover this competition', 'OUT_OF_KEY_SCOPE');
}

/** Like roundAccess, as a yes/no for listings that skip what the caller may not see (standings). */
export async function mayCount(context: AccessContext, round: Round): Promise<boolean> {
  try {
    return (await roundAccess(context, round)).scores;
  } catch (error) {
    if (error instanceof ForbiddenError) return false;
    throw error;
  }
}

/** Like roundAccess, but refuses when scores are not yet visible to the caller. */
export async function requireScores(context: AccessContext, round: Round): Promise<RoundAccess> {
  const access = await roundAccess(context, round);
  if (!access.scores) {
    throw new ForbiddenError(`Results of this round are visible ${visibilityText(round)}`, 'RESULTS_NOT_VISIBLE');
  }
  return access;
}

function visibilityText(round: Round): string {
  switch (round.leaderboardVisibility) {
    case 'LIVE':
      return 'once it opens';
    case 'AFTER_PUBLISH':
      return 'after publication';
    default:
      return 'after it closes';
  }
}

/** Whether the caller organizes the round's competition (sees names, contacts and reasons); false for a round not found. */
export async function managesRound(context: AccessContext, roundId: string): Promise<boolean> {
  const round = await context.loaders.round.load(roundId);
  return round !== null && (await context.loaders.manages.load(round.competitionId));
}
