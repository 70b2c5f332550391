import type { Competition, Conflict, Judge, Round, Viewer } from './model.js';

/** When viewers, API keys and judges may see a round's scores; organizers managing it always may. */
import { DEFAULT_VISIBILITY, type LeaderboardVisibility } from './primitives.js';

export { DEFAULT_VISIBILITY, LEADERBOARD_VISIBILITIES, type LeaderboardVisibility } from './primitives.js';

/** An organizer manages the competitions they created or were granted. */
export function manages(viewer: Viewer | null, competition: Pick<Competition, 'createdBy'>, granted: boolean): boolean {
  return viewer?.kind === 'user' && viewer.roles.includes('organizer') && (competition.createdBy === viewer.id || granted);
}

/** Whether the caller may read this competition at all: an API key limited to others may not. */
export function inScope(viewer: Viewer | null, competitionId: string): boolean {
  return !viewer?.competitionIds || viewer.competitionIds.includes(competitionId);
}

/** A caller whose only role is judge sees only the rounds whose panel they sit on. */
export function isJudgeOnly(viewer: Viewer | null): boolean {
  return (
    (viewer?.kind === 'user' || viewer?.kind === 'seat') &&
    viewer.roles.includes('judge') &&
    !viewer.roles.includes('organizer') &&
    !viewer.roles.includes('viewer')
  );
}

/** How the caller stands to a round: organizing its competition, and/or sitting on its panel. */
export interface RoundRelation {
  managing: boolean;
  onPanel: boolean;
}

/**
 * Whether the caller may see a round's totals, means, ranks and trim flags now.
 * Organizers of the competition always may. A judge on the panel may not before the
 * round closes, whatever the visibility: with their own marks, a live mean or count
 * would let them work out the other judges' marks (blind scoring). Everyone else
 * follows the round's leaderboard visibility.
 */
export function scoresVisible(round: Pick<Round, 'status'> & { leaderboardVisibility?: LeaderboardVisibility }, relation: RoundRelation): boolean {
  if (relation.managing) return true;
  if (relation.onPanel && (round.status === 'DRAFT' || round.status === 'OPEN')) return false;
  switch (round.leaderboardVisibility ?? DEFAULT_VISIBILITY) {
    case 'LIVE':
      return round.status !== 'DRAFT';
    // Live as a round; each entry's total and rank wait for its reveal (entryScoresVisible).
    case 'ON_REVEAL':
      return round.status !== 'DRAFT';
    case 'AFTER_CLOSE':
      return round.status === 'CLOSED' || round.status === 'PUBLISHED';
    case 'AFTER_PUBLISH':
      return round.status === 'PUBLISHED';
  }
}

/** Why a judge may not score an entry (回避); the same codes a refused submission carries as its reason. */
export type ConflictReason = 'CONFLICT_SAME_UNIT' | 'CONFLICT_DECLARED' | 'CONFLICT_SET';

export function conflictOf(judge: Pick<Judge, 'unitId'>, entryUnitId: string | null, recorded: Pick<Conflict, 'source'> | null): ConflictReason | null {
  if (recorded) return recorded.source === 'JUDGE' ? 'CONFLICT_DECLARED' : 'CONFLICT_SET';
  if (judge.unitId !== null && entryUnitId === judge.unitId) return 'CONFLICT_SAME_UNIT';
  return null;
}

/**
 * Whether the caller may see one entry's total and rank, given they may see the
 * round's scores: with ON_REVEAL, outside the organizers, only once the entry has been
 * revealed in the hall (亮分) or the round has closed.
 */
export function entryScoresVisible(
  round: Pick<Round, 'status'> & { leaderboardVisibility?: LeaderboardVisibility },
  entry: { revealedAt?: string | null },
  managing: boolean,
): boolean {
  if (managing || round.leaderboardVisibility !== 'ON_REVEAL' || round.status === 'CLOSED' || round.status === 'PUBLISHED') return true;
  return Boolean(entry.revealedAt);
}
