import type { Cadre, Round, Unit, Viewer } from '../src/domain/model.js';
import type { Services } from '../src/services/index.js';

/**
 * Reference data shared by every part of the benchmark: a district with towns,
 * enough cadres for the largest round, the demo's five-criterion rubric and one
 * competition. Built through the services, as an organizer would build it.
 */

export const BENCH_ORGANIZER: Viewer = { id: 'bench-organizer', name: '压测组织者', roles: ['organizer'], kind: 'user' };

/** Reproducible pseudo-random numbers (mulberry32): the same seed loads the same data and marks. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the benchmark's seeded stream, in place. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export const CRITERIA = [
  { key: 'vision', label: '发展思路', maxScore: 20 },
  { key: 'results', label: '实绩成效', maxScore: 30 },
  { key: 'innovation', label: '创新举措', maxScore: 20 },
  { key: 'delivery', label: '表达展示', maxScore: 15 },
  { key: 'qa', label: '现场答辩', maxScore: 15 },
] as const;
export const STEP = 0.5;

/** One valid mark per criterion: a multiple of the step around `level` (0…1) of the maximum. */
export function randomMarks(random: () => number, level = 0.8): { criterion: string; score: number }[] {
  return CRITERIA.map((c) => {
    const fraction = Math.min(1, Math.max(0, level + (random() - 0.5) * 0.3));
    return { criterion: c.key, score: Math.round((fraction * c.maxScore) / STEP) * STEP };
  });
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['思远', '佳怡', '浩然', '雨桐', '子轩', '欣怡', '宇航', '梓涵', '俊杰', '诗琪', '明哲', '晓东', '一鸣'];
const TOWNS = ['瓜沥镇', '河上镇', '戴村镇', '义桥镇', '所前镇', '进化镇', '楼塔镇', '临浦镇', '浦阳镇'];
const CADRES_PER_CALL = 500;

export interface Fixture {
  rubricId: string;
  competitionId: string;
  cadres: Cadre[];
  units: Map<string, Unit>;
}

export async function createFixture(services: Services, cadreCount: number): Promise<Fixture> {
  const district = await services.directory.createUnit(BENCH_ORGANIZER, { name: '萧山区', kind: 'DISTRICT' });
  const towns: Unit[] = [];
  for (const name of TOWNS) towns.push(await services.directory.createUnit(BENCH_ORGANIZER, { name, kind: 'TOWN', parentId: district.id }));

  const inputs = Array.from({ length: cadreCount }, (_, i) => ({
    id: `BENCH${String(i + 1).padStart(6, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
    unitId: towns[i % towns.length]!.id,
    position: '党组织书记',
    grade: ['一级科员', '四级主任科员', '二级主任科员', '副科级'][i % 4]!,
    birthYear: 1985 + (i % 12),
  }));
  const batches = Array.from({ length: Math.ceil(cadreCount / CADRES_PER_CALL) }, (_, b) => inputs.slice(b * CADRES_PER_CALL, (b + 1) * CADRES_PER_CALL));
  const cadres = (await inParallel(batches, 2, (batch) => services.directory.upsertCadres(BENCH_ORGANIZER, batch))).flat();

  const rubric = await services.rubrics.createRubric(BENCH_ORGANIZER, {
    name: '年轻干部谈发展评分表（百分制）',
    criteria: CRITERIA.map((c) => ({ ...c, description: null, step: STEP })),
  });
  const competition = await services.competitions.createCompetition(BENCH_ORGANIZER, { name: '性能基准 擂台比拼', description: null });
  return { rubricId: rubric.id, competitionId: competition.id, cadres, units: new Map([district, ...towns].map((u) => [u.id, u])) };
}

/**
 * A round scored with the README's example rule (drop the highest and the lowest
 * sheet, mean of the rest) whose leaderboard is LIVE: the big screen at the venue
 * and BI tools read it while judges score.
 */
export async function createRound(services: Services, fixture: Fixture, name: string, rule: Record<string, unknown> = {}): Promise<Round> {
  return services.rounds.createRound({
    competitionId: fixture.competitionId,
    name,
    rubricId: fixture.rubricId,
    trimHighest: 1,
    trimLowest: 1,
    leaderboardVisibility: 'LIVE',
    ...rule,
  });
}

/** Runs `task` over `items` with at most `limit` in flight; results in input order. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
