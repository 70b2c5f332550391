import { expect } from 'vitest';
import type { GraphQLResponse, TestApi } from './api.js';

let counter = 0;
const unique = (label: string) => `${label}${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const FIVE_CRITERIA = [
  { key: 'vision', label: '发展思路', maxScore: 20 },
  { key: 'results', label: '实绩成效', maxScore: 30 },
  { key: 'innovation', label: '创新举措', maxScore: 20 },
  { key: 'delivery', label: '表达展示', maxScore: 15 },
  { key: 'qa', label: '现场答辩', maxScore: 15 },
];

export interface Scenario {
  organizer: string;
  viewer: string;
  unitId: string;
  rubricId: string;
  competitionId: string;
  roundId: string;
  entryIds: string[];
  judges: { userId: string; token: string }[];
}

/** Fails the test with the server's errors when a call did not succeed. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data as T;
}

/**
 * Builds an OPEN round through the public API: a unit, `entries` cadres enrolled,
 * `judges` judges on the panel, a rubric with `criteria`.
 */
export async function openRound(
  api: TestApi,
  options: {
    entries?: number;
    judges?: number;
    trimHighest?: number;
    trimLowest?: number;
    criteria?: { key: string; label: string; maxScore: number; weight?: number; step?: number }[];
    groups?: string[];
    open?: boolean;
    /** Further CreateRoundInput fields: trimScope, aggregate, normalization, quorum, tieBreakers. */
    rule?: Record<string, unknown>;
    /** Seat judge i as a member of the entries' unit (for conflict-of-interest tests). */
    judgeInSameUnit?: number[];
  } = {},
): Promise<Scenario> {
  const organizer = await api.token(unique('org-'), 'organizer', '组织者');
  const viewer = await api.token(unique('viewer-'), 'viewer', '观众');
  const { createUnit } = ok(
    await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name: unique('单位'), kind: 'TOWN' } }, organizer),
  );
  const prefix = unique('cad');
  const entries = options.entries ?? 3;
  const cadres = Array.from({ length: entries }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `干部${i}`,
    unitId: createUnit.id,
    position: '书记',
    grade: '副科级',
    birthYear: 1990,
  }));
  ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: cadres }, organizer));
  const { createRubric } = ok(
    await api.gql(
      `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
      { i: { name: '评分表', criteria: options.criteria ?? FIVE_CRITERIA } },
      organizer,
    ),
  );
  const { createCompetition } = ok(
    await api.gql(`mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`, { i: { name: '擂台比拼', description: 'test' } }, organizer),
  );
  const { createRound } = ok(
    await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      {
        i: {
          competitionId: createCompetition.id,
          name: '第一轮',
          rubricId: createRubric.id,
          trimHighest: options.trimHighest ?? 0,
          trimLowest: options.trimLowest ?? 0,
          leaderboardVisibility: 'LIVE',
          ...options.rule,
        },
      },
      organizer,
    ),
  );
  const groups = options.groups ?? ['村书记'];
  const entryIds: string[] = [];
  for (let start = 0; start < entries; start += 99) {
    const batch = cadres
      .slice(start, start + 99)
      .map((c, i) => ({ cadreId: c.id, title: `题目${start + i}`, order: start + i + 1, group: groups[(start + i) % groups.length] }));
    const { addEntries } = ok(
      await api.gql(`mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`, { r: createRound.id, e: batch }, organizer),
    );
    entryIds.push(...addEntries.map((e: { id: string }) => e.id));
  }
  const judgeIds = Array.from({ length: options.judges ?? 3 }, (_, i) => unique(`judge${i}-`));
  if (judgeIds.length > 0) {
    ok(
      await api.gql(
        `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }`,
        {
          r: createRound.id,
          j: judgeIds.map((userId, i) => ({ userId, name: `评委${i + 1}`, unitId: options.judgeInSameUnit?.includes(i) ? createUnit.id : null })),
        },
        organizer,
      ),
    );
  }
  if (options.open !== false) ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: createRound.id }, organizer));
  const judges = await Promise.all(judgeIds.map(async (userId) => ({ userId, token: await api.token(userId, 'judge') })));
  return {
    organizer,
    viewer,
    unitId: createUnit.id,
    rubricId: createRubric.id,
    competitionId: createCompetition.id,
    roundId: createRound.id,
    entryIds,
    judges,
  };
}

export const SUBMIT = `mutation($i: SubmitScoreSheetInput!) {
  submitScoreSheet(input: $i) { id total version submittedAt comment scores { criterion score } }
}`;

/** Marks for the five demo criteria summing to `total`-ish shapes; explicit values keep tests readable. */
export function marks(vision: number, results: number, innovation: number, delivery: number, qa: number) {
  return [
    { criterion: 'vision', score: vision },
    { criterion: 'results', score: results },
    { criterion: 'innovation', score: innovation },
    { criterion: 'delivery', score: delivery },
    { criterion: 'qa', score: qa },
  ];
}

export function submit(api: TestApi, token: string, entryId: string, scores: { criterion: string; score: number }[], extra: Record<string, unknown> = {}) {
  return api.gql(SUBMIT, { i: { entryId, scores, ...extra } }, token);
}
