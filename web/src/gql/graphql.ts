/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AdjustmentInput = {
  evidence?: string | null | undefined;
  kind: AdjustmentKind;
  /** Positive points for a bonus or penalty; none for a veto. */
  points?: number | null | undefined;
  reason: string;
};

export type AdjustmentKind =
  /** 加分. */
  | 'BONUS'
  /** 扣分. */
  | 'PENALTY'
  /** 一票否决: the entry goes after all others, off the red list and awards. */
  | 'VETO';

export type AdjustmentStatus =
  | 'APPROVED'
  | 'PENDING';

export type Aggregate =
  | 'MEAN'
  | 'MEDIAN';

export type AlertRuleInput = {
  bottom: number;
  consecutive: number;
};

export type AmendmentAction =
  /** A conflict of interest was set, withdrawing the judge's sheet if there was one. */
  | 'CONFLICT_SET'
  /** A sheet was voided. */
  | 'SHEET_VOIDED';

export type AppealOutcome =
  | 'PENDING'
  | 'REJECTED'
  | 'UPHELD';

export type BoardSizesInput = {
  black?: number | null | undefined;
  mostImproved?: number | null | undefined;
  red?: number | null | undefined;
};

export type CadreInput = {
  birthYear?: number | null | undefined;
  grade?: string | null | undefined;
  /** Stable id chosen by the organizer (e.g. an HR number): letters, digits, '_' and '-'. */
  id: string;
  name: string;
  position?: string | null | undefined;
  unitId: string;
};

export type CalendarDayInput = {
  date: string;
  name: string;
  workday: boolean;
};

export type ChangeSubject =
  | 'CADRE'
  | 'RUBRIC'
  | 'UNIT';

/** Who an evaluator class is made of. */
export type ClassSource =
  /** Attendees vote with single-use ballots (群众评委); the class result is the mean of their ballots. */
  | 'AUDIENCE'
  /** Judges (or seats) named with the class's key score on the rubric. */
  | 'JUDGES';

/** Why a judge may not score an entry: the same codes a refused submission carries as its reason. */
export type ConflictReason =
  /** The judge declared a conflict. */
  | 'CONFLICT_DECLARED'
  /** The entry belongs to the judge's own unit. */
  | 'CONFLICT_SAME_UNIT'
  /** The organizer set one. */
  | 'CONFLICT_SET';

export type CreateCompetitionInput = {
  /** Default: bottom 5, two rounds running. */
  alertRule?: AlertRuleInput | null | undefined;
  description?: string | null | undefined;
  name: string;
  /** Default: SUM. */
  standingsRule?: StandingsRuleInput | null | undefined;
};

export type CreateRoundInput = {
  aggregate?: Aggregate | null | undefined;
  competitionId: string;
  leaderboardVisibility?: LeaderboardVisibility | null | undefined;
  /** How the round is run live; defaults: scoring gate ANY, no time limit, no sign-off required. */
  live?: LiveSettingsInput | null | undefined;
  /** How the round assesses its entries; omitted: a judged panel configured by the fields below. */
  method?: RoundMethodInput | null | undefined;
  /** PANEL: as RoundMethodInput.missingClass. */
  missingClass?: MissingClassRule | null | undefined;
  name: string;
  normalization?: Normalization | null | undefined;
  /** PANEL: as RoundMethodInput.classes. */
  panelClasses?: Array<PanelClassInput> | null | undefined;
  quorum?: number | null | undefined;
  quorumMode?: QuorumMode | null | undefined;
  /** PANEL: as RoundMethodInput.rounding. */
  rounding?: Rounding | null | undefined;
  /** The rubric of a judged panel (required for PANEL, given here or in method). */
  rubricId?: string | null | undefined;
  /** The rubric version to pin — the one the organizer saw; the latest when omitted. */
  rubricVersion?: number | null | undefined;
  tieBreakers?: Array<string> | null | undefined;
  trimHighest?: number | null | undefined;
  trimLowest?: number | null | undefined;
  trimScope?: TrimScope | null | undefined;
};

export type CreateRubricInput = {
  criteria: Array<CriterionInput>;
  name: string;
};

export type CreateServicePointsInput = {
  /** The campaign (a competition of PUBLIC_RATING rounds, one per period) the points' ratings count in. */
  competitionId: string;
  points: Array<ServicePointInput>;
  unitId: string;
};

export type CreateUnitInput = {
  kind?: UnitKind | null | undefined;
  name: string;
  parentId?: string | null | undefined;
};

export type CriterionInput = {
  description?: string | null | undefined;
  key: string;
  label: string;
  maxScore: number;
  step?: number | null | undefined;
  weight?: number | null | undefined;
};

/** One of `cadreId` or `unitId`. */
export type EntryInput = {
  cadreId?: string | null | undefined;
  group?: string | null | undefined;
  order: number;
  title: string;
  unitId?: string | null | undefined;
};

/** The `extensions.reason` of a FORBIDDEN or CONFLICT error: why a valid request was refused. */
export type ErrorReason =
  | 'ALREADY_ENROLLED'
  /** This service has already been rated (一次一评): one rating per reference, or per phone, point and day. */
  | 'ALREADY_RATED'
  /** This ballot has already voted for this entry (one vote per ballot and entry). */
  | 'BALLOT_USED'
  /** The case cannot take this step now (`extensions.allowed` lists what it can). */
  | 'CASE_STEP_OUT_OF_ORDER'
  | 'CLIENT_REQUEST_ID_REUSED'
  /** The QR code was replaced (rotated, or the point moved): scan the new one. */
  | 'CODE_ROTATED'
  | 'CONCURRENT_EDIT'
  | 'CONFLICT_DECLARED'
  | 'CONFLICT_SAME_UNIT'
  | 'CONFLICT_SET'
  /** The rating page was open too long or was altered: scan the code again. */
  | 'FORM_EXPIRED'
  /** A competition with rounds beyond DRAFT cannot be deleted; archive it instead. */
  | 'HAS_RESULTS'
  /** Maker-checker: a value is verified, and an adjustment approved, by an organizer other than the one who entered or proposed it. */
  | 'MAKER_CHECKER'
  /** The notice period (公示) is not open: objections are accepted only during it. */
  | 'NOTICE_CLOSED'
  | 'NOT_ON_PANEL'
  /** The round's scoring gate allows only the entry on stage. */
  | 'NOT_ON_STAGE'
  /** The round's scoring gate allows only entries that have been on stage. */
  | 'NOT_PITCHED'
  | 'NOT_YOUR_COMPETITION'
  | 'NOT_YOUR_DIRECTORY'
  /** The objection has already been answered. */
  | 'OBJECTION_ANSWERED'
  /** A published round is revised only after an objection to it was upheld. */
  | 'OBJECTION_NOT_UPHELD'
  | 'ORIGIN'
  | 'OUT_OF_KEY_SCOPE'
  /** The panel of a round whose quorum is ALL_EXPECTED is fixed once it opens. */
  | 'PANEL_FIXED'
  /** The entry's pitch timer has not been started (or has already ended). */
  | 'PITCH_NOT_RUNNING'
  /** Too many ratings from one network in a minute. */
  | 'RATE_LIMITED'
  /** The sheet arrived after the round closed: it is recorded (Round.rejectedSheets) but does not count. */
  | 'REJECTED_AFTER_CLOSE'
  | 'RESULTS_NOT_VISIBLE'
  | 'ROLE'
  | 'ROUND_FINALIZING'
  | 'ROUND_INCOMPLETE'
  /** The round's status does not allow this (e.g. editing entries of an OPEN round). */
  | 'ROUND_STATUS'
  /** The join code was already used on another device. */
  | 'SEAT_ALREADY_JOINED'
  /** The judge seat was revoked by an organizer: ask for a new code. */
  | 'SEAT_REVOKED'
  /** A seat's token acts only as that judge of that round. */
  | 'SEAT_SCOPE'
  /** Not every expected sheet is in: reveal with an override reason, or wait. */
  | 'SHEETS_MISSING'
  /** Not every seated judge has a valid sign-off: publish with an override reason, or wait. */
  | 'SIGN_OFF_MISSING'
  /** The round is assessed by another method (e.g. a score sheet sent to a round of measured indicators). */
  | 'WRONG_METHOD';

export type ImportedRatingInput = {
  comment?: string | null | undefined;
  level: RatingLevel;
  phone?: string | null | undefined;
  pointId: string;
  reasons?: Array<string> | null | undefined;
  receivedAt: string;
  ref: string;
};

export type IndicatorDirection =
  | 'HIGHER_BETTER'
  | 'LOWER_BETTER';

/** One indicator; each method uses only its own parameters (see IndicatorMethod). */
export type IndicatorInput = {
  cap?: number | null | undefined;
  /** Default HIGHER_BETTER. */
  direction?: IndicatorDirection | null | undefined;
  disallowed?: number | null | undefined;
  floor?: number | null | undefined;
  key: string;
  label: string;
  lowest?: number | null | undefined;
  method: IndicatorMethod;
  partial?: number | null | undefined;
  pointsEach?: number | null | undefined;
  ratio?: boolean | null | undefined;
  satisfactory?: number | null | undefined;
  section: string;
  step?: number | null | undefined;
  target?: number | null | undefined;
  unit?: string | null | undefined;
  weight: number;
  /** Default ZERO. */
  zeroDenominator?: ZeroDenominatorRule | null | undefined;
};

/** How an indicator turns a measure x into a score on a 0–100 basis. */
export type IndicatorMethod =
  /** 功效系数法: 60 + 40 × (x − disallowed) / (satisfactory − disallowed), within [floor, cap] (0 and 100 by default). */
  | 'EFFICACY'
  /** 扣分制/计分制: 100 + pointsEach × count, within [0, 100] (e.g. each incident −2, 扣完为止). */
  | 'PER_OCCURRENCE'
  /** 排位赋分: entries ranked on x across the round at close (ties share); the first 100, each following rank `step` less, or evenly down to `lowest`. */
  | 'RANK_POINTS'
  /** 完成率: 100 × x / target (LOWER_BETTER: 100 × target / x), up to cap (100 by default; 120 lets over-achievement count). */
  | 'TARGET_RATIO'
  /** 100 when the target is met, else `partial` (0 by default). */
  | 'THRESHOLD';

export type IndicatorSectionInput = {
  fullMark: number;
  key: string;
  label: string;
  /** Default 1. */
  weight?: number | null | undefined;
};

export type IndicatorSetInput = {
  indicators: Array<IndicatorInput>;
  name: string;
  sections: Array<IndicatorSectionInput>;
};

export type IndicatorValueInput = {
  denominator?: number | null | undefined;
  entryId: string;
  evidence?: string | null | undefined;
  /** The indicator's key. */
  indicator: string;
  note?: string | null | undefined;
  /** Ratio indicators: the counts whose ratio × 100 is the measure. */
  numerator?: number | null | undefined;
  /** The measure (not for ratio indicators). */
  value?: number | null | undefined;
};

export type IndicatorValueStatus =
  /** Entered by an organizer; not counted yet. */
  | 'ENTERED'
  /** Verified by another organizer; counted. */
  | 'VERIFIED';

/**
 * The code of one item of a BAD_USER_INPUT error's `extensions.issues` (each item is
 * `{ path, code, params, message }`; `path` is dotted and 0-based, e.g. `input.criteria.2.maxScore`;
 * `params` holds the facts a client needs to word it, e.g. `{ step: "0.5" }`; `message` is
 * English for logs and developers). Clients word the message from `code` and `params`.
 */
export type IssueCode =
  /** A mark above the criterion's maximum (params.maximum). */
  | 'ABOVE_MAX_SCORE'
  /** Ballots are tallied as a sum and a count: an audience class takes their mean. */
  | 'AUDIENCE_MEAN_ONLY'
  /** A round with an audience class needs a class of judges too. */
  | 'AUDIENCE_NEEDS_JUDGES'
  /** Ballots are tallied as a sum and a count: an audience class cannot drop ballots. */
  | 'AUDIENCE_NO_TRIM'
  /** Not a valid cursor for this listing. */
  | 'BAD_CURSOR'
  /** Not in the expected format (params.format, e.g. datetime). */
  | 'BAD_FORMAT'
  /** An id with characters other than letters, digits and _ . @ : - (or longer than params.maximum). */
  | 'BAD_ID'
  /** Evaluator classes are aggregated on raw marks: normalization must be NONE. */
  | 'CLASSES_EXCLUDE_ZSCORE'
  /** The same value (params.value) is listed twice. */
  | 'DUPLICATE'
  /** The satisfactory and disallowed values of an EFFICACY indicator must differ (params.value). */
  | 'EQUAL_BOUNDS'
  /** The list must name every entry of the round exactly once (params.missing: how many are not named). */
  | 'INCOMPLETE_ORDER'
  /** This assessment method (params.value) cannot be chosen yet. */
  | 'METHOD_NOT_AVAILABLE'
  /** A criterion without a mark (params.criterion). */
  | 'MISSING_CRITERION'
  /** The indicator's method (params.method) needs this parameter (params.parameter). */
  | 'MISSING_PARAMETER'
  /** Z-score normalisation works on sheet totals and needs trimScope SHEET. */
  | 'NEEDS_SHEET_TRIM'
  /** Must be a finite number. */
  | 'NOT_FINITE'
  /** Must be a whole number. */
  | 'NOT_INTEGER'
  /** Must be in the future. */
  | 'NOT_IN_FUTURE'
  /** The entry or round (params.value) belongs to another round or competition. */
  | 'NOT_IN_ROUND'
  /** A mark that is not a multiple of params.step. */
  | 'NOT_MULTIPLE_OF_STEP'
  /** Must be one of params.options. */
  | 'NOT_ONE_OF'
  /** Must be a positive number. */
  | 'NOT_POSITIVE'
  /** Give exactly one of params.options. */
  | 'ONE_OF_REQUIRED'
  /** A value is required. */
  | 'REQUIRED'
  /** A reserved word (such as constructor) cannot be used as a key or id (params.value). */
  | 'RESERVED_WORD'
  /** A step that does not divide the maximum (params.step, params.maximum). */
  | 'STEP_DOES_NOT_DIVIDE_MAX'
  /** A number above params.maximum. */
  | 'TOO_BIG'
  /** A list with fewer than params.minimum items. */
  | 'TOO_FEW'
  /** Text longer than params.maximum characters. */
  | 'TOO_LONG'
  /** A list with more than params.maximum items. */
  | 'TOO_MANY'
  /** Text shorter than params.minimum characters (1: must not be empty). */
  | 'TOO_SHORT'
  /** A number below params.minimum. */
  | 'TOO_SMALL'
  /** The weighted maximum total exceeds params.maximum. */
  | 'TOTAL_TOO_LARGE'
  /** A unit cannot move under itself or one of its own sub-units. */
  | 'UNIT_CYCLE'
  /** Not an evaluator class of the round (params.value). */
  | 'UNKNOWN_CLASS'
  /** Not a criterion of the rubric (params.criterion). */
  | 'UNKNOWN_CRITERION'
  /** Not an indicator of the round's indicator set (params.value). */
  | 'UNKNOWN_INDICATOR'
  /** A section's indicator weights (params.actual) do not add up to its full mark (params.expected). */
  | 'WEIGHTS_DO_NOT_SUM'
  /** The value has the wrong type (params.expected). */
  | 'WRONG_TYPE';

export type JudgeInput = {
  /** The evaluator class of the judge, when the round has classes. */
  classKey?: string | null | undefined;
  name: string;
  unitId?: string | null | undefined;
  /** The judge's token subject (`sub`). */
  userId: string;
};

export type JudgeSeatInput = {
  /** The evaluator class the seat belongs to, when the round has classes. */
  classKey?: string | null | undefined;
  name: string;
  unitId?: string | null | undefined;
};

export type JudgeSeatStatus =
  /** Issued, not yet joined: the code can be used once. */
  | 'ISSUED'
  /** Joined from one device. */
  | 'JOINED'
  /** Cut off by an organizer; its token no longer works. */
  | 'REVOKED';

