import { parseEntryId } from '../domain/ids.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/errors.js';
import type { Role, Viewer } from '../domain/model.js';
import { parseAdjustmentId } from '../services/adjustments.js';
import { parseSeatId } from '../services/hall/seats.js';
import { parseSheetId } from '../services/sheetIds.js';
import type { GraphQLContext } from './context.js';
import type { MutationResolvers, QueryResolvers } from './generated/types.js';

/** The competition an operation acts on, found from its arguments directly or through a round. */
export type Target = { competitionId: string; field: string } | { roundId: string; field: string };

export interface AccessRule {
  /** Roles that may call the field; `any` means any role at all; `public` anyone, signed in or not. */
  roles: 'any' | 'public' | readonly Role[];
  /** A judge seat joined by code (a judge of one round) may call it; other fields refuse seats (SEAT_SCOPE). */
  seat?: true;
  /** For operations on one competition: only organizers managing it (creator or granted). */
  // biome-ignore lint/suspicious/noExplicitAny: each field's arguments differ; a rule reads the one argument it names.
  manages?: (args: any) => Target;
}

const ANY: AccessRule = { roles: 'any' };
const PUBLIC: AccessRule = { roles: 'public', seat: true };
/** Reads a judge on a seat needs on their phone: their round, its entries and rubric, the live state. */
const ANY_WITH_SEATS: AccessRule = { roles: 'any', seat: true };
const ORGANIZER: AccessRule = { roles: ['organizer'] };
const JUDGE: AccessRule = { roles: ['judge'], seat: true };
// biome-ignore lint/suspicious/noExplicitAny: as above, the arguments of whichever field the rule guards.
const managing = (manages: (args: any) => Target): AccessRule => ({ roles: ['organizer'], manages });

const round =
  (name: string) =>
  (args: Record<string, string>): Target => ({ roundId: args[name]!, field: name });
const competition =
  (name: string) =>
  (args: Record<string, string>): Target => ({ competitionId: args[name]!, field: name });
const entryRound =
  (name: string) =>
  (args: Record<string, string>): Target => ({ roundId: parseEntryId(args[name] ?? '', name).roundId, field: name });

/** Seats, objections and rating cases are named `<roundId>~<ulid>`: their round is known without a read. */
const scopedRound =
  (name: string) =>
  (args: Record<string, string>): Target => ({ roundId: parseSeatId(args[name] ?? '', name).roundId, field: name });

/**
 * The authorization table: every Query and Mutation field has a rule. The types
 * make a new schema field without a rule a compile error, a resolver without a
 * rule fails at start-up, and the test suite checks that table and schema agree
 * and walks the schema calling every field as every kind of caller.
 */
