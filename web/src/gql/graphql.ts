/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Aggregate =
  | 'MEAN'
  | 'MEDIAN';

export type AmendmentAction =
  /** A conflict of interest was set, withdrawing the judge's sheet if there was one. */
  | 'CONFLICT_SET'
  /** A sheet was voided. */
  | 'SHEET_VOIDED';

export type CadreInput = {
  birthYear?: number | null | undefined;
  grade?: string | null | undefined;
  /** Stable id chosen by the organizer (e.g. an HR number): letters, digits, '_' and '-'. */
  id: string;
  name: string;
  position?: string | null | undefined;
  unitId: string;
};

/** Why a judge may not score an entry: the same codes a refused submission carries as its reason. */
export type ConflictReason =
  /** The judge declared a conflict. */
  | 'CONFLICT_DECLARED'
  /** The entry belongs to the judge's own unit. */
  | 'CONFLICT_SAME_UNIT'
  /** The organizer set one. */
  | 'CONFLICT_SET';

export type CreateCompetitionInput = {
  description?: string | null | undefined;
  name: string;
  /** Default: SUM. */
  standingsRule?: StandingsRuleInput | null | undefined;
};

export type CreateRoundInput = {
  aggregate?: Aggregate | null | undefined;
  competitionId: string;
  leaderboardVisibility?: LeaderboardVisibility | null | undefined;
  name: string;
  normalization?: Normalization | null | undefined;
  quorum?: number | null | undefined;
  quorumMode?: QuorumMode | null | undefined;
  rubricId: string;
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

export type JudgeInput = {
  name: string;
  unitId?: string | null | undefined;
  /** The judge's token subject (`sub`). */
  userId: string;
};

/** Who besides the competition's organizers may see a round's scores, ranks and assessments. */
export type LeaderboardVisibility =
  /** Once the round is closed (default). */
  | 'AFTER_CLOSE'
  /** Once the round is published. */
  | 'AFTER_PUBLISH'
  /** As soon as the round opens (a live big screen). */
  | 'LIVE';

export type MarkInput = {
  criterion: string;
  score: number;
};

export type Normalization =
  | 'NONE'
  /** Each judge's totals standardised over the entries they scored, mapped onto the panel's mean and spread; applied at close. */
  | 'ZSCORE';

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

export type Role =
  | 'judge'
  | 'organizer'
  | 'viewer';

export type RoundStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN'
  | 'PUBLISHED';

export type RoundWeightInput = {
  roundId: string;
  weight: number;
};

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

/** Only the fields given change. */
export type UpdateRoundInput = {
  aggregate?: Aggregate | null | undefined;
  leaderboardVisibility?: LeaderboardVisibility | null | undefined;
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

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, roles: Array<Role> } };

export type MyAssignmentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyAssignmentsQuery = { myAssignments: Array<{ id: string, name: string, status: RoundStatus, entryCount: number, competition: { id: string, name: string }, mySheets: Array<{ id: string }> }> };

export type JudgeRoundQueryVariables = Exact<{
  id: string;
}>;


export type JudgeRoundQuery = { round: { id: string, name: string, status: RoundStatus, competition: { id: string, name: string }, rubric: { id: string, name: string, version: number, maxTotal: number, criteria: Array<{ key: string, label: string, description: string | null, maxScore: number, weight: number, step: number }> }, entries: Array<{ id: string, order: number, title: string, group: string | null, myConflict: ConflictReason | null, cadre: { id: string, name: string, position: string | null, unit: { id: string, name: string } } | null, unit: { id: string, name: string } | null, mySheet: { id: string, total: number, version: number, submittedAt: string, comment: string | null, scores: Array<{ criterion: string, score: number }> } | null }> } | null };

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


export type CompetitionsQuery = { competitions: { edges: Array<{ node: { id: string, name: string, description: string | null, createdAt: string, rounds: Array<{ id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, entryCount: number, trimHighest: number, trimLowest: number, quorum: number, createdAt: string, rubric: { id: string, name: string, version: number, maxTotal: number } }> } }> } };

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


export type UpdateRoundMutation = { updateRound: { id: string, name: string, status: RoundStatus, trimHighest: number, trimLowest: number, quorum: number, leaderboardVisibility: LeaderboardVisibility } };

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


export type ScreenRoundQuery = { round: { id: string, name: string, status: RoundStatus, leaderboardVisibility: LeaderboardVisibility, competition: { id: string, name: string }, rubric: { maxTotal: number }, entries: Array<{ id: string, group: string | null }> } | null };

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
          trimHighest
          trimLowest
          quorum
          createdAt
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
    trimHighest
    trimLowest
    quorum
    leaderboardVisibility
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
    rubric {
      maxTotal
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