/** Who besides the competition's organizers may see a round's scores, ranks and assessments. */
export type LeaderboardVisibility =
  /** Once the round is closed (default). */
  | 'AFTER_CLOSE'
  /** Once the round is published. */
  | 'AFTER_PUBLISH'
  /** As soon as the round opens (a live big screen). */
  | 'LIVE'
  /** Live, but an entry's total and rank only once it has been revealed in the hall (亮分). */
  | 'ON_REVEAL';

export type LiveSettingsInput = {
  overtime?: OvertimeRuleInput | null | undefined;
  pitchLimitSeconds?: number | null | undefined;
  requireSignOff?: boolean | null | undefined;
  scoringGate?: ScoringGate | null | undefined;
};

export type MarkInput = {
  criterion: string;
  score: number;
};

/** How a round assesses its entries. Each kind is one method with a configuration of its own (`RoundMethod`). */
export type MethodKind =
  /** Measured results ranked by indicators with standard formulas (实绩比拼, 双百分制, 争先进位): IndicatorsMethod. */
  | 'INDICATORS'
  /** Judges score each entry on a rubric (台上赛, 擂台比拼): PanelMethod. */
  | 'PANEL'
  /** Citizens' ratings of service units by QR code (西宁评议, 好差评): RatingsMethod. */
  | 'PUBLIC_RATING';

/** What counts for an entry for which one evaluator class has no sheet. */
export type MissingClassRule =
  /** The weights of the classes that did score it are scaled up to sum to 1. */
  | 'RENORMALIZE'
  /** The entry is not ranked until every class has scored it. */
  | 'UNRANKED';

export type Normalization =
  | 'NONE'
  /** Each judge's totals standardised over the entries they scored, mapped onto the panel's mean and spread; applied at close. */
  | 'ZSCORE';

export type ObjectionInput = {
  contact: string;
  entryId: string;
  grounds: string;
  name: string;
  roundId: string;
};

export type ObjectionOutcome =
  | 'REJECTED'
  | 'UPHELD';

export type ObjectionStatus =
  | 'OPEN'
  | 'REJECTED'
  | 'UPHELD';

export type OvertimeRuleInput = {
  perSeconds: number;
  points: number;
};

export type PanelClassInput = {
  aggregate?: Aggregate | null | undefined;
  /** Letters, digits, _ or -; judges and seats name their class by it. */
  key: string;
  label: string;
  /** JUDGES unless given; at most one AUDIENCE class, which takes the mean of all ballots (no trimming). */
  source?: ClassSource | null | undefined;
  trimHighest?: number | null | undefined;
  trimLowest?: number | null | undefined;
  weight: number;
};

/** One cell of the progress grid: what one judge owes one entry. */
export type ProgressState =
  /** Not expected: a conflict of interest (回避). */
  | 'EXCUSED'
  /** Still to come. */
  | 'EXPECTED'
  /** The judge's sheet is in. */
  | 'RECEIVED';

/** How many sheets an entry needs before it is ranked. */
export type QuorumMode =
  /** Every expected sheet: one from each judge of the panel, less the judges excused from the entry (回避). */
  | 'ALL_EXPECTED'
  /** At least `quorum` sheets. */
  | 'FIXED';

export type RatingCaseFilter = {
  dueSoon?: boolean | null | undefined;
  overdue?: boolean | null | undefined;
  status?: RatingCaseStatus | null | undefined;
  unitId?: string | null | undefined;
};

/**
 * A case's status. An appeal rejected returns the case to the status it was appealed from
 * (`RatingCase.appealOutcome` says REJECTED); an appeal upheld ends it in UPHELD.
 */
export type RatingCaseStatus =
  | 'APPEALED'
  | 'CALLED_BACK'
  | 'CLOSED'
  | 'NOT_SUBSTANTIATED'
  | 'RECEIVED'
  | 'RECTIFYING'
  | 'UPHELD'
  | 'VERIFIED';

/** A citizen's rating (一次一评). The lowest two are 差评; a TWO_LEVEL campaign takes SATISFIED and DISSATISFIED only. */
export type RatingLevel =
  | 'BASICALLY_SATISFIED'
  | 'DISSATISFIED'
  | 'SATISFIED'
  | 'VERY_DISSATISFIED'
  | 'VERY_SATISFIED';

/** What units are ranked on. */
export type RatingRankBy =
  /** 满意率. */
  | 'SATISFACTION'
  /** The Wilson lower bound of 满意率 at 95 %: a unit with 3 ratings does not beat one with 3,000. */
  | 'WILSON';

export type RatingScale =
  /** 非常满意 … 非常不满意 */
  | 'FIVE_LEVEL'
  /** 满意 / 不满意 */
  | 'TWO_LEVEL';

export type Role =
  | 'judge'
  | 'organizer'
  | 'viewer';

/**
 * The method of a new round and its own fields. A kind takes only the fields listed for
 * it; a round created without `method` is a PANEL with the panel fields at the top level
 * of CreateRoundInput.
 */
export type RoundMethodInput = {
  /** PANEL */
  aggregate?: Aggregate | null | undefined;
  /** INDICATORS: how many entries each board lists (10 red, 5 black, 5 most improved unless given). */
  boards?: BoardSizesInput | null | undefined;
  /** INDICATORS: most bonus points an entry can gain (none: no cap). */
  bonusCap?: number | null | undefined;
  /** PUBLIC_RATING: working days to call a 差评 back (1 unless given). */
  callbackWorkingDays?: number | null | undefined;
  /** PANEL: evaluator classes with weights summing to 1; empty or omitted: one panel. */
  classes?: Array<PanelClassInput> | null | undefined;
  /** INDICATORS: the indicator set to assess with (its latest version unless indicatorSetVersion is given). */
  indicatorSetId?: string | null | undefined;
  /** INDICATORS: the set version to pin — the one the organizer saw. */
  indicatorSetVersion?: number | null | undefined;
  kind: MethodKind;
  /** PUBLIC_RATING: ratings a unit needs before it is ranked (30 unless given). */
  minRatings?: number | null | undefined;
  /** PANEL: what counts for an entry a class has not scored (UNRANKED unless given). */
  missingClass?: MissingClassRule | null | undefined;
  /** PANEL */
  normalization?: Normalization | null | undefined;
  /** INDICATORS: most penalty points an entry can lose (none: no cap). */
  penaltyCap?: number | null | undefined;
  /** INDICATORS, PUBLIC_RATING: the period assessed: 2026, 2026-H1, 2026-Q2 or 2026-05. */
  period?: string | null | undefined;
  /** PANEL */
  quorum?: number | null | undefined;
  /** PANEL */
  quorumMode?: QuorumMode | null | undefined;
  /** PUBLIC_RATING: SATISFACTION or WILSON (default). */
  rankBy?: RatingRankBy | null | undefined;
  /** PUBLIC_RATING: reasons offered for a 差评 (a standard list unless given). */
  reasons?: Array<string> | null | undefined;
  /** PUBLIC_RATING: working days to close a 差评 (5 unless given). */
  rectificationWorkingDays?: number | null | undefined;
  /** PANEL: where rounding to two decimals happens (FINAL unless given). */
  rounding?: Rounding | null | undefined;
  /** PANEL: the rubric to score on (its latest version unless rubricVersion is given). */
  rubricId?: string | null | undefined;
  /** PANEL: the rubric version to pin — the one the organizer saw. */
  rubricVersion?: number | null | undefined;
  /** PUBLIC_RATING: TWO_LEVEL (default) or FIVE_LEVEL. */
  scale?: RatingScale | null | undefined;
  /** PANEL */
  tieBreakers?: Array<string> | null | undefined;
  /** PANEL: highest sheets (or marks) dropped (去掉最高分). */
  trimHighest?: number | null | undefined;
  /** PANEL: lowest sheets (or marks) dropped (去掉最低分). */
  trimLowest?: number | null | undefined;
  /** PANEL */
  trimScope?: TrimScope | null | undefined;
};

export type RoundStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN'
  | 'PUBLISHED';

export type RoundWeightInput = {
  roundId: string;
  weight: number;
};

/** When a panel round rounds to two decimals. */
export type Rounding =
  /** Only the entry total is rounded (two decimals, half up). */
  | 'FINAL'
  /** Each criterion's (trimmed) mean is rounded to two decimals before weighting and summing, as figure-skating panels do. */
  | 'PER_CRITERION';

/** Which entries judges may score while a round is open. */
export type ScoringGate =
  /** Any entry (the API's default). */
  | 'ANY'
  /** Only the entry on stage. */
  | 'ON_STAGE'
  /** The entry on stage and those that have been on stage before it. */
  | 'PITCHED';

export type ServicePointInput = {
  kind: ServicePointKind;
  name: string;
};

export type ServicePointKind =
  | 'COUNTER'
  | 'HALL'
  | 'ONLINE'
  | 'STAFF';

export type StandingsMethod =
  /** The mean of the round totals the participant has. */
  | 'AVERAGE'
  /** The best round total. */
  | 'BEST'
  /** The total of the latest round the participant has one in. */
  | 'LAST'
  /** Σ round totals; a round without a total counts 0. */
  | 'SUM'
  /** Σ weight × round total; a round without a weight weighs 1. */
  | 'WEIGHTED_SUM';

export type StandingsRuleInput = {
  method: StandingsMethod;
  roundWeights?: Array<RoundWeightInput> | null | undefined;
};

export type SubmitScoreSheetInput = {
  /** Client-chosen key that makes retries safe (recommended): a replay returns the first result. */
  clientRequestId?: string | null | undefined;
  comment?: string | null | undefined;
  /** When the judge entered the marks on their device (kept with a sheet refused after close). */
  enteredAt?: string | null | undefined;
  entryId: string;
  scores: Array<MarkInput>;
};

export type TrimScope =
  /** Drop each criterion's highest and lowest marks separately. */
  | 'CRITERION'
  /** Drop whole sheets by their total. */
  | 'SHEET';

export type UnitKind =
  | 'CITY'
  | 'COMMUNITY'
  | 'COUNTY'
  | 'DEPARTMENT'
  | 'DISTRICT'
  | 'ENTERPRISE'
  | 'OTHER'
  | 'PROVINCE'
  | 'STREET'
  | 'TOWN'
  | 'VILLAGE';

/** Only the fields given change; `group: null` clears the group. */
export type UpdateEntryInput = {
  group?: string | null | undefined;
  order?: number | null | undefined;
  title?: string | null | undefined;
};

/** Only the fields given change. */
export type UpdateRoundInput = {
  aggregate?: Aggregate | null | undefined;
  leaderboardVisibility?: LeaderboardVisibility | null | undefined;
  /** The method's own fields to change; its kind must be the round's. */
  method?: RoundMethodInput | null | undefined;
  name?: string | null | undefined;
  normalization?: Normalization | null | undefined;
  quorum?: number | null | undefined;
  quorumMode?: QuorumMode | null | undefined;
  /** Re-pins the latest version of this rubric. */
  rubricId?: string | null | undefined;
  tieBreakers?: Array<string> | null | undefined;
  trimHighest?: number | null | undefined;
  trimLowest?: number | null | undefined;
  trimScope?: TrimScope | null | undefined;
};

/** Only the fields given change; `parentId: null` moves the unit to the top. */
export type UpdateUnitInput = {
  kind?: UnitKind | null | undefined;
  name?: string | null | undefined;
  parentId?: string | null | undefined;
};

/** What a ratio indicator scores when its denominator is zero (e.g. no problems raised). */
export type ZeroDenominatorRule =
  /** Full marks: nothing was asked, so nothing was missed. */
  | 'FULL'
  /** Zero: nothing to show counts as nothing achieved. */
  | 'ZERO';

export type ErrorVocabularyQueryVariables = Exact<{
  issueCode?: IssueCode | null | undefined;
  errorReason?: ErrorReason | null | undefined;
}>;


export type ErrorVocabularyQuery = { __typename: 'Query' };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, roles: Array<Role> } };

export type MyAssignmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAssignmentsQuery = { myAssignments: Array<{ id: string, name: string, status: RoundStatus, entryCount: number, competition: { id: string, name: string }, mySheets: Array<{ id: string }> }> };

export type JudgeRoundQueryVariables = Exact<{
  id: string;
}>;


export type JudgeRoundQuery = { round: { id: string, name: string, status: RoundStatus, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', rubric: { id: string, name: string, version: number, maxTotal: number, criteria: Array<{ key: string, label: string, description: string | null, maxScore: number, weight: number, step: number }> } }
      | { __typename: 'RatingsMethod' }
    , entries: Array<{ id: string, order: number, title: string, group: string | null, myConflict: ConflictReason | null, cadre: { id: string, name: string, position: string | null, unit: { id: string, name: string } } | null, unit: { id: string, name: string } | null, mySheet: { id: string, total: number, version: number, submittedAt: string, comment: string | null, scores: Array<{ criterion: string, score: number }> } | null }> } | null };

export type SubmitScoreSheetMutationVariables = Exact<{
  input: SubmitScoreSheetInput;
}>;


export type SubmitScoreSheetMutation = { submitScoreSheet: { id: string, total: number, version: number, submittedAt: string, comment: string | null, scores: Array<{ criterion: string, score: number }> } };

export type DeclareConflictMutationVariables = Exact<{
  entryId: string;
  reason: string;
}>;


export type DeclareConflictMutation = { declareConflict: { userId: string, reason: string, recordedAt: string } };

export type CompetitionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CompetitionsQuery = { competitions: { edges: Array<{ node: { id: string, name: string, description: string | null, createdAt: string, rounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, createdAt: string, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod', trimHighest: number, trimLowest: number, quorum: number, rubric: { id: string, name: string, version: number, maxTotal: number } }
            | { __typename: 'RatingsMethod' }
           }> } }> } };

export type CreateCompetitionMutationVariables = Exact<{
  input: CreateCompetitionInput;
}>;


export type CreateCompetitionMutation = { createCompetition: { id: string, name: string } };

export type CreateRoundMutationVariables = Exact<{
  input: CreateRoundInput;
}>;


export type CreateRoundMutation = { createRound: { id: string, name: string, status: RoundStatus } };

export type UpdateRoundMutationVariables = Exact<{
  id: string;
  input: UpdateRoundInput;
}>;


export type UpdateRoundMutation = { updateRound: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', trimHighest: number, trimLowest: number, quorum: number }
      | { __typename: 'RatingsMethod' }
     } };

export type OpenRoundMutationVariables = Exact<{
  id: string;
}>;


export type OpenRoundMutation = { openRound: { id: string, status: RoundStatus } };

export type CloseRoundMutationVariables = Exact<{
  id: string;
}>;


export type CloseRoundMutation = { closeRound: { id: string, status: RoundStatus } };

export type PublishRoundMutationVariables = Exact<{
  id: string;
}>;


export type PublishRoundMutation = { publishRound: { id: string, status: RoundStatus } };

export type SetLeaderboardVisibilityMutationVariables = Exact<{
  roundId: string;
  visibility: LeaderboardVisibility;
}>;


export type SetLeaderboardVisibilityMutation = { setLeaderboardVisibility: { id: string, leaderboardVisibility: LeaderboardVisibility } };

export type UpsertCadresMutationVariables = Exact<{
  input: Array<CadreInput> | CadreInput;
}>;


export type UpsertCadresMutation = { upsertCadres: Array<{ id: string }> };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { units: Array<{ id: string, name: string, kind: UnitKind }> };

export type AddEntriesMutationVariables = Exact<{
  roundId: string;
  entries: Array<EntryInput> | EntryInput;
}>;


export type AddEntriesMutation = { addEntries: Array<{ id: string, order: number }> };

export type AssignJudgesMutationVariables = Exact<{
  roundId: string;
  judges: Array<JudgeInput> | JudgeInput;
}>;


export type AssignJudgesMutation = { assignJudges: Array<{ userId: string, name: string, label: string }> };

export type RoundDetailQueryVariables = Exact<{
  id: string;
}>;


