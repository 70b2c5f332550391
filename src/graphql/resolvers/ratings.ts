import { randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../domain/errors.js';
import type { Round } from '../../domain/model.js';
import { allowedActions } from '../../methods/ratings/cases.js';
import { isDueSoon, isOverdue } from '../../methods/ratings/deadlines.js';
import { RATING_LEVELS } from '../../methods/ratings/levels.js';
import { managesRound, requireScores } from '../../services/visibility.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/types.js';

/** Citizens' ratings: service points and QR codes, the anonymous rating, figures and the follow-up cases. */
export const ratingResolvers: Resolvers = {
  Query: {
    servicePoints: (_, { unitId }, { services }) => services.ratings.points(unitId),
    ratingRefs: async (_, { pointId, count }, { services }) => {
      const point = await services.ratings.requirePoint(pointId, 'pointId');
      const n = Math.max(1, Math.min(count, 500));
      return Array.from({ length: n }, () => services.ratings.ref(point.id, randomBytes(6).toString('base64url')));
    },
    ratingForm: async (_, { code }, { services }) => services.ratings.form(code),
    ratingFigures: async (_, { roundId, unitId, pointId }, context) => {
      const round = await requireRound(context, roundId);
      await requireScores(context, round);
      return context.services.ratings.figures(round, unitId, pointId ?? null);
    },
    verifyRatings: async (_, { roundId }, context) => context.services.ratings.verify(await requireRound(context, roundId)),
    ratingCases: async (_, { roundId, filter }, context) => context.services.ratingCases.cases(await requireRound(context, roundId), filter),
  },
  Mutation: {
    createServicePoints: (_, { input }, { viewer, services }) => services.ratings.createPoints(viewer!, input),
    rotateServicePointCode: (_, { id }, { services }) => services.ratings.rotate(id),
    moveServicePoint: (_, { id, unitId }, { services }) => services.ratings.move(id, unitId),
    submitRating: async (_, { input }, { services, clientAddress }) => {
      const { rating, caseOpened } = await services.ratings.submit(input, clientAddress);
      return { id: rating.id, caseOpened };
    },
    importRatings: async (_, { roundId, ratings }, context) => {
      const { imported, duplicates } = await context.services.ratings.importRatings(await requireRound(context, roundId), ratings);
      return { imported, duplicates: duplicates.length, duplicateRefs: duplicates };
    },
    refreshRatings: async (_, { roundId }, context) => context.services.ratings.refresh(await requireRound(context, roundId)),
    recordCallback: (_, { caseId, note, evidence }, { viewer, services }) =>
      services.ratingCases.step(viewer!, caseId, { type: 'CALL_BACK' }, { note, evidence }),
    verifyCase: (_, { caseId, substantiated, note, evidence }, { viewer, services }) =>
      services.ratingCases.step(viewer!, caseId, { type: 'VERIFY', substantiated }, { note, evidence }),
    recordRectification: (_, { caseId, note, evidence }, { viewer, services }) =>
      services.ratingCases.step(viewer!, caseId, { type: 'RECTIFY' }, { note, evidence }),
    closeCase: (_, { caseId, note, evidence }, { viewer, services }) => services.ratingCases.step(viewer!, caseId, { type: 'CLOSE' }, { note, evidence }),
    appealCase: (_, { caseId, grounds }, { viewer, services }) => services.ratingCases.step(viewer!, caseId, { type: 'APPEAL' }, { note: grounds }, 'grounds'),
    decideAppeal: (_, { caseId, upheld, reason }, { viewer, services }) =>
      services.ratingCases.step(viewer!, caseId, { type: 'DECIDE_APPEAL', upheld }, { note: reason }, 'reason'),
    recordAccountability: (_, { caseId, person, measure, decidedBy }, { viewer, services }) =>
      services.ratingCases.recordAccountability(viewer!, caseId, { person, measure, decidedBy }),
    feedRatingFigures: async (_, { roundId, indicator, ratingsRoundId, rate }, context) => {
      const ratingsRound = await requireRound(context, ratingsRoundId, 'ratingsRoundId');
      // The figures are the ratings round's organizers' to hand on, as its results are.
      if (!(await managesRound(context, ratingsRound.id))) throw new ForbiddenError('You do not organise the ratings round', 'NOT_YOUR_COMPETITION');
      return context.services.indicatorFeed.feed(context.viewer!, await requireRound(context, roundId), indicator, ratingsRound, rate);
    },
    revealRatingPhone: async (_, { caseId, purpose }, { viewer, services }) => {
      const { phone, at } = await services.ratingCases.revealPhone(viewer!, caseId, purpose);
      return { phone, revealedAt: at };
    },
  },
  ServicePoint: {
    competition: async (point, _, { loaders }) => {
      const competition = await loaders.competition.load(point.competitionId);
      if (!competition) throw new NotFoundError('Competition', point.competitionId);
      return competition;
    },
    unit: async (point, _, { loaders }) => {
      const unit = await loaders.unit.load(point.unitId);
      if (!unit) throw new NotFoundError('Unit', point.unitId);
      return unit;
    },
    ratingUrl: (point) => `/rate/${point.code}`,
  },
  RatingForm: {
    pointId: (view) => view.point.id,
    pointName: (view) => view.point.name,
    roundName: (view) => view.round?.name ?? '',
    scale: (view) => (view.round && 'scale' in view.round.method ? (view.round.method as { scale: 'TWO_LEVEL' | 'FIVE_LEVEL' }).scale : 'TWO_LEVEL'),
    reasons: (view) => (view.round && 'reasons' in view.round.method ? (view.round.method as { reasons: string[] }).reasons : []),
  },
  RatingFigures: {
    byLevel: (figures) => RATING_LEVELS.map((level) => ({ level, count: figures.byLevel[level] })),
    satisfactionRate: (f) => num(f.satisfactionRate),
    badRate: (f) => num(f.badRate),
    wilsonLower: (f) => num(f.wilsonLower),
    callbackRate: (f) => num(f.callbackRate),
    rectificationRate: (f) => num(f.rectificationRate),
    onTimeRate: (f) => num(f.onTimeRate),
    removedByAppeal: (f) => f.removed,
  },
  RatingCase: {
    unit: async (c, _, { loaders }) => {
      const unit = await loaders.unit.load(c.rating.unitId);
      if (!unit) throw new NotFoundError('Unit', c.rating.unitId);
      return unit;
    },
    overdue: (c, _, { services }) => isOverdue(c, services.ratings.clock()),
    dueSoon: async (c, _, { services }) => isDueSoon(c, services.ratings.clock(), await services.ratings.calendar(services.ratings.clock())),
    escalatedTo: async (c, _, { services, loaders }) => {
      if (!isOverdue(c, services.ratings.clock())) return null;
      const unit = await loaders.unit.load(c.rating.unitId);
      return unit?.parentId ? loaders.unit.load(unit.parentId) : null;
    },
    phoneReveals: (c) => c.phoneReveals ?? [],
    appealOutcome: (c) => c.appeal?.outcome ?? null,
    allowedActions: (c) => [...allowedActions(c.status, c.appeal)],
  },
  Rating: {
    phone: (rating) => rating.phoneMasked,
    point: async (rating, _, { services }) => services.ratings.requirePoint(rating.pointId),
  },
};

const num = (value: string | null) => (value === null ? null : Number(value));

async function requireRound(context: GraphQLContext, roundId: string, field = 'roundId'): Promise<Round> {
  const round = await context.loaders.round.load(roundId);
  if (!round) throw new NotFoundError('Round', roundId, field);
  return round;
}
