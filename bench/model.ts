import { entryIdOf, entryKeyPart } from '../src/domain/ids.js';
import type { Cadre, Decimal, Round, ScoreSheet, Unit } from '../src/domain/model.js';
import { compareRankValues } from '../src/domain/ranking.js';
import type { PanelEntry } from '../src/methods/panel/aggregate.js';
import { asPanelRound } from '../src/methods/panel/config.js';
import { panelScoring } from '../src/methods/panel/roundScoring.js';
import { NO_BALLOTS, marksByCriterion, scoreEntry, sheetTotal, type JudgeSheet } from '../src/methods/panel/scoring.js';
import { HISTORY_PREFIX, SHEET_PREFIX } from '../src/store/keys.js';
import type { Item } from '../src/store/ops.js';
import { entryIndexes, type StoredEntry } from '../src/store/entries.js';

/**
 * The benchmark's only knowledge of how an entry aggregates its sheets. Everything
 * here defers to the domain (`sheetTotal`, `scoreEntry`, `rankValueOf`) and the
 * store (`entryIndexes`, which derives the leaderboard key from the aggregate), so
 * the loaded data and the checks obey the same rules as the API.
 */

export type Marks = { criterion: string; score: number }[];

/**
 * An enrolled cadre's entry as enrolment stores it, carrying the aggregate of
 * `marks` (one set per judge) as a submission would leave it.
 */
export function scoredEntry(
  round: Round,
  participant: { cadre: Cadre; unit: Unit; order: number; group: string },
  marks: Record<string, Marks>,
): PanelEntry<StoredEntry> {
  const { cadre, unit, order, group } = participant;
  const { method } = asPanelRound(round);
  const sheets: Record<string, JudgeSheet> = Object.fromEntries(
    Object.entries(marks).map(([judgeId, m]) => {
      const scores = m.map((x) => ({ criterion: x.criterion, score: String(x.score) }));
      return [judgeId, { total: sheetTotal(method.rubric.criteria, scores), marks: marksByCriterion(scores) }];
    }),
  );
  const participantId = { kind: 'cadre', id: cadre.id } as const;
  return {
    id: entryIdOf(round.id, participantId),
    roundId: round.id,
    keyPart: entryKeyPart(participantId),
    title: `${cadre.name}：共富工坊带动村民增收`,
    order,
    group,
    cadre: { id: cadre.id, name: cadre.name, unitId: cadre.unitId, position: cadre.position, grade: cadre.grade, birthYear: cadre.birthYear },
    unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    sheets,
    sheetCount: Object.keys(sheets).length,
    normalized: null,
    overtimeDeduction: '0',
    bonus: '0',
    bonusReason: null,
    audience: NO_BALLOTS,
    ...scoreEntry(method.rubric.criteria, method, sheets, null),
    // As if each sheet had been one accepted submission.
    version: Object.keys(sheets).length,
  };
}

export interface Standing {
  entryId: string;
  total: Decimal | null;
  rank: number | null;
}

/**
 * The leaderboard as the README defines it, computed here without the index:
 * ranked entries best first (ties in pitch order, sharing a rank: 1, 2, 2, 4), then
 * entries with a total below quorum by total, then entries without a sheet.
 */
export function expectedStandings(round: Round, entries: readonly StoredEntry[]): Standing[] {
  const scoring = panelScoring(asPanelRound(round).method);
  const rows = entries.map((entry) => ({ entry, value: scoring.rankValue(entry) }));
  const tier = (r: (typeof rows)[number]) => (r.value ? 0 : r.entry.total !== null ? 1 : 2);
  const byTotal = (a: Decimal | null, b: Decimal | null) =>
    compareRankValues(a === null ? null : { total: a, tieBreakers: [] }, b === null ? null : { total: b, tieBreakers: [] });
  rows.sort(
    (a, b) =>
      tier(a) - tier(b) || (tier(a) === 0 ? compareRankValues(a.value, b.value) : byTotal(a.entry.total, b.entry.total)) || a.entry.order - b.entry.order,
  );
  let rank: number | null = null;
  return rows.map((row, i) => {
    const previous = rows[i - 1];
    if (!row.value) rank = null;
    else if (!previous?.value || compareRankValues(previous.value, row.value) !== 0) rank = i + 1;
    return { entryId: row.entry.id, total: row.entry.total, rank };
  });
}