export type RoundDetailQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, amendmentCount: number, amendments: Array<{ action: AmendmentAction, judge: string, judgeLabel: string, actorId: string, reason: string, totalBefore: number | null, totalAfter: number | null, at: string, entry: { id: string, order: number, title: string } }>, judges: Array<{ userId: string, name: string, label: string, unit: { id: string, name: string } | null }> } | null };

export type RoundProgressQueryVariables = Exact<{
  roundId: string;
}>;


export type RoundProgressQuery = { roundProgress: { expected: number, received: number, judges: Array<{ expected: number, received: number, judge: { userId: string, name: string, label: string } }>, entries: Array<{ judgeStates: Array<ProgressState>, expected: number, received: number, entry: { id: string, order: number, title: string, group: string | null, cadre: { name: string } | null, unit: { name: string } | null } }> }, judgeStats: Array<{ sheetCount: number, mean: number | null, spread: number | null, meanDeviation: number | null, deviationZ: number | null, outlier: boolean, judge: { userId: string, name: string, label: string } }> };

export type AdvanceEntriesMutationVariables = Exact<{
  fromRoundId: string;
  toRoundId: string;
  top: number;
  perGroup?: boolean | null | undefined;
}>;


export type AdvanceEntriesMutation = { advanceEntries: { advanced: Array<{ id: string, title: string, cadre: { name: string } | null, unit: { name: string } | null }>, alreadyEnrolled: Array<{ id: string }> } };

export type ScreenRoundQueryVariables = Exact<{
  id: string;
}>;


export type ScreenRoundQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', rubric: { maxTotal: number } }
      | { __typename: 'RatingsMethod' }
    , entries: Array<{ id: string, group: string | null }> } | null };

export type LeaderboardQueryVariables = Exact<{
  roundId: string;
  group?: string | null | undefined;
}>;


export type LeaderboardQuery = { leaderboard: { totalCount: number, edges: Array<{ node: { rank: number | null, total: number | null, sheetCount: number, entry: { id: string, order: number, title: string, group: string | null, cadre: { name: string } | null, unit: { name: string } | null } } }> } };

export type RubricsQueryVariables = Exact<{ [key: string]: never; }>;


export type RubricsQuery = { rubrics: { edges: Array<{ node: { id: string, name: string, version: number, maxTotal: number, criteria: Array<{ key: string, label: string, description: string | null, maxScore: number, weight: number, step: number }> } }> } };

export type CreateRubricMutationVariables = Exact<{
  input: CreateRubricInput;
}>;


export type CreateRubricMutation = { createRubric: { id: string, name: string, version: number } };

export type UpdateRubricMutationVariables = Exact<{
  id: string;
  input: CreateRubricInput;
}>;


export type UpdateRubricMutation = { updateRubric: { id: string, name: string, version: number } };

export type AudienceConsoleRoundQueryVariables = Exact<{
  id: string;
}>;


export type AudienceConsoleRoundQuery = { round: { id: string, name: string, status: RoundStatus, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', rubric: { id: string, maxTotal: number }, classes: Array<{ key: string, label: string, weight: number, source: ClassSource }> }
      | { __typename: 'RatingsMethod' }
     } | null };

export type AudienceConsoleTalliesQueryVariables = Exact<{
  roundId: string;
}>;


export type AudienceConsoleTalliesQuery = { ballotTallies: Array<{ count: number, mean: number | null, entry: { id: string, order: number, title: string, stagedAt: string | null, revealedAt: string | null, cadre: { name: string } | null, unit: { name: string } | null } }>, liveState: { sequence: number, stage: { entry: { id: string } } | null } };

export type AudienceConsoleCreateBallotsMutationVariables = Exact<{
  roundId: string;
  count: number;
}>;


export type AudienceConsoleCreateBallotsMutation = { createBallots: Array<{ token: string, voteUrl: string }> };

export type AudienceVotePaperQueryVariables = Exact<{
  token: string;
}>;


export type AudienceVotePaperQuery = { ballotPaper: { roundName: string, competitionName: string, maxScore: number, classLabel: string, open: boolean, roundStatus: RoundStatus, onStageEntryId: string | null, entries: Array<{ id: string, order: number, title: string, cadreName: string | null, unitName: string | null, myScore: number | null }> } };

export type AudienceVoteCastMutationVariables = Exact<{
  token: string;
  entryId: string;
  score: number;
}>;


export type AudienceVoteCastMutation = { castBallot: { entryId: string, score: number } };

export type ConsoleHallSummaryQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallSummaryQuery = { round: { id: string, status: RoundStatus, noticeEndsAt: string | null, final: boolean, openObjectionCount: number, live: { scoringGate: ScoringGate, requireSignOff: boolean }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', classes: Array<{ key: string, source: ClassSource }> }
      | { __typename: 'RatingsMethod' }
     } | null };

export type ConsoleHallLiveQueryVariables = Exact<{
  roundId: string;
}>;


export type ConsoleHallLiveQuery = { liveState: { sequence: number, serverTime: string, stage: { since: string, pitchStartedAt: string | null, pitchEndedAt: string | null, pitchLimitSeconds: number | null, entry: { id: string } } | null, reveal: { sequence: number, at: string, total: number | null, rank: number | null, overtimeDeduction: number, overrideReason: string | null, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null }, sheets: Array<{ judgeLabel: string, classKey: string | null, total: number, dropped: boolean }>, classResults: Array<{ key: string, label: string, weight: number, result: number | null, sheetCount: number }> } | null } };

export type ConsoleHallStageQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallStageQuery = { round: { id: string, name: string, status: RoundStatus, live: { scoringGate: ScoringGate, pitchLimitSeconds: number | null, requireSignOff: boolean, overtime: { perSeconds: number, points: number } | null }, entries: Array<{ id: string, order: number, title: string, group: string | null, stagedAt: string | null, pitchStartedAt: string | null, pitchSeconds: number | null, overtimeDeduction: number, bonus: number, bonusReason: string | null, revealedAt: string | null, sheetCount: number, expectedSheetCount: number, total: number | null, rank: number | null, cadre: { id: string, name: string } | null, unit: { id: string, name: string } | null }> } | null, roundProgress: { judges: Array<{ judge: { userId: string, name: string, label: string } }>, entries: Array<{ expected: number, received: number, judgeStates: Array<ProgressState>, entry: { id: string } }> } };

export type ConsoleHallSetOnStageMutationVariables = Exact<{
  roundId: string;
  entryId: string;
}>;


export type ConsoleHallSetOnStageMutation = { setOnStage: { id: string, stage: { since: string, entry: { id: string } } | null } };

export type ConsoleHallStartPitchMutationVariables = Exact<{
  entryId: string;
}>;


export type ConsoleHallStartPitchMutation = { startPitch: { id: string, pitchStartedAt: string | null } };

export type ConsoleHallEndPitchMutationVariables = Exact<{
  entryId: string;
}>;


export type ConsoleHallEndPitchMutation = { endPitch: { id: string, pitchSeconds: number | null, overtimeDeduction: number } };

export type ConsoleHallRevealMutationVariables = Exact<{
  entryId: string;
  overrideReason?: string | null | undefined;
}>;


export type ConsoleHallRevealMutation = { revealEntry: { sequence: number, total: number | null, rank: number | null } };

export type ConsoleHallSettingsQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallSettingsQuery = { round: { id: string, status: RoundStatus, live: { scoringGate: ScoringGate, pitchLimitSeconds: number | null, requireSignOff: boolean, overtime: { perSeconds: number, points: number } | null } } | null };

export type ConsoleHallSetLiveMutationVariables = Exact<{
  roundId: string;
  settings: LiveSettingsInput;
}>;


export type ConsoleHallSetLiveMutation = { setLiveSettings: { id: string, live: { scoringGate: ScoringGate, pitchLimitSeconds: number | null, requireSignOff: boolean, overtime: { perSeconds: number, points: number } | null } } };

export type ConsoleHallSeatsQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallSeatsQuery = { round: { id: string, name: string, status: RoundStatus, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', quorumMode: QuorumMode, classes: Array<{ key: string, label: string, source: ClassSource }> }
      | { __typename: 'RatingsMethod' }
    , seats: Array<{ id: string, label: string, name: string, classKey: string | null, status: JudgeSeatStatus, joinUrl: string, joinCode: string, joinedAt: string | null, revokedAt: string | null, unit: { id: string, name: string } | null }> } | null };

export type ConsoleHallUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleHallUnitsQuery = { units: Array<{ id: string, name: string }> };

export type ConsoleHallCreateSeatsMutationVariables = Exact<{
  roundId: string;
  seats: Array<JudgeSeatInput> | JudgeSeatInput;
}>;


export type ConsoleHallCreateSeatsMutation = { createJudgeSeats: Array<{ id: string, label: string, name: string }> };

export type ConsoleHallRevokeSeatMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleHallRevokeSeatMutation = { revokeJudgeSeat: { id: string, status: JudgeSeatStatus, revokedAt: string | null } };

export type ConsoleHallSeatCardsQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallSeatCardsQuery = { round: { id: string, name: string, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', classes: Array<{ key: string, label: string }> }
      | { __typename: 'RatingsMethod' }
    , seats: Array<{ id: string, label: string, name: string, classKey: string | null, status: JudgeSeatStatus, joinUrl: string, joinCode: string, unit: { id: string, name: string } | null }> } | null };

export type ConsoleHallSignOffsQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallSignOffsQuery = { round: { id: string, status: RoundStatus, live: { requireSignOff: boolean }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', classes: Array<{ key: string, label: string }> }
      | { __typename: 'RatingsMethod' }
    , judges: Array<{ userId: string, name: string, label: string, classKey: string | null, unit: { id: string, name: string } | null }>, seats: Array<{ id: string, label: string, status: JudgeSeatStatus }>, signOffs: Array<{ at: string, valid: boolean, judge: { userId: string, label: string } }> } | null };

export type ConsoleHallDeadlineQueryVariables = Exact<{
  from: string;
  workingDays: number;
}>;


export type ConsoleHallDeadlineQuery = { workingDayDeadline: { from: string, workingDays: number, endsAt: string } };

export type ConsoleHallPublishMutationVariables = Exact<{
  id: string;
  noticeWorkingDays?: number | null | undefined;
  overrideReason?: string | null | undefined;
}>;


export type ConsoleHallPublishMutation = { publishRound: { id: string, status: RoundStatus, noticeEndsAt: string | null, final: boolean, openObjectionCount: number } };

export type ConsoleHallNoticeQueryVariables = Exact<{
  id: string;
}>;


export type ConsoleHallNoticeQuery = { round: { id: string, name: string, status: RoundStatus, noticeEndsAt: string | null, final: boolean, openObjectionCount: number, objections: Array<{ id: string, name: string | null, contact: string | null, grounds: string, filedAt: string, status: ObjectionStatus, response: string | null, answeredAt: string | null, answeredBy: string | null, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null } }>, publications: Array<{ number: number, publishedAt: string, publishedBy: string, noticeEndsAt: string | null, noticeWorkingDays: number | null, overrideReason: string | null, revisionReason: string | null, changes: Array<{ totalBefore: number | null, totalAfter: number | null, rankBefore: number | null, rankAfter: number | null, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null } }> }> } | null };

export type ConsoleHallAnswerObjectionMutationVariables = Exact<{
  id: string;
  outcome: ObjectionOutcome;
  response: string;
}>;


export type ConsoleHallAnswerObjectionMutation = { answerObjection: { id: string, status: ObjectionStatus, response: string | null, answeredAt: string | null } };

export type ConsoleHallReviseRoundMutationVariables = Exact<{
  id: string;
  objectionId: string;
}>;


export type ConsoleHallReviseRoundMutation = { reviseRound: { id: string, status: RoundStatus } };

export type ConsoleHallCalendarQueryVariables = Exact<{
  year: number;
}>;


export type ConsoleHallCalendarQuery = { calendarDays: Array<{ date: string, workday: boolean, name: string, addedBy: string, addedAt: string }> };

export type ConsoleHallSetCalendarDaysMutationVariables = Exact<{
  days: Array<CalendarDayInput> | CalendarDayInput;
}>;


export type ConsoleHallSetCalendarDaysMutation = { setCalendarDays: Array<{ date: string, workday: boolean, name: string }> };

export type ConsoleHallReissueSeatMutationVariables = Exact<{
  id: string;
}>;


export type ConsoleHallReissueSeatMutation = { reissueJudgeSeat: { id: string, label: string, name: string, status: JudgeSeatStatus, joinCode: string } };

export type ConsoleHallSetBonusMutationVariables = Exact<{
  entryId: string;
  points: number;
  reason: string;
}>;


export type ConsoleHallSetBonusMutation = { setEntryBonus: { id: string, bonus: number, bonusReason: string | null, total: number | null } };

export type LiveNoticeBoardQueryVariables = Exact<{
  roundId: string;
}>;


export type LiveNoticeBoardQuery = { noticeBoard: { roundId: string, roundName: string, competitionName: string, noticeEndsAt: string | null, open: boolean, entries: Array<{ id: string, name: string, title: string, unitName: string | null, total: number | null, rank: number | null }> } };

export type LiveFileObjectionMutationVariables = Exact<{
  input: ObjectionInput;
}>;


export type LiveFileObjectionMutation = { fileObjection: { id: string, filedAt: string, status: ObjectionStatus } };

export type LiveJoinRoundMutationVariables = Exact<{
  code: string;
  device?: string | null | undefined;
}>;


export type LiveJoinRoundMutation = { joinRound: { token: string, expiresAt: string, seat: { id: string, label: string, name: string, classKey: string | null }, round: { id: string, name: string, competition: { id: string, name: string } } } };

export type PhoneLiveStateQueryVariables = Exact<{
  roundId: string;
}>;


export type PhoneLiveStateQuery = { liveState: { sequence: number, round: { id: string, status: RoundStatus }, stage: { since: string, entry: { id: string } } | null } };

export type JudgeHallQueryVariables = Exact<{
  id: string;
}>;


export type JudgeHallQuery = { round: { id: string, status: RoundStatus, live: { scoringGate: ScoringGate, requireSignOff: boolean }, entries: Array<{ id: string, scoringOpen: boolean, stagedAt: string | null, pitchStartedAt: string | null, revealedAt: string | null }>, signOffs: Array<{ at: string, valid: boolean, judge: { userId: string, label: string } }> } | null };

export type LiveSignOffMutationVariables = Exact<{
  roundId: string;
}>;


export type LiveSignOffMutation = { signOffSheets: { at: string, valid: boolean, judge: { userId: string, label: string } } };

export type ScreenLiveStateQueryVariables = Exact<{
  roundId: string;
}>;


export type ScreenLiveStateQuery = { liveState: { sequence: number, serverTime: string, stage: { since: string, pitchStartedAt: string | null, pitchEndedAt: string | null, pitchLimitSeconds: number | null, entry: { id: string, order: number, title: string, group: string | null, cadre: { name: string, position: string | null } | null, unit: { name: string } | null } } | null, reveal: { sequence: number, at: string, overtimeDeduction: number, total: number | null, rank: number | null, sheets: Array<{ judgeLabel: string, classKey: string | null, total: number, dropped: boolean }>, classResults: Array<{ key: string, label: string, weight: number, result: number | null, sheetCount: number, source: ClassSource }>, entry: { id: string, order: number, title: string, group: string | null, cadre: { name: string, position: string | null } | null, unit: { name: string } | null } } | null } };

export type IndicatorSetFieldsFragment = { id: string, version: number, name: string, fullMark: number, createdAt: string, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> };

export type IndicatorSetSummaryFragment = { id: string, version: number, name: string, fullMark: number, sections: Array<{ key: string, label: string, fullMark: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, method: IndicatorMethod, ratio: boolean }> };

export type IndicatorSetListQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorSetListQuery = { indicatorSets: { edges: Array<{ node: { id: string, version: number, name: string, fullMark: number, sections: Array<{ key: string, label: string, fullMark: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, method: IndicatorMethod, ratio: boolean }> } }>, pageInfo: { hasNextPage: boolean } } };

export type IndicatorSetDetailQueryVariables = Exact<{
  id: string;
}>;


