import type { Viewer } from '../domain/model.js';
import { beijingDate } from '../domain/workdays.js';
import type { Services } from '../services/index.js';

/**
 * The demo: 萧山区 with towns, streets and departments; a "年轻干部谈发展" competition
 * whose first round has 63 young cadres in three groups, a five-criterion 100-point
 * rubric, seven judges, and the round open for scoring.
 */
export const DEMO_ORGANIZER: Viewer = { id: 'organizer-demo', name: '区委组织部 王敏', roles: ['organizer'], kind: 'user' };
export const DEMO_JUDGES = [
  { userId: 'judge-1', name: '陈建国' },
  { userId: 'judge-2', name: '李晓红' },
  { userId: 'judge-3', name: '张伟' },
  { userId: 'judge-4', name: '王丽娟' },
  { userId: 'judge-5', name: '刘志强' },
  { userId: 'judge-6', name: '赵雪梅' },
  { userId: 'judge-7', name: '孙浩' },
] as const;
export const DEMO_VIEWER: Viewer = { id: 'viewer-demo', name: '大屏观众', roles: ['viewer'], kind: 'user' };
/** A second organizer of the demo competition: verifies what the first enters (maker-checker). */
export const DEMO_CHECKER: Viewer = { id: 'checker-demo', name: '区考核办 李静', roles: ['organizer'], kind: 'user' };