export const ACCESS: {
  Query: Record<keyof Required<QueryResolvers>, AccessRule>;
  Mutation: Record<keyof Required<MutationResolvers>, AccessRule>;
} = {
  Query: {
    me: ANY_WITH_SEATS,
    units: ANY,
    unit: ANY,
    cadres: ANY,
    cadre: ANY,
    rubric: ANY_WITH_SEATS,
    rubrics: ORGANIZER,
    competitions: ANY,
    competition: ANY,
    round: ANY_WITH_SEATS,
    entry: ANY_WITH_SEATS,
    leaderboard: ANY_WITH_SEATS,
    assessment: ANY,
    myAssignments: ANY_WITH_SEATS,
    standings: ANY,
    apiKeys: ORGANIZER,
    changeLog: ORGANIZER,
    auditTrail: managing(entryRound('entryId')),
    verifyRound: managing(round('roundId')),
    judgeStats: managing(round('roundId')),
    roundProgress: managing(round('roundId')),
    boards: ANY,
    alerts: ANY,
    indicatorSet: ANY,
    indicatorSets: ORGANIZER,
    indicatorValues: managing(round('roundId')),
    adjustments: managing(round('roundId')),
    indicatorAssessment: ANY,
    liveState: ANY_WITH_SEATS,
    calendarDays: ORGANIZER,
    workingDayDeadline: ORGANIZER,
    noticeBoard: PUBLIC,
    servicePoints: ORGANIZER,
    ratingRefs: ORGANIZER,
    ratingForm: PUBLIC,
    ballotPaper: PUBLIC,
    ballotTallies: managing(round('roundId')),
    ratingFigures: ANY,
    verifyRatings: managing(round('roundId')),
    ratingCases: managing(round('roundId')),
  },
  Mutation: {
    createUnit: ORGANIZER,
    updateUnit: ORGANIZER,
    upsertCadres: ORGANIZER,
    createRubric: ORGANIZER,
    updateRubric: ORGANIZER,
    grantEditor: ORGANIZER,
    createCompetition: ORGANIZER,
    createApiKey: ORGANIZER,
    revokeApiKey: ORGANIZER,
    updateCompetition: managing(competition('id')),
    grantOrganizer: managing(competition('competitionId')),
    createRound: managing((args) => ({ competitionId: args.input.competitionId, field: 'input.competitionId' })),
    updateRound: managing(round('id')),
    setLeaderboardVisibility: managing(round('roundId')),
    addEntries: managing(round('roundId')),
    updateEntry: managing(entryRound('id')),
    removeEntry: managing(entryRound('id')),
    reorderEntries: managing(round('roundId')),
    drawPitchOrder: managing(round('roundId')),
    deleteRound: managing(round('id')),
    archiveRound: managing(round('id')),
    deleteCompetition: managing(competition('id')),
    archiveCompetition: managing(competition('id')),
    assignJudges: managing(round('roundId')),
    openRound: managing(round('id')),
    closeRound: managing(round('id')),
    publishRound: managing(round('id')),
    advanceEntries: managing(round('fromRoundId')),
    setConflict: managing(round('roundId')),
    voidSheet: managing((args) => ({ roundId: parseSheetId(args.sheetId, 'sheetId').roundId, field: 'sheetId' })),
    submitScoreSheet: JUDGE,
    declareConflict: JUDGE,
    createIndicatorSet: ORGANIZER,
    updateIndicatorSet: ORGANIZER,
    submitIndicatorValues: managing(round('roundId')),
    verifyIndicatorValues: managing(round('roundId')),
    addAdjustment: managing(entryRound('entryId')),
    approveAdjustment: managing((args) => ({ roundId: parseAdjustmentId(args.id, 'id').roundId, field: 'id' })),
    createJudgeSeats: managing(round('roundId')),
    revokeJudgeSeat: managing(scopedRound('id')),
    reissueJudgeSeat: managing(scopedRound('id')),
    joinRound: PUBLIC,
    setLiveSettings: managing(round('roundId')),
    setOnStage: managing(round('roundId')),
    startPitch: managing(entryRound('entryId')),
    endPitch: managing(entryRound('entryId')),
    revealEntry: managing(entryRound('entryId')),
    setEntryBonus: managing(entryRound('entryId')),
    signOffSheets: JUDGE,
    setCalendarDays: ORGANIZER,
    fileObjection: PUBLIC,
    answerObjection: managing(scopedRound('id')),
    reviseRound: managing(round('id')),
    createServicePoints: ORGANIZER,
    rotateServicePointCode: ORGANIZER,
    moveServicePoint: ORGANIZER,
    submitRating: PUBLIC,
    createBallots: managing(round('roundId')),
    castBallot: PUBLIC,
    importRatings: managing(round('roundId')),
    refreshRatings: managing(round('roundId')),
    recordCallback: managing(scopedRound('caseId')),
    verifyCase: managing(scopedRound('caseId')),
    recordRectification: managing(scopedRound('caseId')),
    closeCase: managing(scopedRound('caseId')),
    appealCase: managing(scopedRound('caseId')),
    decideAppeal: managing(scopedRound('caseId')),
    recordAccountability: managing(scopedRound('caseId')),
    revealRatingPhone: managing(scopedRound('caseId')),
    feedRatingFigures: managing(round('roundId')),
  },
};

/** Applies a rule to the caller: the viewer when allowed, else UNAUTHENTICATED, FORBIDDEN or NOT_FOUND. */
export async function authorize(context: GraphQLContext, rule: AccessRule, field: string, args: unknown): Promise<Viewer> {
  const { viewer } = context;
  if (rule.roles === 'public') {
    // Anyone may call it; a credential that was sent but refused is still an error.
    if (context.authError) throw context.authError;
    return viewer as Viewer;
  }
  if (!viewer) throw context.authError ?? new UnauthenticatedError();
  if (viewer.kind === 'seat' && !rule.seat) throw new ForbiddenError('A judge who joined by code may only score their round', 'SEAT_SCOPE');
  const allowed = rule.roles === 'any' ? viewer.roles.length > 0 : rule.roles.some((role) => viewer.roles.includes(role));
  if (!allowed) {
    throw new ForbiddenError(
      rule.roles === 'any' ? 'Your account has no role in this system' : `${field} requires the role ${rule.roles.join(' or ')}`,
      'ROLE',
    );
  }
  if (rule.manages) {
    const target = rule.manages(args);
    const competitionId = 'competitionId' in target ? target.competitionId : await competitionOfRound(context, target.roundId, target.field);
    if (!(await context.loaders.manages.load(competitionId))) {
      throw new ForbiddenError('Only the organizers of this competition may do this', 'NOT_YOUR_COMPETITION');
    }
  }
  return viewer;
}

async function competitionOfRound(context: GraphQLContext, roundId: string, field: string): Promise<string> {
  const found = await context.loaders.round.load(roundId);
  if (!found) throw new NotFoundError('Round', roundId, field);
  return found.competitionId;
}