export type IndicatorSetDetailQuery = { indicatorSet: { id: string, version: number, name: string, fullMark: number, createdAt: string, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> } | null };

export type CreateIndicatorSetMutationVariables = Exact<{
  input: IndicatorSetInput;
}>;


export type CreateIndicatorSetMutation = { createIndicatorSet: { id: string, version: number, name: string, fullMark: number, createdAt: string, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> } };

export type UpdateIndicatorSetMutationVariables = Exact<{
  id: string;
  input: IndicatorSetInput;
}>;


export type UpdateIndicatorSetMutation = { updateIndicatorSet: { id: string, version: number, name: string, fullMark: number, createdAt: string, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> } };

export type IndicatorRoundQueryVariables = Exact<{
  id: string;
}>;


export type IndicatorRoundQuery = { round: { id: string, name: string, status: RoundStatus, entryCount: number, method:
      | { __typename: 'IndicatorsMethod', period: string, bonusCap: number | null, penaltyCap: number | null, boards: { red: number, black: number, mostImproved: number }, indicatorSet: { id: string, version: number, name: string, fullMark: number, createdAt: string, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> } }
      | { __typename: 'PanelMethod' }
      | { __typename: 'RatingsMethod' }
    , entries: Array<{ id: string, order: number, title: string, unit: { id: string, name: string } | null }> } | null };

export type RoundIndicatorValuesQueryVariables = Exact<{
  roundId: string;
  status?: IndicatorValueStatus | null | undefined;
}>;


export type RoundIndicatorValuesQuery = { indicatorValues: Array<{ id: string, value: number | null, numerator: number | null, denominator: number | null, measured: number | null, status: IndicatorValueStatus, enteredBy: string, enteredByName: string | null, enteredAt: string, verifiedBy: string | null, verifiedByName: string | null, verifiedAt: string | null }> };

export type SubmitIndicatorValuesMutationVariables = Exact<{
  roundId: string;
  values: Array<IndicatorValueInput> | IndicatorValueInput;
  clientRequestId?: string | null | undefined;
}>;


export type SubmitIndicatorValuesMutation = { submitIndicatorValues: Array<{ id: string, status: IndicatorValueStatus }> };

export type VerifyIndicatorValuesMutationVariables = Exact<{
  roundId: string;
  ids: Array<string> | string;
}>;


export type VerifyIndicatorValuesMutation = { verifyIndicatorValues: Array<{ id: string, status: IndicatorValueStatus }> };

export type RoundAdjustmentsQueryVariables = Exact<{
  roundId: string;
}>;


export type RoundAdjustmentsQuery = { adjustments: Array<{ id: string, kind: AdjustmentKind, points: number, reason: string, evidence: string | null, status: AdjustmentStatus, proposedBy: string, proposedByName: string | null, proposedAt: string, approvedBy: string | null, approvedByName: string | null, approvedAt: string | null }> };

export type AddAdjustmentMutationVariables = Exact<{
  entryId: string;
  input: AdjustmentInput;
}>;


export type AddAdjustmentMutation = { addAdjustment: { id: string, status: AdjustmentStatus } };

export type ApproveAdjustmentMutationVariables = Exact<{
  id: string;
}>;


export type ApproveAdjustmentMutation = { approveAdjustment: { id: string, status: AdjustmentStatus } };

export type DirectoryUnitFragment = { id: string, name: string, kind: UnitKind, parent: { id: string } | null };

export type DirectoryCadreFragment = { id: string, name: string, position: string | null, grade: string | null, birthYear: number | null, unit: { id: string } };

export type DirectoryUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type DirectoryUnitsQuery = { units: Array<{ id: string, name: string, kind: UnitKind, parent: { id: string } | null }> };

export type DirectoryCadresQueryVariables = Exact<{
  unitId?: string | null | undefined;
  search?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DirectoryCadresQuery = { cadres: { edges: Array<{ node: { id: string, name: string, position: string | null, grade: string | null, birthYear: number | null, unit: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DirectoryChangeLogQueryVariables = Exact<{
  subjectId: string;
}>;


export type DirectoryChangeLogQuery = { changeLog: Array<{ subjectKind: ChangeSubject, actorId: string, at: string, before: string | null, after: string | null }> };

export type DirectoryCreateUnitMutationVariables = Exact<{
  input: CreateUnitInput;
}>;


export type DirectoryCreateUnitMutation = { createUnit: { id: string, name: string, kind: UnitKind, parent: { id: string } | null } };

export type DirectoryUpdateUnitMutationVariables = Exact<{
  id: string;
  input: UpdateUnitInput;
}>;


export type DirectoryUpdateUnitMutation = { updateUnit: { id: string, name: string, kind: UnitKind, parent: { id: string } | null } };

export type DirectoryUpsertCadresMutationVariables = Exact<{
  input: Array<CadreInput> | CadreInput;
}>;


export type DirectoryUpsertCadresMutation = { upsertCadres: Array<{ id: string, name: string, position: string | null, grade: string | null, birthYear: number | null, unit: { id: string } }> };

export type ConsoleCompetitionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCompetitionsQuery = { competitions: { edges: Array<{ node: { id: string, name: string, description: string | null, archivedAt: string | null, createdAt: string, rounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, archivedAt: string | null, createdAt: string, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod', rubric: { id: string } }
            | { __typename: 'RatingsMethod' }
           }> } }> } };

export type ArchivedListingQueryVariables = Exact<{ [key: string]: never; }>;


export type ArchivedListingQuery = { archived: { edges: Array<{ node: { id: string, name: string, description: string | null, archivedAt: string | null, createdAt: string, rounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, archivedAt: string | null, createdAt: string, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod', rubric: { id: string } }
            | { __typename: 'RatingsMethod' }
           }>, archivedRounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, archivedAt: string | null, createdAt: string, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod', rubric: { id: string } }
            | { __typename: 'RatingsMethod' }
           }> } }> }, active: { edges: Array<{ node: { id: string, archivedRounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, archivedAt: string | null, createdAt: string, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod', rubric: { id: string } }
            | { __typename: 'RatingsMethod' }
           }> } }> } };

export type RoundConsoleQueryVariables = Exact<{
  id: string;
}>;


export type RoundConsoleQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, archivedAt: string | null, createdAt: string, amendmentCount: number, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod', quorum: number, quorumMode: QuorumMode, tieBreakers: Array<string>, trimHighest: number, trimLowest: number, trimScope: TrimScope, aggregate: Aggregate, normalization: Normalization, rubric: { id: string, name: string, version: number, maxTotal: number, criteria: Array<{ key: string, label: string, maxScore: number, weight: number }> } }
      | { __typename: 'RatingsMethod' }
    , competition: { id: string, name: string, rounds: Array<{ id: string, name: string, status: RoundStatus }> }, entries: Array<{ id: string, order: number, title: string, group: string | null, cadre: { id: string, name: string, unit: { id: string, name: string } } | null, unit: { id: string, name: string } | null }>, judges: Array<{ userId: string, name: string, label: string, unit: { id: string, name: string } | null }>, amendments: Array<{ action: AmendmentAction, judge: string, judgeLabel: string, actorId: string, reason: string, totalBefore: number | null, totalAfter: number | null, at: string, entry: { id: string, order: number, title: string } }> } | null };

export type RoundDrawsQueryVariables = Exact<{
  id: string;
}>;


export type RoundDrawsQuery = { round: { id: string, draws: Array<{ seed: string, algorithm: string, drawnBy: string, drawnAt: string, entries: Array<{ id: string, title: string, cadre: { name: string } | null, unit: { name: string } | null }> }> } | null };

export type RoundRejectedSheetsQueryVariables = Exact<{
  id: string;
}>;


export type RoundRejectedSheetsQuery = { round: { id: string, rejectedSheetCount: number, rejectedSheets: Array<{ id: string, judge: string, judgeLabel: string, comment: string | null, reason: string, enteredAt: string | null, at: string, scores: Array<{ criterion: string, score: number }>, entry: { id: string, order: number, title: string, cadre: { name: string } | null } }> } | null };

export type MissingSheetsQueryVariables = Exact<{
  roundId: string;
}>;


export type MissingSheetsQuery = { roundProgress: { expected: number, received: number, judges: Array<{ judge: { userId: string, name: string, label: string } }>, entries: Array<{ judgeStates: Array<ProgressState>, entry: { id: string, order: number, title: string, cadre: { name: string } | null } }> } };

export type PickerCadresQueryVariables = Exact<{
  unitId?: string | null | undefined;
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type PickerCadresQuery = { cadres: { edges: Array<{ node: { id: string, name: string, position: string | null, unit: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateRoundWithRuleMutationVariables = Exact<{
  input: CreateRoundInput;
}>;


export type CreateRoundWithRuleMutation = { createRound: { id: string, name: string, status: RoundStatus } };

export type UpdateRoundRuleMutationVariables = Exact<{
  id: string;
  input: UpdateRoundInput;
}>;


export type UpdateRoundRuleMutation = { updateRound: { id: string, name: string, status: RoundStatus } };

export type UpdateEntryMutationVariables = Exact<{
  id: string;
  input: UpdateEntryInput;
}>;


export type UpdateEntryMutation = { updateEntry: { id: string, order: number, title: string, group: string | null } };

export type RemoveEntryMutationVariables = Exact<{
  id: string;
}>;


export type RemoveEntryMutation = { removeEntry: { id: string, entryCount: number } };

export type ReorderEntriesMutationVariables = Exact<{
  roundId: string;
  entryIds: Array<string> | string;
}>;


export type ReorderEntriesMutation = { reorderEntries: Array<{ id: string, order: number }> };

export type DrawPitchOrderMutationVariables = Exact<{
  roundId: string;
  seed?: string | null | undefined;
}>;


export type DrawPitchOrderMutation = { drawPitchOrder: { seed: string, drawnAt: string } };

export type DeleteRoundMutationVariables = Exact<{
  id: string;
}>;


export type DeleteRoundMutation = { deleteRound: boolean };

export type DeleteCompetitionMutationVariables = Exact<{
  id: string;
}>;


export type DeleteCompetitionMutation = { deleteCompetition: boolean };

export type ArchiveRoundMutationVariables = Exact<{
  id: string;
  archived: boolean;
}>;


export type ArchiveRoundMutation = { archiveRound: { id: string, archivedAt: string | null } };

export type ArchiveCompetitionMutationVariables = Exact<{
  id: string;
  archived: boolean;
}>;


export type ArchiveCompetitionMutation = { archiveCompetition: { id: string, archivedAt: string | null } };

export type RatingsMethodFieldsFragment = { period: string, scale: RatingScale, reasons: Array<string>, minRatings: number, rankBy: RatingRankBy, callbackWorkingDays: number, rectificationWorkingDays: number };

export type RatingsRoundQueryVariables = Exact<{
  id: string;
}>;


export type RatingsRoundQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod' }
      | { __typename: 'PanelMethod' }
      | { __typename: 'RatingsMethod', period: string, scale: RatingScale, reasons: Array<string>, minRatings: number, rankBy: RatingRankBy, callbackWorkingDays: number, rectificationWorkingDays: number }
    , entries: Array<{ id: string, order: number, title: string, rank: number | null, total: number | null, sheetCount: number, unit: { id: string, name: string } | null }> } | null };

export type RatingFiguresFieldsFragment = { count: number, satisfactionRate: number | null, badRate: number | null, wilsonLower: number | null, callbackRate: number | null, rectificationRate: number | null, onTimeRate: number | null, removedByAppeal: number, byLevel: Array<{ level: RatingLevel, count: number }> };

export type UnitRatingFiguresQueryVariables = Exact<{
  roundId: string;
  unitId: string;
}>;


export type UnitRatingFiguresQuery = { ratingFigures: { count: number, satisfactionRate: number | null, badRate: number | null, wilsonLower: number | null, callbackRate: number | null, rectificationRate: number | null, onTimeRate: number | null, removedByAppeal: number, byLevel: Array<{ level: RatingLevel, count: number }> } };

export type VerifyRatingsQueryVariables = Exact<{
  roundId: string;
}>;


export type VerifyRatingsQuery = { verifyRatings: { ok: boolean, counted: number, stored: number } };

export type RefreshRatingsMutationVariables = Exact<{
  roundId: string;
}>;


export type RefreshRatingsMutation = { refreshRatings: { id: string } };

export type RatingCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type RatingCampaignsQuery = { competitions: { edges: Array<{ node: { id: string, name: string, rounds: Array<{ id: string, name: string, status: RoundStatus, method:
            | { __typename: 'IndicatorsMethod' }
            | { __typename: 'PanelMethod' }
            | { __typename: 'RatingsMethod', period: string }
           }> } }> } };

export type ServicePointFieldsFragment = { id: string, name: string, kind: ServicePointKind, code: string, ratingUrl: string, rotatedAt: string | null, createdAt: string, unit: { id: string, name: string } };

export type UnitServicePointsQueryVariables = Exact<{
  unitId: string;
}>;


export type UnitServicePointsQuery = { servicePoints: Array<{ id: string, name: string, kind: ServicePointKind, code: string, ratingUrl: string, rotatedAt: string | null, createdAt: string, unit: { id: string, name: string } }> };

export type CreateServicePointsMutationVariables = Exact<{
  input: CreateServicePointsInput;
}>;


export type CreateServicePointsMutation = { createServicePoints: Array<{ id: string, name: string, kind: ServicePointKind, code: string, ratingUrl: string, rotatedAt: string | null, createdAt: string, unit: { id: string, name: string } }> };

export type RotateServicePointCodeMutationVariables = Exact<{
  id: string;
}>;


export type RotateServicePointCodeMutation = { rotateServicePointCode: { id: string, name: string, kind: ServicePointKind, code: string, ratingUrl: string, rotatedAt: string | null, createdAt: string, unit: { id: string, name: string } } };

export type MoveServicePointMutationVariables = Exact<{
  id: string;
  unitId: string;
}>;


export type MoveServicePointMutation = { moveServicePoint: { id: string, name: string, kind: ServicePointKind, code: string, ratingUrl: string, rotatedAt: string | null, createdAt: string, unit: { id: string, name: string } } };

export type RatingCaseFieldsFragment = { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> };

export type RevealRatingPhoneMutationVariables = Exact<{
  caseId: string;
  purpose: string;
}>;


export type RevealRatingPhoneMutation = { revealRatingPhone: { phone: string, revealedAt: string } };

export type RatingCasesQueryVariables = Exact<{
  roundId: string;
  filter?: RatingCaseFilter | null | undefined;
}>;


export type RatingCasesQuery = { ratingCases: Array<{ id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> }> };

export type RecordCallbackMutationVariables = Exact<{
  caseId: string;
  note: string;
  evidence?: string | null | undefined;
}>;


export type RecordCallbackMutation = { recordCallback: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type VerifyCaseMutationVariables = Exact<{
  caseId: string;
  substantiated: boolean;
  note: string;
  evidence?: string | null | undefined;
}>;


export type VerifyCaseMutation = { verifyCase: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type RecordRectificationMutationVariables = Exact<{
  caseId: string;
  note: string;
  evidence?: string | null | undefined;
}>;


export type RecordRectificationMutation = { recordRectification: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type CloseCaseMutationVariables = Exact<{
  caseId: string;
  note: string;
  evidence?: string | null | undefined;
}>;


export type CloseCaseMutation = { closeCase: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type AppealCaseMutationVariables = Exact<{
  caseId: string;
  grounds: string;
}>;


export type AppealCaseMutation = { appealCase: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type DecideAppealMutationVariables = Exact<{
  caseId: string;
  upheld: boolean;
  reason: string;
}>;


export type DecideAppealMutation = { decideAppeal: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type RecordAccountabilityMutationVariables = Exact<{
  caseId: string;
  person: string;
  measure: string;
  decidedBy: string;
}>;


export type RecordAccountabilityMutation = { recordAccountability: { id: string, status: RatingCaseStatus, callbackDueAt: string, rectificationDueAt: string, overdue: boolean, dueSoon: boolean, appealOutcome: AppealOutcome | null, allowedActions: Array<string>, unit: { id: string, name: string }, escalatedTo: { id: string, name: string } | null, rating: { id: string, level: RatingLevel, reasons: Array<string>, comment: string | null, phone: string | null, receivedAt: string, counted: boolean, point: { id: string, name: string, kind: ServicePointKind } }, steps: Array<{ status: RatingCaseStatus, note: string, evidence: string | null, by: string, at: string }>, accountability: Array<{ person: string, measure: string, decidedBy: string, at: string }>, phoneReveals: Array<{ by: string, at: string, purpose: string }> } };

export type ImportRatingsMutationVariables = Exact<{
  roundId: string;
  ratings: Array<ImportedRatingInput> | ImportedRatingInput;
}>;


export type ImportRatingsMutation = { importRatings: { imported: number, duplicates: number, duplicateRefs: Array<string> } };

export type ResultsRoundQueryVariables = Exact<{
  id: string;
}>;


export type ResultsRoundQuery = { round: { id: string, name: string, status: RoundStatus, entryCount: number, resultsFinalizedAt: string | null, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod', period: string, bonusCap: number | null, penaltyCap: number | null, boards: { red: number, black: number, mostImproved: number }, indicatorSet: { id: string, name: string, version: number, fullMark: number, sections: Array<{ key: string, label: string, fullMark: number, weight: number }>, indicators: Array<{ key: string, label: string, section: string, unit: string | null, weight: number, direction: IndicatorDirection, method: IndicatorMethod, satisfactory: number | null, disallowed: number | null, target: number | null, cap: number | null, floor: number | null, partial: number | null, step: number | null, lowest: number | null, pointsEach: number | null, ratio: boolean, zeroDenominator: ZeroDenominatorRule }> } }
      | { __typename: 'PanelMethod', trimHighest: number, trimLowest: number, trimScope: TrimScope, aggregate: Aggregate, normalization: Normalization, quorum: number, quorumMode: QuorumMode, tieBreakers: Array<string>, rubric: { id: string, name: string, version: number, maxTotal: number, criteria: Array<{ key: string, label: string, maxScore: number, weight: number }> } }
      | { __typename: 'RatingsMethod', period: string, scale: RatingScale, minRatings: number, rankBy: RatingRankBy }
    , judges: Array<{ userId: string, name: string, label: string }>, entries: Array<{ id: string, group: string | null }> } | null };

export type ResultsLeaderboardQueryVariables = Exact<{
  roundId: string;
  group?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type ResultsLeaderboardQuery = { leaderboard: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { rank: number | null, total: number | null, sheetCount: number, entry: { id: string, order: number, title: string, group: string | null, expectedSheetCount: number, previousRank: number | null, rankChange: number | null, vetoed: boolean, cadre: { name: string } | null, unit: { id: string, name: string } | null } } }> } };

export type ResultsAssessmentQueryVariables = Exact<{
  entryId: string;
}>;


export type ResultsAssessmentQuery = { assessment: { total: number | null, rawTotal: number | null, rank: number | null, sheetCount: number, sheetsVisible: boolean, trimHighest: number, trimLowest: number, trimScope: TrimScope, aggregate: Aggregate, normalization: Normalization, entry: { id: string, order: number, title: string, group: string | null, bonus: number, overtimeDeduction: number, classResults: Array<{ key: string, label: string, weight: number, result: number | null, sheetCount: number, source: ClassSource }>, cadre: { id: string, name: string, position: string | null } | null, unit: { id: string, name: string } | null, round: { id: string } }, criteria: Array<{ criterion: string, label: string, maxScore: number, weight: number, mean: number | null }>, sheets: Array<{ id: string, judge: string, judgeLabel: string, total: number, trimmed: boolean, trimmedMarks: Array<string>, normalizedTotal: number | null, marks: Array<{ criterion: string, score: number }> }> } };

export type ResultsJudgeStatsQueryVariables = Exact<{
  roundId: string;
}>;


export type ResultsJudgeStatsQuery = { judgeStats: Array<{ sheetCount: number, mean: number | null, spread: number | null, meanDeviation: number | null, deviationZ: number | null, outlier: boolean, judge: { userId: string, name: string, label: string } }> };

export type ResultsVerificationQueryVariables = Exact<{
  roundId: string;
}>;


export type ResultsVerificationQuery = { verifyRound: { ok: boolean, checkedEntries: number, checkedSheets: number, mismatches: Array<{ entryId: string, field: string, expected: string | null, actual: string | null }> } };

export type ResultsIndicatorAssessmentQueryVariables = Exact<{
  entryId: string;
}>;


export type ResultsIndicatorAssessmentQuery = { indicatorAssessment: { rank: number | null, total: number | null, base: number | null, bonus: number, penalty: number, vetoed: boolean, sections: Array<{ score: number, section: { key: string } }>, indicators: Array<{ measured: number | null, score: number | null, points: number | null, indicator: { key: string }, value: { value: number | null, numerator: number | null, denominator: number | null, status: IndicatorValueStatus } | null }>, adjustments: Array<{ id: string, kind: AdjustmentKind, points: number, reason: string, status: AdjustmentStatus }> } };

export type ResultsVetoReasonQueryVariables = Exact<{
  entryId: string;
}>;


export type ResultsVetoReasonQuery = { indicatorAssessment: { vetoed: boolean, adjustments: Array<{ id: string, kind: AdjustmentKind, reason: string, status: AdjustmentStatus }> } };

export type ResultsBoardsQueryVariables = Exact<{
  roundId: string;
}>;


export type ResultsBoardsQuery = { boards: { red: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, title: string, cadre: { name: string } | null, unit: { name: string } | null } }>, black: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, title: string, cadre: { name: string } | null, unit: { name: string } | null } }>, mostImproved: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, title: string, cadre: { name: string } | null, unit: { name: string } | null } }> } };

export type ResultsAlertsQueryVariables = Exact<{
  competitionId: string;
}>;


export type ResultsAlertsQuery = { competition: { id: string, alertRule: { bottom: number, consecutive: number } } | null, alerts: Array<{ entry: { id: string, title: string, rank: number | null, previousRank: number | null, total: number | null, cadre: { name: string } | null, unit: { name: string } | null }, rounds: Array<{ id: string, name: string }> }> };

export type ScreenBoardRoundQueryVariables = Exact<{
  id: string;
}>;


export type ScreenBoardRoundQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, competition: { id: string, name: string }, method:
      | { __typename: 'IndicatorsMethod', period: string, boards: { red: number, black: number, mostImproved: number }, indicatorSet: { id: string, indicators: Array<{ key: string }> } }
      | { __typename: 'PanelMethod', rubric: { maxTotal: number } }
      | { __typename: 'RatingsMethod', period: string, minRatings: number, rankBy: RatingRankBy }
    , entries: Array<{ id: string, order: number, title: string, group: string | null, sheetCount: number, expectedSheetCount: number, cadre: { name: string } | null, unit: { name: string } | null }> } | null };