/** What a submission was told: its sheet's total and version. */
export interface Acknowledged {
  judgeId: string;
  total: number;
  version: number;
}

export interface AggregateCheck {
  /** The stored aggregate (sheets, count, totals, criterion values, leaderboard key) disagrees with the stored sheets. */
  aggregateMismatch: boolean;
  /** Acknowledged submissions whose sheet is missing, or stored with another total or version. */
  missingAcknowledged: number;
  /** Recorded submissions (audit trail) minus acknowledged ones: every accepted write records exactly one. */
  historyDelta: number;
  problems: string[];
}

/**
 * Recomputes an entry's aggregate from its stored sheet items (the entry's
 * partition, read consistently) with the round's rule and compares it with the
 * stored entry item; then checks that every acknowledged submission is there.
 */
export function checkAggregate(round: Round, stored: Item, partition: readonly Item[], acknowledged: readonly Acknowledged[]): AggregateCheck {
  const sheets = partition.filter((i) => String(i.sk).startsWith(SHEET_PREFIX)) as unknown as ScoreSheet[];
  const submitted = partition.filter((i) => String(i.sk).startsWith(HISTORY_PREFIX) && i.action === 'SUBMITTED');
  const entry = stored as unknown as PanelEntry<StoredEntry> & { gsi1sk: string };
  const { method } = asPanelRound(round);
  const fromSheets: Record<string, JudgeSheet> = Object.fromEntries(sheets.map((s) => [s.judgeId, { total: s.total, marks: marksByCriterion(s.scores) }]));
  const recomputed: PanelEntry<StoredEntry> = {
    ...entry,
    sheets: fromSheets,
    sheetCount: sheets.length,
    ...scoreEntry(method.rubric.criteria, method, fromSheets, null),
  };

  const problems: string[] = [];
  const differs = (field: string, want: unknown, have: unknown) => {
    if (canonicalJson(want) !== canonicalJson(have)) problems.push(`${entry.id}: ${field} stored ${canonicalJson(have)}, recomputed ${canonicalJson(want)}`);
  };
  differs('sheets', recomputed.sheets, entry.sheets);
  differs('sheetCount', recomputed.sheetCount, entry.sheetCount);
  differs('total', recomputed.total, entry.total);
  differs('rawTotal', recomputed.rawTotal, entry.rawTotal);
  differs('criterionValues', recomputed.criterionValues, entry.criterionValues);
  differs('leaderboard key', entryIndexes(recomputed, panelScoring(method).rankValue).gsi1sk, entry.gsi1sk);
  const aggregateMismatch = problems.length > 0;

  let missingAcknowledged = 0;
  for (const ack of acknowledged) {
    const sheet = sheets.find((s) => s.judgeId === ack.judgeId);
    if (!sheet || Number(sheet.total) !== ack.total || sheet.version !== ack.version) {
      missingAcknowledged++;
      problems.push(
        `${entry.id}: acknowledged sheet of ${ack.judgeId} (total ${ack.total}, v${ack.version}) stored as ${sheet ? `${sheet.total} v${sheet.version}` : 'nothing'}`,
      );
    }
  }
  return { aggregateMismatch, missingAcknowledged, historyDelta: submitted.length - acknowledged.length, problems };
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    v === null || typeof v !== 'object' || Array.isArray(v)
      ? v
      : Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => [k, sorted(x)]),
        );
  return JSON.stringify(sorted(value) ?? null);
}
