import { DEMO_CHECKER, DEMO_ORGANIZER } from '../../src/local/seed.js';
import { measures, TWO_HUNDRED_POINTS } from '../support/indicators.js';
import type { WebApp } from './support.js';

/**
 * Quarterly 争先进位 set up through the API as two organizers would (王敏 enters,
 * 李静 of the assessment office verifies): `towns` towns, the 双百分制 set of
 * test/support/indicators.ts, 2026-Q1 closed and published, 2026-Q2 OPEN with every
 * value entered and verified except those of the last town; one town vetoed in Q1.
 */
export interface IndicatorSeed {
  competitionId: string;
  setId: string;
  q1: string;
  q2: string;
  towns: { id: string; name: string }[];
  /** Entry ids of Q2, in town order. */
  q2Entries: string[];
}

const PLACES = '东西南北中上下新老大小前后江河湖山岭溪桥湾港塘';
const SUFFIX = ['镇', '街道', '乡'];

/** Town names: 瓜沥镇 and its neighbours, then made-up ones, all distinct. */
export function townNames(count: number): string[] {
  const known = ['瓜沥镇', '河上镇', '戴村镇', '义桥镇', '所前镇', '进化镇', '楼塔镇', '临浦镇', '浦阳镇', '益农镇', '党湾镇', '衙前镇'];
  const names = known.slice(0, count);
  for (let i = 0; names.length < count; i++) names.push(`${PLACES[i % PLACES.length]}${PLACES[(i * 7 + 3) % PLACES.length]}${SUFFIX[i % 3]}`);
  return [...new Set(names)].length === count ? names : names.map((n, i) => `${n}${i}`);
}

/** Measures for town i in quarter q: reproducible, spread out, with a few ties. */
export function townMeasures(i: number, q: number) {
  const swing = ((i * 37 + q * 11) % 17) - 8;
  return {
    growth: Math.round((8 + swing * 0.4) * 100) / 100,
    invest: 80 + ((i * 13 + q * 5) % 45),
    solved: [90 + ((i * 3 + q) % 11), 100] as [number, number],
    incidents: (i * 7 + q) % 5,
    visits: 20 + ((i * 17 + q * 3) % 40),
  };
}

/** Town i's values in the indicator set's order. */
export const valuesFor = measures;

export async function seedIndicatorRounds(app: WebApp, count = 50): Promise<IndicatorSeed> {
  const maker = app.token(DEMO_ORGANIZER.id);
  const checker = app.token(DEMO_CHECKER.id);
  const call = async (token: string, query: string, variables: Record<string, unknown>) => {
    const result = await app.gql(token, query, variables);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const names = townNames(count);
  const towns: { id: string; name: string }[] = [];
  for (const name of names) {
    const { createUnit } = await call(maker, `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id name } }`, { i: { name, kind: 'TOWN' } });
    towns.push(createUnit);
  }
  const { createCompetition } = await call(maker, `mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`, {
    i: { name: '2026年乡镇（街道）争先进位季度考核', alertRule: { bottom: 5, consecutive: 2 } },
  });
  await call(maker, `mutation($c: ID!, $u: ID!) { grantOrganizer(competitionId: $c, userId: $u) { id } }`, { c: createCompetition.id, u: DEMO_CHECKER.id });
  const { createIndicatorSet } = await call(maker, `mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id } }`, { i: TWO_HUNDRED_POINTS });

  const round = async (period: string) => {
    const { createRound } = await call(maker, `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`, {
      i: {
        competitionId: createCompetition.id,
        name: `${period} 实绩考核`,
        leaderboardVisibility: 'AFTER_CLOSE',
        method: { kind: 'INDICATORS', indicatorSetId: createIndicatorSet.id, period, bonusCap: 5, penaltyCap: 10 },
      },
    });
    const entries: string[] = [];
    for (let i = 0; i < towns.length; i += 99) {
      const { addEntries } = await call(maker, `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`, {
        r: createRound.id,
        e: towns.slice(i, i + 99).map((t, j) => ({ unitId: t.id, title: t.name, order: i + j + 1 })),
      });
      entries.push(...addEntries.map((e: { id: string }) => e.id));
    }
    await call(maker, `mutation($id: ID!) { openRound(id: $id) { id } }`, { id: createRound.id });
    return { id: createRound.id as string, entries };
  };
  const enter = async (roundId: string, values: Record<string, unknown>[]) => {
    for (let i = 0; i < values.length; i += 500) {
      const { submitIndicatorValues } = await call(
        maker,
        `mutation($r: ID!, $v: [IndicatorValueInput!]!) { submitIndicatorValues(roundId: $r, values: $v) { id } }`,
        { r: roundId, v: values.slice(i, i + 500) },
      );
      await call(checker, `mutation($r: ID!, $ids: [ID!]!) { verifyIndicatorValues(roundId: $r, ids: $ids) { id } }`, {
        r: roundId,
        ids: submitIndicatorValues.map((v: { id: string }) => v.id),
      });
    }
  };

  const q1 = await round('2026-Q1');
  await enter(
    q1.id,
    q1.entries.flatMap((entryId, i) => valuesFor(entryId, townMeasures(i, 1))),
  );
  const { addAdjustment } = await call(maker, `mutation($e: ID!, $i: AdjustmentInput!) { addAdjustment(entryId: $e, input: $i) { id } }`, {
    e: q1.entries[3],
    i: { kind: 'VETO', reason: '发生较大安全生产事故，实行一票否决' },
  });
  await call(checker, `mutation($id: ID!) { approveAdjustment(id: $id) { id } }`, { id: addAdjustment.id });
  await call(maker, `mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: q1.id });
  await call(maker, `mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: q1.id });

  const q2 = await round('2026-Q2');
  await enter(
    q2.id,
    q2.entries.slice(0, -1).flatMap((entryId, i) => valuesFor(entryId, townMeasures(i, 2))),
  );
  return { competitionId: createCompetition.id, setId: createIndicatorSet.id, q1: q1.id, q2: q2.id, towns, q2Entries: q2.entries };
}