export type ScreenBoardQueryVariables = Exact<{
  roundId: string;
  group?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type ScreenBoardQuery = { leaderboard: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { rank: number | null, total: number | null, sheetCount: number, entry: { id: string, order: number, title: string, group: string | null, expectedSheetCount: number, previousRank: number | null, rankChange: number | null, vetoed: boolean, cadre: { name: string } | null, unit: { name: string } | null } } }> } };

export type ScreenBoardsQueryVariables = Exact<{
  roundId: string;
}>;


export type ScreenBoardsQuery = { boards: { red: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null } }>, black: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null } }>, mostImproved: Array<{ rank: number | null, total: number | null, previousRank: number | null, rankChange: number | null, vetoed: boolean, entry: { id: string, order: number, title: string, cadre: { name: string } | null, unit: { name: string } | null } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const IndicatorSetFieldsFragmentDoc = new TypedDocumentString(`
    fragment IndicatorSetFields on IndicatorSet {
  id
  version
  name
  fullMark
  createdAt
  sections {
    key
    label
    fullMark
    weight
  }
  indicators {
    key
    label
    section
    unit
    weight
    direction
    method
    satisfactory
    disallowed
    target
    cap
    floor
    partial
    step
    lowest
    pointsEach
    ratio
    zeroDenominator
  }
}
    `, {"fragmentName":"IndicatorSetFields"}) as unknown as TypedDocumentString<IndicatorSetFieldsFragment, unknown>;
export const IndicatorSetSummaryFragmentDoc = new TypedDocumentString(`
    fragment IndicatorSetSummary on IndicatorSet {
  id
  version
  name
  fullMark
  sections {
    key
    label
    fullMark
  }
  indicators {
    key
    label
    section
    unit
    weight
    method
    ratio
  }
}
    `, {"fragmentName":"IndicatorSetSummary"}) as unknown as TypedDocumentString<IndicatorSetSummaryFragment, unknown>;
export const DirectoryUnitFragmentDoc = new TypedDocumentString(`
    fragment DirectoryUnit on Unit {
  id
  name
  kind
  parent {
    id
  }
}
    `, {"fragmentName":"DirectoryUnit"}) as unknown as TypedDocumentString<DirectoryUnitFragment, unknown>;
export const DirectoryCadreFragmentDoc = new TypedDocumentString(`
    fragment DirectoryCadre on Cadre {
  id
  name
  position
  grade
  birthYear
  unit {
    id
  }
}
    `, {"fragmentName":"DirectoryCadre"}) as unknown as TypedDocumentString<DirectoryCadreFragment, unknown>;
export const RatingsMethodFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatingsMethodFields on RatingsMethod {
  period
  scale
  reasons
  minRatings
  rankBy
  callbackWorkingDays
  rectificationWorkingDays
}
    `, {"fragmentName":"RatingsMethodFields"}) as unknown as TypedDocumentString<RatingsMethodFieldsFragment, unknown>;
export const RatingFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatingFiguresFields on RatingFigures {
  count
  byLevel {
    level
    count
  }
  satisfactionRate
  badRate
  wilsonLower
  callbackRate
  rectificationRate
  onTimeRate
  removedByAppeal
}
    `, {"fragmentName":"RatingFiguresFields"}) as unknown as TypedDocumentString<RatingFiguresFieldsFragment, unknown>;
export const ServicePointFieldsFragmentDoc = new TypedDocumentString(`
    fragment ServicePointFields on ServicePoint {
  id
  name
  kind
  code
  ratingUrl
  rotatedAt
  createdAt
  unit {
    id
    name
  }
}
    `, {"fragmentName":"ServicePointFields"}) as unknown as TypedDocumentString<ServicePointFieldsFragment, unknown>;
