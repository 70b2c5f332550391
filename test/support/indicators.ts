import type { TestApi } from './api.js';
import { ok } from './scenario.js';

let counter = 0;
const unique = (label: string) => `${label}${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * A 双百分制 indicator set: 经济发展 (100 points) and 党建与作风 (100 points), one
 * indicator of each method, the worked examples of the README among them.
 */
export const TWO_HUNDRED_POINTS = {
  name: '乡镇实绩考核（双百分制）',
  sections: [
    { key: 'econ', label: '经济发展', fullMark: 100 },
    { key: 'party', label: '党建与作风', fullMark: 100 },
  ],
  indicators: [
    { key: 'growth', label: 'GDP 增速', section: 'econ', unit: '%', weight: 40, method: 'EFFICACY', satisfactory: 12, disallowed: 6 },
    { key: 'invest', label: '固定资产投资完成率', section: 'econ', unit: '%', weight: 30, method: 'TARGET_RATIO', target: 100, cap: 120 },
    { key: 'solved', label: '问题破解率', section: 'econ', unit: '%', weight: 30, method: 'THRESHOLD', target: 95, partial: 60, ratio: true },
    { key: 'incidents', label: '作风问题', section: 'party', unit: '起', weight: 50, method: 'PER_OCCURRENCE', pointsEach: -2 },
    { key: 'visits', label: '走访企业数', section: 'party', unit: '家', weight: 50, method: 'RANK_POINTS', step: 10 },
  ],
};

export interface IndicatorScenario {
  maker: string;
  checker: string;
  viewer: string;
  competitionId: string;
  setId: string;
  roundId: string;
  unitIds: string[];
  entryIds: string[];
}

/** Two organizers of one competition (maker and checker), units enrolled in an OPEN indicator round. */
export async function indicatorRound(
  api: TestApi,
  towns: string[],
  options: { period?: string; method?: Record<string, unknown>; visibility?: string } = {},
): Promise<IndicatorScenario> {
  const makerId = unique('maker-');
  const checkerId = unique('checker-');
  const maker = await api.token(makerId, 'organizer', '录入员');
  const checker = await api.token(checkerId, 'organizer', '审核员');
  const viewer = await api.token(unique('viewer-'), 'viewer', '观众');
  const { createCompetition } = ok(
    await api.gql(`mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`, { i: { name: unique('争先进位') } }, maker),
  );
  ok(await api.gql(`mutation($c: ID!, $u: ID!) { grantOrganizer(competitionId: $c, userId: $u) { id } }`, { c: createCompetition.id, u: checkerId }, maker));
  const { createIndicatorSet } = ok(
    await api.gql(`mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id } }`, { i: TWO_HUNDRED_POINTS }, maker),
  );
  const unitIds: string[] = [];
  for (const name of towns) {
    const { createUnit } = ok(
      await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name: unique(name), kind: 'TOWN' } }, maker),
    );
    unitIds.push(createUnit.id);
  }
  const s: IndicatorScenario = {
    maker,
    checker,
    viewer,
    competitionId: createCompetition.id,
    setId: createIndicatorSet.id,
    roundId: '',
    unitIds,
    entryIds: [],
  };
  return nextRound(api, s, towns, options);
}

/** Another OPEN round of the same competition and units (the next period). */
export async function nextRound(
  api: TestApi,
  s: IndicatorScenario,
  towns: string[],
  options: { period?: string; method?: Record<string, unknown>; units?: string[]; visibility?: string } = {},
): Promise<IndicatorScenario> {
  const { createRound } = ok(
    await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      {
        i: {
          competitionId: s.competitionId,
          name: `${options.period ?? '2026-Q1'} 实绩考核`,
          leaderboardVisibility: options.visibility ?? 'LIVE',
          method: { kind: 'INDICATORS', indicatorSetId: s.setId, period: options.period ?? '2026-Q1', ...options.method },
        },
      },
      s.maker,
    ),
  );
  const units = options.units ?? s.unitIds;
  const { addEntries } = ok(
    await api.gql(
      `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`,
      { r: createRound.id, e: units.map((unitId, i) => ({ unitId, title: towns[s.unitIds.indexOf(unitId)] ?? unitId, order: i + 1 })) },
      s.maker,
    ),
  );
  ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: createRound.id }, s.maker));
  return { ...s, roundId: createRound.id, entryIds: addEntries.map((e: { id: string }) => e.id) };
}

export const SUBMIT_VALUES = `mutation($r: ID!, $v: [IndicatorValueInput!]!, $c: String) {
  submitIndicatorValues(roundId: $r, values: $v, clientRequestId: $c) { id status value measured enteredBy }
}`;
export const VERIFY_VALUES = `mutation($r: ID!, $ids: [ID!]!) { verifyIndicatorValues(roundId: $r, ids: $ids) { id status verifiedBy } }`;

/** One town's measures, all five indicators. */
export function measures(entryId: string, m: { growth: number; invest: number; solved: [number, number]; incidents: number; visits: number }) {
  return [
    { entryId, indicator: 'growth', value: m.growth },
    { entryId, indicator: 'invest', value: m.invest },
    { entryId, indicator: 'solved', numerator: m.solved[0], denominator: m.solved[1] },
    { entryId, indicator: 'incidents', value: m.incidents },
    { entryId, indicator: 'visits', value: m.visits },
  ];
}

/** Enters the values as the maker and verifies them as the checker. */
export async function enterAndVerify(api: TestApi, s: IndicatorScenario, values: Record<string, unknown>[]): Promise<void> {
  const { submitIndicatorValues } = ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: values }, s.maker));
  ok(await api.gql(VERIFY_VALUES, { r: s.roundId, ids: submitIndicatorValues.map((v: { id: string }) => v.id) }, s.checker));
}
