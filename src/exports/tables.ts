import { own } from '../domain/dict.js';
import type { Criterion, Judge, Round, ScoreSheet } from '../domain/model.js';
import type { RoundScoring } from '../domain/roundScoring.js';
import type { StandingRow } from '../services/results.js';
import type { LeaderboardRow } from '../services/leaderboard.js';

/**
 * The flat tables BI tools read. Column keys are stable English names; headers
 * come in English or Chinese. One row per entry, every criterion its own column.
 */
export type Lang = 'en' | 'zh-CN';
/** How a spreadsheet shows a value: scores with two decimals, instants in Beijing time. */
export type CellKind = 'text' | 'integer' | 'score' | 'time';
export interface Column<Row> {
  key: string;
  header: Record<Lang, string>;
  value: (row: Row) => string | number | null;
  kind?: CellKind;
}

const num = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));
const score = <Row>(column: Omit<Column<Row>, 'kind'>): Column<Row> => ({ ...column, kind: 'score' });

const participantColumns = <Row>(of: (row: Row) => Pick<LeaderboardRow['entry'], 'cadre' | 'unit'>): Column<Row>[] => [
  { key: 'cadreId', header: { en: 'cadreId', 'zh-CN': '干部编号' }, value: (r) => of(r).cadre?.id ?? null },
  { key: 'cadreName', header: { en: 'cadreName', 'zh-CN': '姓名' }, value: (r) => of(r).cadre?.name ?? null },
  { key: 'position', header: { en: 'position', 'zh-CN': '职务' }, value: (r) => of(r).cadre?.position ?? null },
  { key: 'unitId', header: { en: 'unitId', 'zh-CN': '单位编号' }, value: (r) => of(r).unit?.id ?? null },
  { key: 'unitName', header: { en: 'unitName', 'zh-CN': '单位' }, value: (r) => of(r).unit?.name ?? null },
];

/** One row per entry; the round's method adds the columns that explain each total (a panel's criterion means). */
export function leaderboardColumns(scoring: RoundScoring): Column<LeaderboardRow>[] {
  return [
    { key: 'rank', header: { en: 'rank', 'zh-CN': '名次' }, value: (r) => r.rank, kind: 'integer' },
    score({ key: 'total', header: scoring.headers?.total ?? { en: 'total', 'zh-CN': '总分' }, value: (r) => num(r.total) }),
    score({ key: 'rawTotal', header: { en: 'rawTotal', 'zh-CN': '原始分' }, value: (r) => num(r.entry.rawTotal) }),
    {
      key: 'sheetCount',
      header: scoring.headers?.evidence ?? { en: 'sheetCount', 'zh-CN': '评分表数' },
      value: (r) => r.sheetCount,
      kind: 'integer',
    },
    { key: 'entryId', header: { en: 'entryId', 'zh-CN': '参赛编号' }, value: (r) => r.entry.id },
    { key: 'order', header: { en: 'order', 'zh-CN': '出场顺序' }, value: (r) => r.entry.order, kind: 'integer' },
    { key: 'group', header: { en: 'group', 'zh-CN': '组别' }, value: (r) => r.entry.group },
    { key: 'title', header: { en: 'title', 'zh-CN': '题目' }, value: (r) => r.entry.title },
    ...participantColumns<LeaderboardRow>((r) => r.entry),
    ...scoring
      .breakdownColumns()
      .map((c) => score<LeaderboardRow>({ key: c.key, header: c.header, value: (r) => num(own(scoring.breakdown(r.entry), c.key)) })),
  ];
}

export function standingsColumns(rounds: readonly Round[]): Column<StandingRow>[] {
  return [
    { key: 'rank', header: { en: 'rank', 'zh-CN': '名次' }, value: (r) => r.rank, kind: 'integer' },
    score({ key: 'total', header: { en: 'total', 'zh-CN': '总分' }, value: (r) => num(r.total) }),
    { key: 'group', header: { en: 'group', 'zh-CN': '组别' }, value: (r) => r.group },
    ...participantColumns<StandingRow>((r) => r.participant),
    ...rounds.map((round, i) =>
      score<StandingRow>({
        key: `round${i + 1}_total`,
        header: { en: `round${i + 1}_total`, 'zh-CN': `${round.name}（得分）` },
        value: (r) => num(r.rounds.find((t) => t.roundId === round.id)?.total),
      }),
    ),
  ];
}

export interface SheetRow {
  sheet: ScoreSheet;
  judge: Judge | undefined;
  entry: { id: string; title: string; order: number; group: string | null };
  trimmed: boolean;
  /** The caller organizes the competition: judge names rather than labels. */
  managing: boolean;
}

export function sheetColumns(criteria: readonly Criterion[]): Column<SheetRow>[] {
  return [
    { key: 'entryId', header: { en: 'entryId', 'zh-CN': '参赛编号' }, value: (r) => r.entry.id },
    { key: 'order', header: { en: 'order', 'zh-CN': '出场顺序' }, value: (r) => r.entry.order, kind: 'integer' },
    { key: 'group', header: { en: 'group', 'zh-CN': '组别' }, value: (r) => r.entry.group },
    { key: 'title', header: { en: 'title', 'zh-CN': '题目' }, value: (r) => r.entry.title },
    { key: 'judge', header: { en: 'judge', 'zh-CN': '评委' }, value: (r) => (r.managing ? (r.judge?.name ?? r.sheet.judgeId) : (r.judge?.label ?? '?')) },
    { key: 'judgeLabel', header: { en: 'judgeLabel', 'zh-CN': '评委代号' }, value: (r) => r.judge?.label ?? '?' },
    { key: 'version', header: { en: 'version', 'zh-CN': '版本' }, value: (r) => r.sheet.version, kind: 'integer' },
    score({ key: 'sheetTotal', header: { en: 'sheetTotal', 'zh-CN': '评分表总分' }, value: (r) => num(r.sheet.total) }),
    { key: 'trimmed', header: { en: 'trimmed', 'zh-CN': '是否去掉' }, value: (r) => (r.trimmed ? 1 : 0), kind: 'integer' },
    { key: 'submittedAt', header: { en: 'submittedAt', 'zh-CN': '提交时间' }, value: (r) => r.sheet.submittedAt, kind: 'time' },
    ...criteria.map((c) =>
      score<SheetRow>({
        key: `score_${c.key}`,
        header: { en: `score_${c.key}`, 'zh-CN': c.label },
        value: (r) => num(r.sheet.scores.find((m) => m.criterion === c.key)?.score),
      }),
    ),
  ];
}
