import type { Lang, Translate } from '../i18n';

/** Every time on results and printouts is Beijing time, whatever the device's zone. */
export const BEIJING = 'Asia/Shanghai';

/** The scoring rule fields both a round and an assessment carry. */
export interface RuleFacts {
  judgeCount: number;
  trimHighest: number;
  trimLowest: number;
  trimScope: 'SHEET' | 'CRITERION';
  aggregate: 'MEAN' | 'MEDIAN';
  normalization: 'NONE' | 'ZSCORE';
  quorum: number;
  quorumMode: 'FIXED' | 'ALL_EXPECTED';
  /** Labels of the tie-breaking criteria, in turn. */
  tieBreakers: string[];
}

/**
 * The round's rule as one sentence a 组织部 clerk can read aloud and print, e.g.
 * "7 位评委评分，去掉 1 个最高分、1 个最低分后取平均分；总分保留两位小数。"
 */
export function ruleInWords(t: Translate, rule: RuleFacts): string {
  const dropped = [
    rule.trimHighest > 0 ? t('results.rule.highest', { n: rule.trimHighest }) : null,
    rule.trimLowest > 0 ? t('results.rule.lowest', { n: rule.trimLowest }) : null,
  ].filter((part): part is string => part !== null);
  const aggregate = t(rule.aggregate === 'MEDIAN' ? 'results.rule.median' : 'results.rule.mean');
  const trim = dropped.length
    ? t(rule.trimScope === 'CRITERION' ? 'results.rule.trimCriterion' : 'results.rule.trimSheet', { parts: dropped.join(t('results.rule.and')) })
    : null;
  const method = trim ? t('results.rule.trimmed', { trim, aggregate }) : t('results.rule.untrimmed', { aggregate });
  const extras = [
    rule.normalization === 'ZSCORE' ? t('results.rule.zscore') : null,
    rule.quorumMode === 'ALL_EXPECTED' ? t('results.rule.allExpected') : rule.quorum > 1 ? t('results.rule.quorum', { n: rule.quorum }) : null,
    rule.tieBreakers.length ? t('results.rule.tieBreakers', { criteria: rule.tieBreakers.join(t('results.rule.list')) }) : t('results.rule.ties'),
    t('results.rule.decimals'),
  ].filter((part): part is string => part !== null);
  return t('results.rule.sentence', { judges: t('results.rule.judges', { n: rule.judgeCount }), method, extras: extras.join(t('results.rule.separator')) });
}

/** A date and time in Beijing time, e.g. "2026年12月1日 14:30". */
export function beijingDateTime(lang: Lang, value: string | number | Date): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: BEIJING,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(value));
}

/** A date in Beijing time, e.g. "2026年12月1日". */
export function beijingDate(lang: Lang, value: string | number | Date): string {
  return new Intl.DateTimeFormat(lang, { timeZone: BEIJING, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(value));
}

/** Two decimals always (88 → "88.00"), as the API reports totals; a dash for none. */
export function twoDecimals(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2);
}

/** The person or unit on stage: the cadre's name, else the unit's, else the entry's title. */
export function entryName(entry: { title: string; cadre: { name: string } | null; unit: { name: string } | null }): string {
  return entry.cadre?.name ?? entry.unit?.name ?? entry.title;
}

/** J1, J2, …, J10 in numeric order. */
export function byLabel<T extends { judgeLabel: string }>(a: T, b: T): number {
  return Number(a.judgeLabel.replace(/\D/g, '')) - Number(b.judgeLabel.replace(/\D/g, '')) || a.judgeLabel.localeCompare(b.judgeLabel);
}

/** Ranks shared by more than one row (shown as 并列). */
export function sharedRanks(rows: readonly { rank: number | null }[]): Set<number> {
  const counts = new Map<number, number>();
  for (const row of rows) if (row.rank !== null) counts.set(row.rank, (counts.get(row.rank) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([rank]) => rank));
}

/** Why a row has no rank: below the quorum (it has a provisional total) or not scored at all. */
export function standingOf(row: { rank: number | null; total: number | null }): 'RANKED' | 'BELOW_QUORUM' | 'UNSCORED' {
  if (row.rank !== null) return 'RANKED';
  return row.total === null ? 'UNSCORED' : 'BELOW_QUORUM';
}

/** Groups in pitch order of their first entry (村书记, 社区书记, …). */
export function groupsInOrder(entries: readonly { group: string | null }[]): string[] {
  const seen: string[] = [];
  for (const e of entries) if (e.group && !seen.includes(e.group)) seen.push(e.group);
  return seen;
}

/** A time of day in Beijing time, e.g. "14:30:05". */
export function beijingTime(lang: Lang, value: string | number | Date): string {
  return new Intl.DateTimeFormat(lang, { timeZone: BEIJING, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}
