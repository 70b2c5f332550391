import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import type { WebApp } from './support.js';

/**
 * A finished round for the results and print tests, set up through the API as an organizer
 * would: a four-criterion rubric, seven judges, 去掉 1 个最高分、1 个最低分, quorum 5,
 * 22 cadres in two groups. Two entries get identical sheets (a shared rank), one only three
 * sheets (below quorum), one none; then the round is closed and published.
 */
export const CRITERIA = [
  { key: 'vision', label: '发展思路', maxScore: 30 },
  { key: 'results', label: '工作实绩', maxScore: 40 },
  { key: 'innovation', label: '创新举措', maxScore: 20 },
  { key: 'qa', label: '现场答辩', maxScore: 10 },
] as const;

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕';
const GIVEN = ['建华', '秀英', '志明', '丽萍', '国强', '海燕', '文杰', '春梅', '永刚', '晓玲', '振宇'];
const GROUPS = ['村书记', '社区书记'] as const;
export const ENTRY_COUNT = 22;
/** Entry index with the same sheets as TIE_WITH: they share a rank. */
export const TIED = 5;
export const TIE_WITH = 4;
/** Three sheets of the five the quorum asks for. */
export const BELOW_QUORUM = 20;
/** No sheet at all. */
export const UNSCORED = 21;
export const JUDGES = ['judge-1', 'judge-2', 'judge-3', 'judge-4', 'judge-5', 'judge-6', 'judge-7'];

const OFFSETS = {
  vision: [0, 0.5, 1, -0.5, 1.5, -1, 2],
  results: [0, 1, -1, 0.5, 2, -2, 3],
  innovation: [0, 0.5, 0, 1, -0.5, 0.5, 1.5],
  qa: [0, 0.5, 0.5, 0, 1, -0.5, 1],
} as const;

/** Judge j's marks for entry i. */
export function marksOf(i: number, j: number): Record<(typeof CRITERIA)[number]['key'], number> {
  const m = i === TIED ? TIE_WITH : i;
  return {
    vision: 18 + (m % 7) + OFFSETS.vision[j]!,
    results: 25 + (m % 9) + OFFSETS.results[j]!,
    innovation: 12 + (m % 5) + OFFSETS.innovation[j]!,
    qa: 6 + (m % 3) + OFFSETS.qa[j]!,
  };
}

export function judgesScoring(i: number): number[] {
  if (i === UNSCORED) return [];
  if (i === BELOW_QUORUM) return [0, 1, 2];
  return [0, 1, 2, 3, 4, 5, 6];
}

/** The official total by the rule, computed here independently: drop the highest and lowest sheet, average, two decimals. */
export function expectedTotal(i: number): number | null {
  const totals = judgesScoring(i).map((j) => Object.values(marksOf(i, j)).reduce((a, b) => a + b, 0));
  if (totals.length === 0) return null;
  const kept = totals.length > 2 ? [...totals].sort((a, b) => a - b).slice(1, -1) : totals;
  return Math.round((kept.reduce((a, b) => a + b, 0) / kept.length) * 100 + 1e-9) / 100;
}

export interface SeededRound {
  competitionId: string;
  roundId: string;
  entryIds: string[];
  names: string[];
}

export function cadreName(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`;
}

export async function seedFinishedRound(app: WebApp, tag: string): Promise<SeededRound> {
  const organizer = app.token(DEMO_ORGANIZER.id);
  const call = async <T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const answer = await app.gql<T>(token, query, variables);
    if (answer.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  };

  const town = await call(organizer, 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: `${tag}湖畔镇`, kind: 'TOWN' } });
  const units: string[] = [];
  for (const name of ['湖东村', '湖西村', '望湖社区', '临湖社区']) {
    const unit = await call(organizer, 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { name: `${tag}${name}`, kind: name.endsWith('村') ? 'VILLAGE' : 'COMMUNITY', parentId: town.createUnit.id },
    });
    units.push(unit.createUnit.id);
  }
  const names = Array.from({ length: ENTRY_COUNT }, (_, i) => cadreName(i));
  const group = (i: number) => GROUPS[i % 2]!;
  await call(organizer, 'mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
    i: names.map((name, i) => ({
      id: `${tag}${String(i + 1).padStart(3, '0')}`,
      name,
      unitId: units[(i % 2) * 2 + ((i >> 1) % 2)]!,
      position: group(i) === '村书记' ? '村党组织书记' : '社区党组织书记',
    })),
  });
  const rubric = await call(organizer, 'mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', {
    i: { name: `${tag}谈发展评分表`, criteria: CRITERIA.map((c) => ({ ...c, step: 0.5 })) },
  });
  const competition = await call(organizer, 'mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
    i: { name: `${tag}湖畔镇“比学赶超”擂台赛`, description: '村社书记谈发展' },
  });
  const round = await call(organizer, 'mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: { competitionId: competition.createCompetition.id, name: '第一轮 台上赛', rubricId: rubric.createRubric.id, trimHighest: 1, trimLowest: 1, quorum: 5 },
  });
  const roundId: string = round.createRound.id;
  const added = await call<{ addEntries: { id: string; order: number }[] }>(
    organizer,
    'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id order } }',
    {
      r: roundId,
      e: names.map((_, i) => ({
        cadreId: `${tag}${String(i + 1).padStart(3, '0')}`,
        title: `${group(i)}谈发展：第 ${i + 1} 题`,
        order: i + 1,
        group: group(i),
      })),
    },
  );
  const entryIds = [...added.addEntries].sort((a, b) => a.order - b.order).map((e) => e.id);
  await call(organizer, 'mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }', {
    r: roundId,
    j: JUDGES.map((userId) => ({ userId, name: app.identities.find((p) => p.id === userId)!.name })),
  });
  await call(organizer, 'mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });

  // Each judge scores in pitch order; the seven judges at once, as in the hall.
  await Promise.all(
    JUDGES.map(async (judge, j) => {
      for (const [i, entryId] of entryIds.entries()) {
        if (!judgesScoring(i).includes(j)) continue;
        const marks = marksOf(i, j);
        await call(app.token(judge), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
          i: { entryId, clientRequestId: `${tag}-${judge}-${i}`, scores: Object.entries(marks).map(([criterion, score]) => ({ criterion, score })) },
        });
      }
    }),
  );
  await call(organizer, 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: roundId });
  await call(organizer, 'mutation($id: ID!) { publishRound(id: $id) { status } }', { id: roundId });
  return { competitionId: competition.createCompetition.id, roundId, entryIds, names };
}
