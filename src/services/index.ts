import type { Viewer } from '../domain/model.js';
import type { MethodKind } from '../domain/method.js';
import type { MethodFactory } from '../methods/method.js';
import { createMethods, type Methods } from '../methods/registry.js';
import type { Store } from '../store/index.js';
import { ApiKeyService } from './apiKeys.js';
import { CompetitionService } from './competitions.js';
import { Cursors } from './cursor.js';
import { DirectoryService } from './directory.js';
import { AdjustmentService } from './adjustments.js';
import { IndicatorAssessmentService } from './indicatorAssessment.js';
import { EvidenceWriter } from './indicatorEvidence.js';
import { IndicatorValueService } from './indicatorValues.js';
import { IndicatorSetService } from './indicatorSets.js';
import { ProgressionService } from './progression.js';
import { EnrolmentService } from './enrolment.js';
import { createLoaders, type Loaders } from './loaders.js';
import { ResultsService } from './results.js';
import { LifecycleService } from './lifecycle.js';
import { PanelService } from './panels.js';
import { RoundService } from './rounds.js';
import { RubricService } from './rubrics.js';
import { AssessmentService } from './assessment.js';
import { LeaderboardService } from './leaderboard.js';
import { RemovalService } from './removals.js';
import { SubmissionService } from './submission.js';
import { createSeatTokens, derivedSeatKey } from '../auth/seatTokens.js';
import { SeatService } from './hall/seats.js';
import { BallotService } from './hall/ballots.js';
import { SignOffService } from './hall/signOffs.js';
import { StageService } from './hall/stage.js';
import { PublicationService } from './publication.js';
import { RatingCaseService } from './ratings/cases.js';
import { createFormTokens } from './ratings/formTokens.js';
import { createPhoneSealer, derivedDataKeys, type DataKeys } from './ratings/phoneSealer.js';
import { RatingService } from './ratings/ratings.js';
import { IndicatorFeed } from './ratings/indicatorFeed.js';

export interface Services {
  store: Store;
  /** The assessment methods, by kind (`src/methods/registry.ts`). */
  methods: Methods;
  directory: DirectoryService;
  rubrics: RubricService;
  competitions: CompetitionService;
  rounds: RoundService;
  panels: PanelService;
  lifecycle: LifecycleService;
  enrolment: EnrolmentService;
  results: ResultsService;
  submission: SubmissionService;
  removals: RemovalService;
  leaderboard: LeaderboardService;
  assessment: AssessmentService;
  apiKeys: ApiKeyService;
  indicatorSets: IndicatorSetService;
  indicators: IndicatorValueService;
  adjustments: AdjustmentService;
  indicatorAssessment: IndicatorAssessmentService;
  progression: ProgressionService;
  seats: SeatService;
  stage: StageService;
  ballots: BallotService;
  signOffs: SignOffService;
  publication: PublicationService;
  ratings: RatingService;
  ratingCases: RatingCaseService;
  indicatorFeed: IndicatorFeed;
  /** Per-request batching and caching of reads for one caller. */
  loadersFor(viewer: Viewer | null): Loaders;
}

export interface ServiceOptions {
  /** Secret (≥ 32 bytes) that signs pagination cursors. */
  cursorKey: string | Uint8Array;
  /** The assessment methods by kind; the registry's (`METHODS`) unless a test puts one of its own in place. */
  methods?: Readonly<Record<MethodKind, MethodFactory>>;
  now?: () => Date;
  /**
   * The key that signs judge-seat tokens (Secrets Manager when deployed, a key file
   * locally). Without one it is derived from the cursor key: enough for tests.
   */
  seatTokenKey?: () => Promise<Uint8Array>;
  /** Data keys that seal raters' phone numbers (a KMS key when deployed); without: derived from the cursor key. */
  phoneKeys?: DataKeys;
}

export function createServices(store: Store, options: ServiceOptions): Services {
  const now = options.now ?? (() => new Date());
  const cursors = new Cursors(options.cursorKey);
  const rubrics = new RubricService(store, now, cursors);
  const indicatorSets = new IndicatorSetService(store, now, cursors);
  const methods = createMethods({ store, rubrics, indicatorSets }, options.methods);
  const progression = new ProgressionService(store, methods);
  const evidenceWriter = new EvidenceWriter(store, now);
  const competitions = new CompetitionService(store, now, cursors);
  const results = new ResultsService(store, methods, competitions, now, cursors);
  const enrolment = new EnrolmentService(store, methods, now);
  const leaderboard = new LeaderboardService(store, methods, cursors);
  const rounds = new RoundService(store, methods, enrolment, now);
  const panels = new PanelService(store, rounds);
  const lifecycle = new LifecycleService(store, methods, rounds, enrolment, results, now);
  const signOffs = new SignOffService(store, now);
  const indicators = new IndicatorValueService(store, evidenceWriter);
  const ballots = new BallotService(store, rounds, now);
  const ratings = new RatingService(
    store,
    createFormTokens(options.cursorKey),
    createPhoneSealer(options.phoneKeys ?? derivedDataKeys(options.cursorKey), [derivedDataKeys(options.cursorKey)]),
    now,
    methods,
  );
  const seatTokens = createSeatTokens(options.seatTokenKey ?? (async () => derivedSeatKey(options.cursorKey)), now);
  return {
    store,
    methods,
    directory: new DirectoryService(store, now, cursors),
    rubrics,
    competitions,
    rounds,
    panels,
    lifecycle,
    enrolment,
    results,
    submission: new SubmissionService(store, now),
    removals: new RemovalService(store, results, now),
    leaderboard,
    assessment: new AssessmentService(store, leaderboard),
    apiKeys: new ApiKeyService(store, now),
    indicatorSets,
    indicators,
    indicatorFeed: new IndicatorFeed(store, ratings, indicators),
    adjustments: new AdjustmentService(store, evidenceWriter, now),
    indicatorAssessment: new IndicatorAssessmentService(store),
    progression,
    seats: new SeatService(store, rounds, panels, seatTokens, now),
    stage: new StageService(store, rounds, leaderboard, ballots, now),
    ballots,
    signOffs,
    publication: new PublicationService(store, rounds, lifecycle, signOffs, now),
    ratings,
    ratingCases: new RatingCaseService(store, ratings, now),
    loadersFor: (viewer) => createLoaders(store, viewer, progression),
  };
}