export const RatingCaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}
    `, {"fragmentName":"RatingCaseFields"}) as unknown as TypedDocumentString<RatingCaseFieldsFragment, unknown>;
export const ErrorVocabularyDocument = new TypedDocumentString(`
    query ErrorVocabulary($issueCode: IssueCode, $errorReason: ErrorReason) {
  __typename
}
    `) as unknown as TypedDocumentString<ErrorVocabularyQuery, ErrorVocabularyQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    name
    roles
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyAssignmentsDocument = new TypedDocumentString(`
    query MyAssignments {
  myAssignments {
    id
    name
    status
    entryCount
    competition {
      id
      name
    }
    mySheets {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<MyAssignmentsQuery, MyAssignmentsQueryVariables>;
export const JudgeRoundDocument = new TypedDocumentString(`
    query JudgeRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        rubric {
          id
          name
          version
          maxTotal
          criteria {
            key
            label
            description
            maxScore
            weight
            step
          }
        }
      }
    }
    entries {
      id
      order
      title
      group
      cadre {
        id
        name
        position
        unit {
          id
          name
        }
      }
      unit {
        id
        name
      }
      myConflict
      mySheet {
        id
        total
        version
        submittedAt
        comment
        scores {
          criterion
          score
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JudgeRoundQuery, JudgeRoundQueryVariables>;
export const SubmitScoreSheetDocument = new TypedDocumentString(`
    mutation SubmitScoreSheet($input: SubmitScoreSheetInput!) {
  submitScoreSheet(input: $input) {
    id
    total
    version
    submittedAt
    comment
    scores {
      criterion
      score
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitScoreSheetMutation, SubmitScoreSheetMutationVariables>;
export const DeclareConflictDocument = new TypedDocumentString(`
    mutation DeclareConflict($entryId: ID!, $reason: String!) {
  declareConflict(entryId: $entryId, reason: $reason) {
    userId
    reason
    recordedAt
  }
}
    `) as unknown as TypedDocumentString<DeclareConflictMutation, DeclareConflictMutationVariables>;
export const CompetitionsDocument = new TypedDocumentString(`
    query Competitions {
  competitions(first: 50) {
    edges {
      node {
        id
        name
        description
        createdAt
        rounds {
          id
          name
          status
          leaderboardVisibility
          entryCount
          createdAt
          method {
            __typename
            ... on PanelMethod {
              trimHighest
              trimLowest
              quorum
              rubric {
                id
                name
                version
                maxTotal
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CompetitionsQuery, CompetitionsQueryVariables>;
export const CreateCompetitionDocument = new TypedDocumentString(`
    mutation CreateCompetition($input: CreateCompetitionInput!) {
  createCompetition(input: $input) {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<CreateCompetitionMutation, CreateCompetitionMutationVariables>;
export const CreateRoundDocument = new TypedDocumentString(`
    mutation CreateRound($input: CreateRoundInput!) {
  createRound(input: $input) {
    id
    name
    status
  }
}
    `) as unknown as TypedDocumentString<CreateRoundMutation, CreateRoundMutationVariables>;
export const UpdateRoundDocument = new TypedDocumentString(`
    mutation UpdateRound($id: ID!, $input: UpdateRoundInput!) {
  updateRound(id: $id, input: $input) {
    id
    name
    status
    leaderboardVisibility
    method {
      __typename
      ... on PanelMethod {
        trimHighest
        trimLowest
        quorum
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateRoundMutation, UpdateRoundMutationVariables>;
export const OpenRoundDocument = new TypedDocumentString(`
    mutation OpenRound($id: ID!) {
  openRound(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OpenRoundMutation, OpenRoundMutationVariables>;
export const CloseRoundDocument = new TypedDocumentString(`
    mutation CloseRound($id: ID!) {
  closeRound(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CloseRoundMutation, CloseRoundMutationVariables>;
export const PublishRoundDocument = new TypedDocumentString(`
    mutation PublishRound($id: ID!) {
  publishRound(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PublishRoundMutation, PublishRoundMutationVariables>;
export const SetLeaderboardVisibilityDocument = new TypedDocumentString(`
    mutation SetLeaderboardVisibility($roundId: ID!, $visibility: LeaderboardVisibility!) {
  setLeaderboardVisibility(roundId: $roundId, visibility: $visibility) {
    id
    leaderboardVisibility
  }
}
    `) as unknown as TypedDocumentString<SetLeaderboardVisibilityMutation, SetLeaderboardVisibilityMutationVariables>;
export const UpsertCadresDocument = new TypedDocumentString(`
    mutation UpsertCadres($input: [CadreInput!]!) {
  upsertCadres(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpsertCadresMutation, UpsertCadresMutationVariables>;
export const UnitsDocument = new TypedDocumentString(`
    query Units {
  units {
    id
    name
    kind
  }
}
    `) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;
export const AddEntriesDocument = new TypedDocumentString(`
    mutation AddEntries($roundId: ID!, $entries: [EntryInput!]!) {
  addEntries(roundId: $roundId, entries: $entries) {
    id
    order
  }
}
    `) as unknown as TypedDocumentString<AddEntriesMutation, AddEntriesMutationVariables>;
export const AssignJudgesDocument = new TypedDocumentString(`
    mutation AssignJudges($roundId: ID!, $judges: [JudgeInput!]!) {
  assignJudges(roundId: $roundId, judges: $judges) {
    userId
    name
    label
  }
}
    `) as unknown as TypedDocumentString<AssignJudgesMutation, AssignJudgesMutationVariables>;
export const RoundDetailDocument = new TypedDocumentString(`
    query RoundDetail($id: ID!) {
  round(id: $id) {
    id
    name
    status
    leaderboardVisibility
    entryCount
    amendmentCount
    amendments {
      action
      judge
      judgeLabel
      actorId
      reason
      totalBefore
      totalAfter
      at
      entry {
        id
        order
        title
      }
    }
    judges {
      userId
      name
      label
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoundDetailQuery, RoundDetailQueryVariables>;
export const RoundProgressDocument = new TypedDocumentString(`
    query RoundProgress($roundId: ID!) {
  roundProgress(roundId: $roundId) {
    expected
    received
    judges {
      expected
      received
      judge {
        userId
        name
        label
      }
    }
    entries {
      judgeStates
      expected
      received
      entry {
        id
        order
        title
        group
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
  }
  judgeStats(roundId: $roundId) {
    sheetCount
    mean
    spread
    meanDeviation
    deviationZ
    outlier
    judge {
      userId
      name
      label
    }
  }
}
    `) as unknown as TypedDocumentString<RoundProgressQuery, RoundProgressQueryVariables>;
export const AdvanceEntriesDocument = new TypedDocumentString(`
    mutation AdvanceEntries($fromRoundId: ID!, $toRoundId: ID!, $top: Int!, $perGroup: Boolean) {
  advanceEntries(
    fromRoundId: $fromRoundId
    toRoundId: $toRoundId
    top: $top
    perGroup: $perGroup
  ) {
    advanced {
      id
      title
      cadre {
        name
      }
      unit {
        name
      }
    }
    alreadyEnrolled {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AdvanceEntriesMutation, AdvanceEntriesMutationVariables>;
export const ScreenRoundDocument = new TypedDocumentString(`
    query ScreenRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    leaderboardVisibility
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        rubric {
          maxTotal
        }
      }
    }
    entries {
      id
      group
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenRoundQuery, ScreenRoundQueryVariables>;
export const LeaderboardDocument = new TypedDocumentString(`
    query Leaderboard($roundId: ID!, $group: String) {
  leaderboard(roundId: $roundId, group: $group, first: 200) {
    totalCount
    edges {
      node {
        rank
        total
        sheetCount
        entry {
          id
          order
          title
          group
          cadre {
            name
          }
          unit {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LeaderboardQuery, LeaderboardQueryVariables>;
export const RubricsDocument = new TypedDocumentString(`
    query Rubrics {
  rubrics(first: 200) {
    edges {
      node {
        id
        name
        version
        maxTotal
        criteria {
          key
          label
          description
          maxScore
          weight
          step
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RubricsQuery, RubricsQueryVariables>;
export const CreateRubricDocument = new TypedDocumentString(`
    mutation CreateRubric($input: CreateRubricInput!) {
  createRubric(input: $input) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<CreateRubricMutation, CreateRubricMutationVariables>;
export const UpdateRubricDocument = new TypedDocumentString(`
    mutation UpdateRubric($id: ID!, $input: CreateRubricInput!) {
  updateRubric(id: $id, input: $input) {
    id
    name
    version
  }
}
    `) as unknown as TypedDocumentString<UpdateRubricMutation, UpdateRubricMutationVariables>;
export const AudienceConsoleRoundDocument = new TypedDocumentString(`
    query AudienceConsoleRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        rubric {
          id
          maxTotal
        }
        classes {
          key
          label
          weight
          source
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AudienceConsoleRoundQuery, AudienceConsoleRoundQueryVariables>;
export const AudienceConsoleTalliesDocument = new TypedDocumentString(`
    query AudienceConsoleTallies($roundId: ID!) {
  ballotTallies(roundId: $roundId) {
    count
    mean
    entry {
      id
      order
      title
      stagedAt
      revealedAt
      cadre {
        name
      }
      unit {
        name
      }
    }
  }
  liveState(roundId: $roundId) {
    sequence
    stage {
      entry {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AudienceConsoleTalliesQuery, AudienceConsoleTalliesQueryVariables>;
export const AudienceConsoleCreateBallotsDocument = new TypedDocumentString(`
    mutation AudienceConsoleCreateBallots($roundId: ID!, $count: Int!) {
  createBallots(roundId: $roundId, count: $count) {
    token
    voteUrl
  }
}
    `) as unknown as TypedDocumentString<AudienceConsoleCreateBallotsMutation, AudienceConsoleCreateBallotsMutationVariables>;
export const AudienceVotePaperDocument = new TypedDocumentString(`
    query AudienceVotePaper($token: String!) {
  ballotPaper(token: $token) {
    roundName
    competitionName
    maxScore
    classLabel
    open
    roundStatus
    onStageEntryId
    entries {
      id
      order
      title
      cadreName
      unitName
      myScore
    }
  }
}
    `) as unknown as TypedDocumentString<AudienceVotePaperQuery, AudienceVotePaperQueryVariables>;
export const AudienceVoteCastDocument = new TypedDocumentString(`
    mutation AudienceVoteCast($token: String!, $entryId: ID!, $score: Float!) {
  castBallot(token: $token, entryId: $entryId, score: $score) {
    entryId
    score
  }
}
    `) as unknown as TypedDocumentString<AudienceVoteCastMutation, AudienceVoteCastMutationVariables>;
export const ConsoleHallSummaryDocument = new TypedDocumentString(`
    query ConsoleHallSummary($id: ID!) {
  round(id: $id) {
    id
    status
    noticeEndsAt
    final
    openObjectionCount
    live {
      scoringGate
      requireSignOff
    }
    method {
      __typename
      ... on PanelMethod {
        classes {
          key
          source
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSummaryQuery, ConsoleHallSummaryQueryVariables>;
export const ConsoleHallLiveDocument = new TypedDocumentString(`
    query ConsoleHallLive($roundId: ID!) {
  liveState(roundId: $roundId) {
    sequence
    serverTime
    stage {
      since
      pitchStartedAt
      pitchEndedAt
      pitchLimitSeconds
      entry {
        id
      }
    }
    reveal {
      sequence
      at
      total
      rank
      overtimeDeduction
      overrideReason
      entry {
        id
        order
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
      sheets {
        judgeLabel
        classKey
        total
        dropped
      }
      classResults {
        key
        label
        weight
        result
        sheetCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallLiveQuery, ConsoleHallLiveQueryVariables>;
export const ConsoleHallStageDocument = new TypedDocumentString(`
    query ConsoleHallStage($id: ID!) {
  round(id: $id) {
    id
    name
    status
    live {
      scoringGate
      pitchLimitSeconds
      overtime {
        perSeconds
        points
      }
      requireSignOff
    }
    entries {
      id
      order
      title
      group
      cadre {
        id
        name
      }
      unit {
        id
        name
      }
      stagedAt
      pitchStartedAt
      pitchSeconds
      overtimeDeduction
      bonus
      bonusReason
      revealedAt
      sheetCount
      expectedSheetCount
      total
      rank
    }
  }
  roundProgress(roundId: $id) {
    judges {
      judge {
        userId
        name
        label
      }
    }
    entries {
      expected
      received
      judgeStates
      entry {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallStageQuery, ConsoleHallStageQueryVariables>;
export const ConsoleHallSetOnStageDocument = new TypedDocumentString(`
    mutation ConsoleHallSetOnStage($roundId: ID!, $entryId: ID!) {
  setOnStage(roundId: $roundId, entryId: $entryId) {
    id
    stage {
      since
      entry {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSetOnStageMutation, ConsoleHallSetOnStageMutationVariables>;
export const ConsoleHallStartPitchDocument = new TypedDocumentString(`
    mutation ConsoleHallStartPitch($entryId: ID!) {
  startPitch(entryId: $entryId) {
    id
    pitchStartedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallStartPitchMutation, ConsoleHallStartPitchMutationVariables>;
export const ConsoleHallEndPitchDocument = new TypedDocumentString(`
    mutation ConsoleHallEndPitch($entryId: ID!) {
  endPitch(entryId: $entryId) {
    id
    pitchSeconds
    overtimeDeduction
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallEndPitchMutation, ConsoleHallEndPitchMutationVariables>;
export const ConsoleHallRevealDocument = new TypedDocumentString(`
    mutation ConsoleHallReveal($entryId: ID!, $overrideReason: String) {
  revealEntry(entryId: $entryId, overrideReason: $overrideReason) {
    sequence
    total
    rank
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallRevealMutation, ConsoleHallRevealMutationVariables>;
export const ConsoleHallSettingsDocument = new TypedDocumentString(`
    query ConsoleHallSettings($id: ID!) {
  round(id: $id) {
    id
    status
    live {
      scoringGate
      pitchLimitSeconds
      overtime {
        perSeconds
        points
      }
      requireSignOff
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSettingsQuery, ConsoleHallSettingsQueryVariables>;
export const ConsoleHallSetLiveDocument = new TypedDocumentString(`
    mutation ConsoleHallSetLive($roundId: ID!, $settings: LiveSettingsInput!) {
  setLiveSettings(roundId: $roundId, settings: $settings) {
    id
    live {
      scoringGate
      pitchLimitSeconds
      overtime {
        perSeconds
        points
      }
      requireSignOff
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSetLiveMutation, ConsoleHallSetLiveMutationVariables>;
export const ConsoleHallSeatsDocument = new TypedDocumentString(`
    query ConsoleHallSeats($id: ID!) {
  round(id: $id) {
    id
    name
    status
    method {
      __typename
      ... on PanelMethod {
        quorumMode
        classes {
          key
          label
          source
        }
      }
    }
    seats {
      id
      label
      name
      classKey
      status
      joinUrl
      joinCode
      joinedAt
      revokedAt
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSeatsQuery, ConsoleHallSeatsQueryVariables>;
export const ConsoleHallUnitsDocument = new TypedDocumentString(`
    query ConsoleHallUnits {
  units {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallUnitsQuery, ConsoleHallUnitsQueryVariables>;
export const ConsoleHallCreateSeatsDocument = new TypedDocumentString(`
    mutation ConsoleHallCreateSeats($roundId: ID!, $seats: [JudgeSeatInput!]!) {
  createJudgeSeats(roundId: $roundId, seats: $seats) {
    id
    label
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallCreateSeatsMutation, ConsoleHallCreateSeatsMutationVariables>;
export const ConsoleHallRevokeSeatDocument = new TypedDocumentString(`
    mutation ConsoleHallRevokeSeat($id: ID!) {
  revokeJudgeSeat(id: $id) {
    id
    status
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallRevokeSeatMutation, ConsoleHallRevokeSeatMutationVariables>;
export const ConsoleHallSeatCardsDocument = new TypedDocumentString(`
    query ConsoleHallSeatCards($id: ID!) {
  round(id: $id) {
    id
    name
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        classes {
          key
          label
        }
      }
    }
    seats {
      id
      label
      name
      classKey
      status
      joinUrl
      joinCode
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSeatCardsQuery, ConsoleHallSeatCardsQueryVariables>;
export const ConsoleHallSignOffsDocument = new TypedDocumentString(`
    query ConsoleHallSignOffs($id: ID!) {
  round(id: $id) {
    id
    status
    live {
      requireSignOff
    }
    method {
      __typename
      ... on PanelMethod {
        classes {
          key
          label
        }
      }
    }
    judges {
      userId
      name
      label
      classKey
      unit {
        id
        name
      }
    }
    seats {
      id
      label
      status
    }
    signOffs {
      at
      valid
      judge {
        userId
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSignOffsQuery, ConsoleHallSignOffsQueryVariables>;
export const ConsoleHallDeadlineDocument = new TypedDocumentString(`
    query ConsoleHallDeadline($from: DateTime!, $workingDays: Int!) {
  workingDayDeadline(from: $from, workingDays: $workingDays) {
    from
    workingDays
    endsAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallDeadlineQuery, ConsoleHallDeadlineQueryVariables>;
export const ConsoleHallPublishDocument = new TypedDocumentString(`
    mutation ConsoleHallPublish($id: ID!, $noticeWorkingDays: Int, $overrideReason: String) {
  publishRound(
    id: $id
    noticeWorkingDays: $noticeWorkingDays
    overrideReason: $overrideReason
  ) {
    id
    status
    noticeEndsAt
    final
    openObjectionCount
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallPublishMutation, ConsoleHallPublishMutationVariables>;
export const ConsoleHallNoticeDocument = new TypedDocumentString(`
    query ConsoleHallNotice($id: ID!) {
  round(id: $id) {
    id
    name
    status
    noticeEndsAt
    final
    openObjectionCount
    objections {
      id
      name
      contact
      grounds
      filedAt
      status
      response
      answeredAt
      answeredBy
      entry {
        id
        order
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
    publications {
      number
      publishedAt
      publishedBy
      noticeEndsAt
      noticeWorkingDays
      overrideReason
      revisionReason
      changes {
        totalBefore
        totalAfter
        rankBefore
        rankAfter
        entry {
          id
          order
          title
          cadre {
            name
          }
          unit {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallNoticeQuery, ConsoleHallNoticeQueryVariables>;
export const ConsoleHallAnswerObjectionDocument = new TypedDocumentString(`
    mutation ConsoleHallAnswerObjection($id: ID!, $outcome: ObjectionOutcome!, $response: String!) {
  answerObjection(id: $id, outcome: $outcome, response: $response) {
    id
    status
    response
    answeredAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallAnswerObjectionMutation, ConsoleHallAnswerObjectionMutationVariables>;
export const ConsoleHallReviseRoundDocument = new TypedDocumentString(`
    mutation ConsoleHallReviseRound($id: ID!, $objectionId: ID!) {
  reviseRound(id: $id, objectionId: $objectionId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallReviseRoundMutation, ConsoleHallReviseRoundMutationVariables>;
export const ConsoleHallCalendarDocument = new TypedDocumentString(`
    query ConsoleHallCalendar($year: Int!) {
  calendarDays(year: $year) {
    date
    workday
    name
    addedBy
    addedAt
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallCalendarQuery, ConsoleHallCalendarQueryVariables>;
export const ConsoleHallSetCalendarDaysDocument = new TypedDocumentString(`
    mutation ConsoleHallSetCalendarDays($days: [CalendarDayInput!]!) {
  setCalendarDays(days: $days) {
    date
    workday
    name
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSetCalendarDaysMutation, ConsoleHallSetCalendarDaysMutationVariables>;
export const ConsoleHallReissueSeatDocument = new TypedDocumentString(`
    mutation ConsoleHallReissueSeat($id: ID!) {
  reissueJudgeSeat(id: $id) {
    id
    label
    name
    status
    joinCode
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallReissueSeatMutation, ConsoleHallReissueSeatMutationVariables>;
export const ConsoleHallSetBonusDocument = new TypedDocumentString(`
    mutation ConsoleHallSetBonus($entryId: ID!, $points: Float!, $reason: String!) {
  setEntryBonus(entryId: $entryId, points: $points, reason: $reason) {
    id
    bonus
    bonusReason
    total
  }
}
    `) as unknown as TypedDocumentString<ConsoleHallSetBonusMutation, ConsoleHallSetBonusMutationVariables>;
export const LiveNoticeBoardDocument = new TypedDocumentString(`
    query LiveNoticeBoard($roundId: ID!) {
  noticeBoard(roundId: $roundId) {
    roundId
    roundName
    competitionName
    noticeEndsAt
    open
    entries {
      id
      name
      title
      unitName
      total
      rank
    }
  }
}
    `) as unknown as TypedDocumentString<LiveNoticeBoardQuery, LiveNoticeBoardQueryVariables>;
export const LiveFileObjectionDocument = new TypedDocumentString(`
    mutation LiveFileObjection($input: ObjectionInput!) {
  fileObjection(input: $input) {
    id
    filedAt
    status
  }
}
    `) as unknown as TypedDocumentString<LiveFileObjectionMutation, LiveFileObjectionMutationVariables>;
export const LiveJoinRoundDocument = new TypedDocumentString(`
    mutation LiveJoinRound($code: String!, $device: String) {
  joinRound(code: $code, device: $device) {
    token
    expiresAt
    seat {
      id
      label
      name
      classKey
    }
    round {
      id
      name
      competition {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveJoinRoundMutation, LiveJoinRoundMutationVariables>;
export const PhoneLiveStateDocument = new TypedDocumentString(`
    query PhoneLiveState($roundId: ID!) {
  liveState(roundId: $roundId) {
    sequence
    round {
      id
      status
    }
    stage {
      since
      entry {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PhoneLiveStateQuery, PhoneLiveStateQueryVariables>;
export const JudgeHallDocument = new TypedDocumentString(`
    query JudgeHall($id: ID!) {
  round(id: $id) {
    id
    status
    live {
      scoringGate
      requireSignOff
    }
    entries {
      id
      scoringOpen
      stagedAt
      pitchStartedAt
      revealedAt
    }
    signOffs {
      at
      valid
      judge {
        userId
        label
      }
    }
  }
}
    `) as unknown as TypedDocumentString<JudgeHallQuery, JudgeHallQueryVariables>;
export const LiveSignOffDocument = new TypedDocumentString(`
    mutation LiveSignOff($roundId: ID!) {
  signOffSheets(roundId: $roundId) {
    at
    valid
    judge {
      userId
      label
    }
  }
}
    `) as unknown as TypedDocumentString<LiveSignOffMutation, LiveSignOffMutationVariables>;
export const ScreenLiveStateDocument = new TypedDocumentString(`
    query ScreenLiveState($roundId: ID!) {
  liveState(roundId: $roundId) {
    sequence
    serverTime
    stage {
      since
      pitchStartedAt
      pitchEndedAt
      pitchLimitSeconds
      entry {
        id
        order
        title
        group
        cadre {
          name
          position
        }
        unit {
          name
        }
      }
    }
    reveal {
      sequence
      at
      overtimeDeduction
      total
      rank
      sheets {
        judgeLabel
        classKey
        total
        dropped
      }
      classResults {
        key
        label
        weight
        result
        sheetCount
        source
      }
      entry {
        id
        order
        title
        group
        cadre {
          name
          position
        }
        unit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenLiveStateQuery, ScreenLiveStateQueryVariables>;
export const IndicatorSetListDocument = new TypedDocumentString(`
    query IndicatorSetList {
  indicatorSets(first: 50) {
    edges {
      node {
        ...IndicatorSetSummary
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    fragment IndicatorSetSummary on IndicatorSet {
  id
  version
  name
  fullMark
  sections {
    key
    label
    fullMark
  }
  indicators {
    key
    label
    section
    unit
    weight
    method
    ratio
  }
}`) as unknown as TypedDocumentString<IndicatorSetListQuery, IndicatorSetListQueryVariables>;
export const IndicatorSetDetailDocument = new TypedDocumentString(`
    query IndicatorSetDetail($id: ID!) {
  indicatorSet(id: $id) {
    ...IndicatorSetFields
  }
}
    fragment IndicatorSetFields on IndicatorSet {
  id
  version
  name
  fullMark
  createdAt
  sections {
    key
    label
    fullMark
    weight
  }
  indicators {
    key
    label
    section
    unit
    weight
    direction
    method
    satisfactory
    disallowed
    target
    cap
    floor
    partial
    step
    lowest
    pointsEach
    ratio
    zeroDenominator
  }
}`) as unknown as TypedDocumentString<IndicatorSetDetailQuery, IndicatorSetDetailQueryVariables>;
export const CreateIndicatorSetDocument = new TypedDocumentString(`
    mutation CreateIndicatorSet($input: IndicatorSetInput!) {
  createIndicatorSet(input: $input) {
    ...IndicatorSetFields
  }
}
    fragment IndicatorSetFields on IndicatorSet {
  id
  version
  name
  fullMark
  createdAt
  sections {
    key
    label
    fullMark
    weight
  }
  indicators {
    key
    label
    section
    unit
    weight
    direction
    method
    satisfactory
    disallowed
    target
    cap
    floor
    partial
    step
    lowest
    pointsEach
    ratio
    zeroDenominator
  }
}`) as unknown as TypedDocumentString<CreateIndicatorSetMutation, CreateIndicatorSetMutationVariables>;
export const UpdateIndicatorSetDocument = new TypedDocumentString(`
    mutation UpdateIndicatorSet($id: ID!, $input: IndicatorSetInput!) {
  updateIndicatorSet(id: $id, input: $input) {
    ...IndicatorSetFields
  }
}
    fragment IndicatorSetFields on IndicatorSet {
  id
  version
  name
  fullMark
  createdAt
  sections {
    key
    label
    fullMark
    weight
  }
  indicators {
    key
    label
    section
    unit
    weight
    direction
    method
    satisfactory
    disallowed
    target
    cap
    floor
    partial
    step
    lowest
    pointsEach
    ratio
    zeroDenominator
  }
}`) as unknown as TypedDocumentString<UpdateIndicatorSetMutation, UpdateIndicatorSetMutationVariables>;
export const IndicatorRoundDocument = new TypedDocumentString(`
    query IndicatorRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    entryCount
    method {
      __typename
      ... on IndicatorsMethod {
        period
        bonusCap
        penaltyCap
        boards {
          red
          black
          mostImproved
        }
        indicatorSet {
          ...IndicatorSetFields
        }
      }
    }
    entries {
      id
      order
      title
      unit {
        id
        name
      }
    }
  }
}
    fragment IndicatorSetFields on IndicatorSet {
  id
  version
  name
  fullMark
  createdAt
  sections {
    key
    label
    fullMark
    weight
  }
  indicators {
    key
    label
    section
    unit
    weight
    direction
    method
    satisfactory
    disallowed
    target
    cap
    floor
    partial
    step
    lowest
    pointsEach
    ratio
    zeroDenominator
  }
}`) as unknown as TypedDocumentString<IndicatorRoundQuery, IndicatorRoundQueryVariables>;
export const RoundIndicatorValuesDocument = new TypedDocumentString(`
    query RoundIndicatorValues($roundId: ID!, $status: IndicatorValueStatus) {
  indicatorValues(roundId: $roundId, status: $status) {
    id
    value
    numerator
    denominator
    measured
    status
    enteredBy
    enteredByName
    enteredAt
    verifiedBy
    verifiedByName
    verifiedAt
  }
}
    `) as unknown as TypedDocumentString<RoundIndicatorValuesQuery, RoundIndicatorValuesQueryVariables>;
export const SubmitIndicatorValuesDocument = new TypedDocumentString(`
    mutation SubmitIndicatorValues($roundId: ID!, $values: [IndicatorValueInput!]!, $clientRequestId: String) {
  submitIndicatorValues(
    roundId: $roundId
    values: $values
    clientRequestId: $clientRequestId
  ) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitIndicatorValuesMutation, SubmitIndicatorValuesMutationVariables>;
export const VerifyIndicatorValuesDocument = new TypedDocumentString(`
    mutation VerifyIndicatorValues($roundId: ID!, $ids: [ID!]!) {
  verifyIndicatorValues(roundId: $roundId, ids: $ids) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<VerifyIndicatorValuesMutation, VerifyIndicatorValuesMutationVariables>;
export const RoundAdjustmentsDocument = new TypedDocumentString(`
    query RoundAdjustments($roundId: ID!) {
  adjustments(roundId: $roundId) {
    id
    kind
    points
    reason
    evidence
    status
    proposedBy
    proposedByName
    proposedAt
    approvedBy
    approvedByName
    approvedAt
  }
}
    `) as unknown as TypedDocumentString<RoundAdjustmentsQuery, RoundAdjustmentsQueryVariables>;
export const AddAdjustmentDocument = new TypedDocumentString(`
    mutation AddAdjustment($entryId: ID!, $input: AdjustmentInput!) {
  addAdjustment(entryId: $entryId, input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<AddAdjustmentMutation, AddAdjustmentMutationVariables>;
export const ApproveAdjustmentDocument = new TypedDocumentString(`
    mutation ApproveAdjustment($id: ID!) {
  approveAdjustment(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ApproveAdjustmentMutation, ApproveAdjustmentMutationVariables>;
export const DirectoryUnitsDocument = new TypedDocumentString(`
    query DirectoryUnits {
  units {
    ...DirectoryUnit
  }
}
    fragment DirectoryUnit on Unit {
  id
  name
  kind
  parent {
    id
  }
}`) as unknown as TypedDocumentString<DirectoryUnitsQuery, DirectoryUnitsQueryVariables>;
export const DirectoryCadresDocument = new TypedDocumentString(`
    query DirectoryCadres($unitId: ID, $search: String, $first: Int, $after: String) {
  cadres(unitId: $unitId, search: $search, first: $first, after: $after) {
    edges {
      node {
        ...DirectoryCadre
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment DirectoryCadre on Cadre {
  id
  name
  position
  grade
  birthYear
  unit {
    id
  }
}`) as unknown as TypedDocumentString<DirectoryCadresQuery, DirectoryCadresQueryVariables>;
export const DirectoryChangeLogDocument = new TypedDocumentString(`
    query DirectoryChangeLog($subjectId: ID!) {
  changeLog(subjectId: $subjectId) {
    subjectKind
    actorId
    at
    before
    after
  }
}
    `) as unknown as TypedDocumentString<DirectoryChangeLogQuery, DirectoryChangeLogQueryVariables>;
export const DirectoryCreateUnitDocument = new TypedDocumentString(`
    mutation DirectoryCreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) {
    ...DirectoryUnit
  }
}
    fragment DirectoryUnit on Unit {
  id
  name
  kind
  parent {
    id
  }
}`) as unknown as TypedDocumentString<DirectoryCreateUnitMutation, DirectoryCreateUnitMutationVariables>;
export const DirectoryUpdateUnitDocument = new TypedDocumentString(`
    mutation DirectoryUpdateUnit($id: ID!, $input: UpdateUnitInput!) {
  updateUnit(id: $id, input: $input) {
    ...DirectoryUnit
  }
}
    fragment DirectoryUnit on Unit {
  id
  name
  kind
  parent {
    id
  }
}`) as unknown as TypedDocumentString<DirectoryUpdateUnitMutation, DirectoryUpdateUnitMutationVariables>;
export const DirectoryUpsertCadresDocument = new TypedDocumentString(`
    mutation DirectoryUpsertCadres($input: [CadreInput!]!) {
  upsertCadres(input: $input) {
    ...DirectoryCadre
  }
}
    fragment DirectoryCadre on Cadre {
  id
  name
  position
  grade
  birthYear
  unit {
    id
  }
}`) as unknown as TypedDocumentString<DirectoryUpsertCadresMutation, DirectoryUpsertCadresMutationVariables>;
export const ConsoleCompetitionsDocument = new TypedDocumentString(`
    query ConsoleCompetitions {
  competitions(first: 50) {
    edges {
      node {
        id
        name
        description
        archivedAt
        createdAt
        rounds {
          id
          name
          status
          leaderboardVisibility
          entryCount
          archivedAt
          createdAt
          method {
            __typename
            ... on PanelMethod {
              rubric {
                id
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConsoleCompetitionsQuery, ConsoleCompetitionsQueryVariables>;
export const ArchivedListingDocument = new TypedDocumentString(`
    query ArchivedListing {
  archived: competitions(first: 50, archived: true) {
    edges {
      node {
        id
        name
        description
        archivedAt
        createdAt
        rounds {
          id
          name
          status
          leaderboardVisibility
          entryCount
          archivedAt
          createdAt
          method {
            __typename
            ... on PanelMethod {
              rubric {
                id
              }
            }
          }
        }
        archivedRounds: rounds(archived: true) {
          id
          name
          status
          leaderboardVisibility
          entryCount
          archivedAt
          createdAt
          method {
            __typename
            ... on PanelMethod {
              rubric {
                id
              }
            }
          }
        }
      }
    }
  }
  active: competitions(first: 50) {
    edges {
      node {
        id
        archivedRounds: rounds(archived: true) {
          id
          name
          status
          leaderboardVisibility
          entryCount
          archivedAt
          createdAt
          method {
            __typename
            ... on PanelMethod {
              rubric {
                id
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ArchivedListingQuery, ArchivedListingQueryVariables>;
export const RoundConsoleDocument = new TypedDocumentString(`
    query RoundConsole($id: ID!) {
  round(id: $id) {
    id
    name
    status
    leaderboardVisibility
    entryCount
    archivedAt
    createdAt
    method {
      __typename
      ... on PanelMethod {
        quorum
        quorumMode
        tieBreakers
        trimHighest
        trimLowest
        trimScope
        aggregate
        normalization
        rubric {
          id
          name
          version
          maxTotal
          criteria {
            key
            label
            maxScore
            weight
          }
        }
      }
    }
    competition {
      id
      name
      rounds {
        id
        name
        status
      }
    }
    entries {
      id
      order
      title
      group
      cadre {
        id
        name
        unit {
          id
          name
        }
      }
      unit {
        id
        name
      }
    }
    judges {
      userId
      name
      label
      unit {
        id
        name
      }
    }
    amendmentCount
    amendments {
      action
      judge
      judgeLabel
      actorId
      reason
      totalBefore
      totalAfter
      at
      entry {
        id
        order
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoundConsoleQuery, RoundConsoleQueryVariables>;
export const RoundDrawsDocument = new TypedDocumentString(`
    query RoundDraws($id: ID!) {
  round(id: $id) {
    id
    draws {
      seed
      algorithm
      drawnBy
      drawnAt
      entries {
        id
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoundDrawsQuery, RoundDrawsQueryVariables>;
export const RoundRejectedSheetsDocument = new TypedDocumentString(`
    query RoundRejectedSheets($id: ID!) {
  round(id: $id) {
    id
    rejectedSheetCount
    rejectedSheets {
      id
      judge
      judgeLabel
      comment
      reason
      enteredAt
      at
      scores {
        criterion
        score
      }
      entry {
        id
        order
        title
        cadre {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RoundRejectedSheetsQuery, RoundRejectedSheetsQueryVariables>;
export const MissingSheetsDocument = new TypedDocumentString(`
    query MissingSheets($roundId: ID!) {
  roundProgress(roundId: $roundId) {
    expected
    received
    judges {
      judge {
        userId
        name
        label
      }
    }
    entries {
      judgeStates
      entry {
        id
        order
        title
        cadre {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MissingSheetsQuery, MissingSheetsQueryVariables>;
export const PickerCadresDocument = new TypedDocumentString(`
    query PickerCadres($unitId: ID, $search: String, $after: String) {
  cadres(unitId: $unitId, search: $search, first: 100, after: $after) {
    edges {
      node {
        id
        name
        position
        unit {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PickerCadresQuery, PickerCadresQueryVariables>;
export const CreateRoundWithRuleDocument = new TypedDocumentString(`
    mutation CreateRoundWithRule($input: CreateRoundInput!) {
  createRound(input: $input) {
    id
    name
    status
  }
}
    `) as unknown as TypedDocumentString<CreateRoundWithRuleMutation, CreateRoundWithRuleMutationVariables>;
export const UpdateRoundRuleDocument = new TypedDocumentString(`
    mutation UpdateRoundRule($id: ID!, $input: UpdateRoundInput!) {
  updateRound(id: $id, input: $input) {
    id
    name
    status
  }
}
    `) as unknown as TypedDocumentString<UpdateRoundRuleMutation, UpdateRoundRuleMutationVariables>;
export const UpdateEntryDocument = new TypedDocumentString(`
    mutation UpdateEntry($id: ID!, $input: UpdateEntryInput!) {
  updateEntry(id: $id, input: $input) {
    id
    order
    title
    group
  }
}
    `) as unknown as TypedDocumentString<UpdateEntryMutation, UpdateEntryMutationVariables>;
export const RemoveEntryDocument = new TypedDocumentString(`
    mutation RemoveEntry($id: ID!) {
  removeEntry(id: $id) {
    id
    entryCount
  }
}
    `) as unknown as TypedDocumentString<RemoveEntryMutation, RemoveEntryMutationVariables>;
export const ReorderEntriesDocument = new TypedDocumentString(`
    mutation ReorderEntries($roundId: ID!, $entryIds: [ID!]!) {
  reorderEntries(roundId: $roundId, entryIds: $entryIds) {
    id
    order
  }
}
    `) as unknown as TypedDocumentString<ReorderEntriesMutation, ReorderEntriesMutationVariables>;
export const DrawPitchOrderDocument = new TypedDocumentString(`
    mutation DrawPitchOrder($roundId: ID!, $seed: String) {
  drawPitchOrder(roundId: $roundId, seed: $seed) {
    seed
    drawnAt
  }
}
    `) as unknown as TypedDocumentString<DrawPitchOrderMutation, DrawPitchOrderMutationVariables>;
export const DeleteRoundDocument = new TypedDocumentString(`
    mutation DeleteRound($id: ID!) {
  deleteRound(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteRoundMutation, DeleteRoundMutationVariables>;
export const DeleteCompetitionDocument = new TypedDocumentString(`
    mutation DeleteCompetition($id: ID!) {
  deleteCompetition(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteCompetitionMutation, DeleteCompetitionMutationVariables>;
export const ArchiveRoundDocument = new TypedDocumentString(`
    mutation ArchiveRound($id: ID!, $archived: Boolean!) {
  archiveRound(id: $id, archived: $archived) {
    id
    archivedAt
  }
}
    `) as unknown as TypedDocumentString<ArchiveRoundMutation, ArchiveRoundMutationVariables>;
export const ArchiveCompetitionDocument = new TypedDocumentString(`
    mutation ArchiveCompetition($id: ID!, $archived: Boolean!) {
  archiveCompetition(id: $id, archived: $archived) {
    id
    archivedAt
  }
}
    `) as unknown as TypedDocumentString<ArchiveCompetitionMutation, ArchiveCompetitionMutationVariables>;
export const RatingsRoundDocument = new TypedDocumentString(`
    query RatingsRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    leaderboardVisibility
    competition {
      id
      name
    }
    method {
      __typename
      ...RatingsMethodFields
    }
    entries {
      id
      order
      title
      rank
      total
      sheetCount
      unit {
        id
        name
      }
    }
  }
}
    fragment RatingsMethodFields on RatingsMethod {
  period
  scale
  reasons
  minRatings
  rankBy
  callbackWorkingDays
  rectificationWorkingDays
}`) as unknown as TypedDocumentString<RatingsRoundQuery, RatingsRoundQueryVariables>;
export const UnitRatingFiguresDocument = new TypedDocumentString(`
    query UnitRatingFigures($roundId: ID!, $unitId: ID!) {
  ratingFigures(roundId: $roundId, unitId: $unitId) {
    ...RatingFiguresFields
  }
}
    fragment RatingFiguresFields on RatingFigures {
  count
  byLevel {
    level
    count
  }
  satisfactionRate
  badRate
  wilsonLower
  callbackRate
  rectificationRate
  onTimeRate
  removedByAppeal
}`) as unknown as TypedDocumentString<UnitRatingFiguresQuery, UnitRatingFiguresQueryVariables>;
export const VerifyRatingsDocument = new TypedDocumentString(`
    query VerifyRatings($roundId: ID!) {
  verifyRatings(roundId: $roundId) {
    ok
    counted
    stored
  }
}
    `) as unknown as TypedDocumentString<VerifyRatingsQuery, VerifyRatingsQueryVariables>;
export const RefreshRatingsDocument = new TypedDocumentString(`
    mutation RefreshRatings($roundId: ID!) {
  refreshRatings(roundId: $roundId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RefreshRatingsMutation, RefreshRatingsMutationVariables>;
export const RatingCampaignsDocument = new TypedDocumentString(`
    query RatingCampaigns {
  competitions(first: 50) {
    edges {
      node {
        id
        name
        rounds {
          id
          name
          status
          method {
            __typename
            ... on RatingsMethod {
              period
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RatingCampaignsQuery, RatingCampaignsQueryVariables>;
export const UnitServicePointsDocument = new TypedDocumentString(`
    query UnitServicePoints($unitId: ID!) {
  servicePoints(unitId: $unitId) {
    ...ServicePointFields
  }
}
    fragment ServicePointFields on ServicePoint {
  id
  name
  kind
  code
  ratingUrl
  rotatedAt
  createdAt
  unit {
    id
    name
  }
}`) as unknown as TypedDocumentString<UnitServicePointsQuery, UnitServicePointsQueryVariables>;
export const CreateServicePointsDocument = new TypedDocumentString(`
    mutation CreateServicePoints($input: CreateServicePointsInput!) {
  createServicePoints(input: $input) {
    ...ServicePointFields
  }
}
    fragment ServicePointFields on ServicePoint {
  id
  name
  kind
  code
  ratingUrl
  rotatedAt
  createdAt
  unit {
    id
    name
  }
}`) as unknown as TypedDocumentString<CreateServicePointsMutation, CreateServicePointsMutationVariables>;
export const RotateServicePointCodeDocument = new TypedDocumentString(`
    mutation RotateServicePointCode($id: ID!) {
  rotateServicePointCode(id: $id) {
    ...ServicePointFields
  }
}
    fragment ServicePointFields on ServicePoint {
  id
  name
  kind
  code
  ratingUrl
  rotatedAt
  createdAt
  unit {
    id
    name
  }
}`) as unknown as TypedDocumentString<RotateServicePointCodeMutation, RotateServicePointCodeMutationVariables>;
export const MoveServicePointDocument = new TypedDocumentString(`
    mutation MoveServicePoint($id: ID!, $unitId: ID!) {
  moveServicePoint(id: $id, unitId: $unitId) {
    ...ServicePointFields
  }
}
    fragment ServicePointFields on ServicePoint {
  id
  name
  kind
  code
  ratingUrl
  rotatedAt
  createdAt
  unit {
    id
    name
  }
}`) as unknown as TypedDocumentString<MoveServicePointMutation, MoveServicePointMutationVariables>;
export const RevealRatingPhoneDocument = new TypedDocumentString(`
    mutation RevealRatingPhone($caseId: ID!, $purpose: String!) {
  revealRatingPhone(caseId: $caseId, purpose: $purpose) {
    phone
    revealedAt
  }
}
    `) as unknown as TypedDocumentString<RevealRatingPhoneMutation, RevealRatingPhoneMutationVariables>;
export const RatingCasesDocument = new TypedDocumentString(`
    query RatingCases($roundId: ID!, $filter: RatingCaseFilter) {
  ratingCases(roundId: $roundId, filter: $filter) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<RatingCasesQuery, RatingCasesQueryVariables>;
export const RecordCallbackDocument = new TypedDocumentString(`
    mutation RecordCallback($caseId: ID!, $note: String!, $evidence: String) {
  recordCallback(caseId: $caseId, note: $note, evidence: $evidence) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<RecordCallbackMutation, RecordCallbackMutationVariables>;
export const VerifyCaseDocument = new TypedDocumentString(`
    mutation VerifyCase($caseId: ID!, $substantiated: Boolean!, $note: String!, $evidence: String) {
  verifyCase(
    caseId: $caseId
    substantiated: $substantiated
    note: $note
    evidence: $evidence
  ) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<VerifyCaseMutation, VerifyCaseMutationVariables>;
export const RecordRectificationDocument = new TypedDocumentString(`
    mutation RecordRectification($caseId: ID!, $note: String!, $evidence: String) {
  recordRectification(caseId: $caseId, note: $note, evidence: $evidence) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<RecordRectificationMutation, RecordRectificationMutationVariables>;
export const CloseCaseDocument = new TypedDocumentString(`
    mutation CloseCase($caseId: ID!, $note: String!, $evidence: String) {
  closeCase(caseId: $caseId, note: $note, evidence: $evidence) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<CloseCaseMutation, CloseCaseMutationVariables>;
export const AppealCaseDocument = new TypedDocumentString(`
    mutation AppealCase($caseId: ID!, $grounds: String!) {
  appealCase(caseId: $caseId, grounds: $grounds) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<AppealCaseMutation, AppealCaseMutationVariables>;
export const DecideAppealDocument = new TypedDocumentString(`
    mutation DecideAppeal($caseId: ID!, $upheld: Boolean!, $reason: String!) {
  decideAppeal(caseId: $caseId, upheld: $upheld, reason: $reason) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<DecideAppealMutation, DecideAppealMutationVariables>;
export const RecordAccountabilityDocument = new TypedDocumentString(`
    mutation RecordAccountability($caseId: ID!, $person: String!, $measure: String!, $decidedBy: String!) {
  recordAccountability(
    caseId: $caseId
    person: $person
    measure: $measure
    decidedBy: $decidedBy
  ) {
    ...RatingCaseFields
  }
}
    fragment RatingCaseFields on RatingCase {
  id
  status
  callbackDueAt
  rectificationDueAt
  overdue
  dueSoon
  appealOutcome
  allowedActions
  unit {
    id
    name
  }
  escalatedTo {
    id
    name
  }
  rating {
    id
    level
    reasons
    comment
    phone
    receivedAt
    counted
    point {
      id
      name
      kind
    }
  }
  steps {
    status
    note
    evidence
    by
    at
  }
  accountability {
    person
    measure
    decidedBy
    at
  }
  phoneReveals {
    by
    at
    purpose
  }
}`) as unknown as TypedDocumentString<RecordAccountabilityMutation, RecordAccountabilityMutationVariables>;
export const ImportRatingsDocument = new TypedDocumentString(`
    mutation ImportRatings($roundId: ID!, $ratings: [ImportedRatingInput!]!) {
  importRatings(roundId: $roundId, ratings: $ratings) {
    imported
    duplicates
    duplicateRefs
  }
}
    `) as unknown as TypedDocumentString<ImportRatingsMutation, ImportRatingsMutationVariables>;
export const ResultsRoundDocument = new TypedDocumentString(`
    query ResultsRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    entryCount
    resultsFinalizedAt
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        trimHighest
        trimLowest
        trimScope
        aggregate
        normalization
        quorum
        quorumMode
        tieBreakers
        rubric {
          id
          name
          version
          maxTotal
          criteria {
            key
            label
            maxScore
            weight
          }
        }
      }
      ... on IndicatorsMethod {
        period
        bonusCap
        penaltyCap
        boards {
          red
          black
          mostImproved
        }
        indicatorSet {
          id
          name
          version
          fullMark
          sections {
            key
            label
            fullMark
            weight
          }
          indicators {
            key
            label
            section
            unit
            weight
            direction
            method
            satisfactory
            disallowed
            target
            cap
            floor
            partial
            step
            lowest
            pointsEach
            ratio
            zeroDenominator
          }
        }
      }
      ... on RatingsMethod {
        period
        scale
        minRatings
        rankBy
      }
    }
    judges {
      userId
      name
      label
    }
    entries {
      id
      group
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsRoundQuery, ResultsRoundQueryVariables>;
export const ResultsLeaderboardDocument = new TypedDocumentString(`
    query ResultsLeaderboard($roundId: ID!, $group: String, $after: String) {
  leaderboard(roundId: $roundId, group: $group, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        rank
        total
        sheetCount
        entry {
          id
          order
          title
          group
          expectedSheetCount
          previousRank
          rankChange
          vetoed
          cadre {
            name
          }
          unit {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsLeaderboardQuery, ResultsLeaderboardQueryVariables>;
export const ResultsAssessmentDocument = new TypedDocumentString(`
    query ResultsAssessment($entryId: ID!) {
  assessment(entryId: $entryId) {
    total
    rawTotal
    rank
    sheetCount
    sheetsVisible
    trimHighest
    trimLowest
    trimScope
    aggregate
    normalization
    entry {
      id
      order
      title
      group
      bonus
      overtimeDeduction
      classResults {
        key
        label
        weight
        result
        sheetCount
        source
      }
      cadre {
        id
        name
        position
      }
      unit {
        id
        name
      }
      round {
        id
      }
    }
    criteria {
      criterion
      label
      maxScore
      weight
      mean
    }
    sheets {
      id
      judge
      judgeLabel
      total
      trimmed
      trimmedMarks
      normalizedTotal
      marks {
        criterion
        score
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsAssessmentQuery, ResultsAssessmentQueryVariables>;
export const ResultsJudgeStatsDocument = new TypedDocumentString(`
    query ResultsJudgeStats($roundId: ID!) {
  judgeStats(roundId: $roundId) {
    sheetCount
    mean
    spread
    meanDeviation
    deviationZ
    outlier
    judge {
      userId
      name
      label
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsJudgeStatsQuery, ResultsJudgeStatsQueryVariables>;
export const ResultsVerificationDocument = new TypedDocumentString(`
    query ResultsVerification($roundId: ID!) {
  verifyRound(roundId: $roundId) {
    ok
    checkedEntries
    checkedSheets
    mismatches {
      entryId
      field
      expected
      actual
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsVerificationQuery, ResultsVerificationQueryVariables>;
export const ResultsIndicatorAssessmentDocument = new TypedDocumentString(`
    query ResultsIndicatorAssessment($entryId: ID!) {
  indicatorAssessment(entryId: $entryId) {
    rank
    total
    base
    bonus
    penalty
    vetoed
    sections {
      score
      section {
        key
      }
    }
    indicators {
      measured
      score
      points
      indicator {
        key
      }
      value {
        value
        numerator
        denominator
        status
      }
    }
    adjustments {
      id
      kind
      points
      reason
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsIndicatorAssessmentQuery, ResultsIndicatorAssessmentQueryVariables>;
export const ResultsVetoReasonDocument = new TypedDocumentString(`
    query ResultsVetoReason($entryId: ID!) {
  indicatorAssessment(entryId: $entryId) {
    vetoed
    adjustments {
      id
      kind
      reason
      status
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsVetoReasonQuery, ResultsVetoReasonQueryVariables>;
export const ResultsBoardsDocument = new TypedDocumentString(`
    query ResultsBoards($roundId: ID!) {
  boards(roundId: $roundId) {
    red {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
    black {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
    mostImproved {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsBoardsQuery, ResultsBoardsQueryVariables>;
export const ResultsAlertsDocument = new TypedDocumentString(`
    query ResultsAlerts($competitionId: ID!) {
  competition(id: $competitionId) {
    id
    alertRule {
      bottom
      consecutive
    }
  }
  alerts(competitionId: $competitionId) {
    entry {
      id
      title
      rank
      previousRank
      total
      cadre {
        name
      }
      unit {
        name
      }
    }
    rounds {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ResultsAlertsQuery, ResultsAlertsQueryVariables>;
export const ScreenBoardRoundDocument = new TypedDocumentString(`
    query ScreenBoardRound($id: ID!) {
  round(id: $id) {
    id
    name
    status
    leaderboardVisibility
    competition {
      id
      name
    }
    method {
      __typename
      ... on PanelMethod {
        rubric {
          maxTotal
        }
      }
      ... on IndicatorsMethod {
        period
        boards {
          red
          black
          mostImproved
        }
        indicatorSet {
          id
          indicators {
            key
          }
        }
      }
      ... on RatingsMethod {
        period
        minRatings
        rankBy
      }
    }
    entries {
      id
      order
      title
      group
      sheetCount
      expectedSheetCount
      cadre {
        name
      }
      unit {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenBoardRoundQuery, ScreenBoardRoundQueryVariables>;
export const ScreenBoardDocument = new TypedDocumentString(`
    query ScreenBoard($roundId: ID!, $group: String, $after: String) {
  leaderboard(roundId: $roundId, group: $group, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        rank
        total
        sheetCount
        entry {
          id
          order
          title
          group
          expectedSheetCount
          previousRank
          rankChange
          vetoed
          cadre {
            name
          }
          unit {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenBoardQuery, ScreenBoardQueryVariables>;
export const ScreenBoardsDocument = new TypedDocumentString(`
    query ScreenBoards($roundId: ID!) {
  boards(roundId: $roundId) {
    red {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        order
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
    black {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        order
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
    mostImproved {
      rank
      total
      previousRank
      rankChange
      vetoed
      entry {
        id
        order
        title
        cadre {
          name
        }
        unit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ScreenBoardsQuery, ScreenBoardsQueryVariables>;