const TOWNS = ['瓜沥镇', '河上镇', '戴村镇', '义桥镇', '所前镇', '进化镇', '楼塔镇'];
const VILLAGES = ['梅林村', '东恩村', '凤凰村', '勤联村', '里山村', '欢潭村', '浦南村'];
const STREETS = ['城厢街道', '北干街道', '新塘街道'];
const COMMUNITIES = ['湘湖社区', '回澜社区', '崇化社区', '金城社区', '育才社区', '银河社区', '星河社区'];
const DEPARTMENTS = ['区发改局', '区农业农村局', '区经信局', '区商务局', '区住建局', '区文广旅体局', '区民政局'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['思远', '佳怡', '浩然', '雨桐', '子轩', '欣怡', '宇航', '梓涵', '俊杰', '诗琪', '明哲', '晓东', '一鸣'];
const POSITIONS = { 村书记: '村党组织书记', 社区书记: '社区党组织书记', 机关书记: '机关党支部书记' } as const;
const TOPICS = {
  村书记: ['共富工坊带动村民增收', '强村公司盘活闲置资源', '乡村旅游与农文旅融合', '未来乡村建设实践'],
  社区书记: ['一老一小服务圈建设', '社区治理数字化探索', '邻里中心与网格治理', '物业矛盾化解新路径'],
  机关书记: ['营商环境优化的萧山答卷', '产业链招商与项目攻坚', '数字赋能基层减负', '机关党建与业务融合'],
} as const;

export interface SeedResult {
  competitionId: string;
  roundId: string;
  rubricId: string;
}

/** Seeds the demo unless a competition already exists; returns what it created, or null. */
export async function seedDemo(services: Services): Promise<SeedResult | null> {
  const existing = await services.competitions.listCompetitions({ first: 1 });
  if (existing.edges.length > 0) return null;

  const district = await services.directory.createUnit(DEMO_ORGANIZER, { name: '萧山区', kind: 'DISTRICT' });
  const units = { 村书记: [] as string[], 社区书记: [] as string[], 机关书记: [] as string[] };
  for (const [i, town] of TOWNS.entries()) {
    const t = await services.directory.createUnit(DEMO_ORGANIZER, { name: town, kind: 'TOWN', parentId: district.id });
    for (let v = 0; v < 3; v++) {
      const name = `${VILLAGES[(i + v * 3) % VILLAGES.length]!.replace('村', '')}${['一', '二', '三'][v]}村`;
      units.村书记.push((await services.directory.createUnit(DEMO_ORGANIZER, { name: `${town.slice(0, 2)}${name}`, kind: 'VILLAGE', parentId: t.id })).id);
    }
  }
  for (const [i, street] of STREETS.entries()) {
    const s = await services.directory.createUnit(DEMO_ORGANIZER, { name: street, kind: 'STREET', parentId: district.id });
    for (let c = 0; c < 7; c++) {
      const name = `${street.slice(0, 2)}${COMMUNITIES[(c + i) % COMMUNITIES.length]}`;
      units.社区书记.push((await services.directory.createUnit(DEMO_ORGANIZER, { name, kind: 'COMMUNITY', parentId: s.id })).id);
    }
  }
  for (const department of DEPARTMENTS) {
    const d = await services.directory.createUnit(DEMO_ORGANIZER, { name: department, kind: 'DEPARTMENT', parentId: district.id });
    units.机关书记.push(d.id, d.id, d.id);
  }

  const cadres = Object.entries(units).flatMap(([group, unitIds], g) =>
    unitIds.map((unitId, i) => {
      const n = g * 21 + i;
      return {
        id: `XS${String(n + 1).padStart(4, '0')}`,
        name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}`,
        unitId,
        position: POSITIONS[group as keyof typeof POSITIONS],
        grade: ['一级科员', '四级主任科员', '二级主任科员', '副科级'][n % 4]!,
        birthYear: 1988 + (n % 10),
        group,
      };
    }),
  );
  await services.directory.upsertCadres(
    DEMO_ORGANIZER,
    cadres.map(({ group: _group, ...cadre }) => cadre),
  );

  const rubric = await services.rubrics.createRubric(DEMO_ORGANIZER, {
    name: '年轻干部谈发展评分表（百分制）',
    criteria: [
      { key: 'vision', label: '发展思路', description: '思路清晰、站位高远、契合区情', maxScore: 20, step: 0.5 },
      { key: 'results', label: '实绩成效', description: '实绩突出、数据翔实、群众认可', maxScore: 30, step: 0.5 },
      { key: 'innovation', label: '创新举措', description: '举措新颖、可复制可推广', maxScore: 20, step: 0.5 },
      { key: 'delivery', label: '表达展示', description: '表达流畅、仪态大方、时间把控', maxScore: 15, step: 0.5 },
      { key: 'qa', label: '现场答辩', description: '回答准确、应变得当', maxScore: 15, step: 0.5 },
    ],
  });
  const competition = await services.competitions.createCompetition(DEMO_ORGANIZER, {
    name: '2026年萧山区“年轻干部谈发展”擂台比拼',
    description: '比学赶超：63名年轻干部围绕产业发展、乡村振兴、基层治理上台比拼，评委现场打分。',
  });
  await services.competitions.grantOrganizer(DEMO_ORGANIZER, competition.id, DEMO_CHECKER.id);
  const round = await services.rounds.createRound({
    competitionId: competition.id,
    name: '第一轮 台上赛',
    rubricId: rubric.id,
    trimHighest: 1,
    trimLowest: 1,
    // The hall's big screen shows the live leaderboard.
    leaderboardVisibility: 'LIVE',
  });
  await services.rounds.addEntries(
    round.id,
    cadres.map((cadre, i) => ({
      cadreId: cadre.id,
      title: TOPICS[cadre.group as keyof typeof TOPICS][i % 4]!,
      order: i + 1,
      group: cadre.group,
    })),
  );
  await services.panels.assignJudges(
    round.id,
    DEMO_JUDGES.map((j) => ({ ...j })),
  );
  await services.lifecycle.openRound(round.id);
  return { competitionId: competition.id, roundId: round.id, rubricId: rubric.id };
}

const SERVICE_UNITS = [
  '区政务服务中心',
  '区不动产登记中心',
  '区社会保险事业服务中心',
  '区市场监督管理局登记窗口',
  '瓜沥镇便民服务中心',
  '城厢街道便民服务中心',
];
const DEMO_REASONS = ['办事效率低', '服务态度差', '多次跑腿', '等候时间长', '政策解释不清'];

export interface RatingsSeedResult {
  competitionId: string;
  roundId: string;
  /** A point's rating page, for the first lines `npm start` prints. */
  ratingUrl: string;
}

/**
 * The citizens' ratings demo (政务服务"好差评"): six service units, two counters each, this
 * month's PUBLIC_RATING round open, and some ratings already in — a few 差评 with a phone
 * number, so the case console has work. Seeded with the panel demo, once.
 */
export async function seedRatingsDemo(services: Services, now: Date = new Date()): Promise<RatingsSeedResult> {
  const competition = await services.competitions.createCompetition(DEMO_ORGANIZER, {
    name: '2026年萧山区政务服务“好差评”',
    description: '群众扫码评价各办事窗口，每条差评都回访、核实、整改到位，按满意度排名。',
  });
  const units = [];
  for (const name of SERVICE_UNITS) units.push(await services.directory.createUnit(DEMO_ORGANIZER, { name, kind: 'DEPARTMENT' }));
  const month = beijingDate(now).slice(0, 7);
  const round = await services.rounds.createRound({
    competitionId: competition.id,
    name: `${Number(month.slice(5))}月 窗口满意度排名`,
    leaderboardVisibility: 'LIVE',
    method: {
      kind: 'PUBLIC_RATING',
      period: month,
      scale: 'FIVE_LEVEL',
      reasons: DEMO_REASONS,
      minRatings: 5,
      rankBy: 'WILSON',
      callbackWorkingDays: 1,
      rectificationWorkingDays: 5,
    },
  });
  await services.rounds.addEntries(
    round.id,
    units.map((unit, i) => ({ unitId: unit.id, title: unit.name, order: i + 1 })),
  );
  await services.lifecycle.openRound(round.id);
  const codes: string[] = [];
  for (const unit of units) {
    const points = await services.ratings.createPoints(DEMO_ORGANIZER, {
      unitId: unit.id,
      competitionId: competition.id,
      points: [
        { name: '1号综合窗口', kind: 'COUNTER' },
        { name: '2号综合窗口', kind: 'COUNTER' },
      ],
    });
    codes.push(...points.map((p) => p.code));
  }
  const levels = ['VERY_SATISFIED', 'VERY_SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'SATISFIED', 'DISSATISFIED'] as const;
  for (const [p, code] of codes.entries()) {
    const { form } = await services.ratings.form(code);
    if (!form) throw new Error(`The demo campaign is not open for ${code}`);
    for (let r = 0; r < 4 + (p % 5); r++) {
      const level = levels[(p * 3 + r) % levels.length]!;
      const bad = level === 'DISSATISFIED';
      await services.ratings.submit(
        {
          form,
          level,
          device: `demo-phone-${p}-${r}`,
          ...(bad
            ? { reasons: [DEMO_REASONS[(p + r) % DEMO_REASONS.length]!], comment: '窗口人少，排队一个多小时', phone: `1380000${String(1000 + p * 10 + r)}` }
            : {}),
        },
        `192.0.2.${(p * 10 + r) % 250}`,
      );
    }
  }
  await services.ratings.refresh(await services.rounds.requireRound(round.id));
  return { competitionId: competition.id, roundId: round.id, ratingUrl: `/rate/${codes[0]}` };
}
