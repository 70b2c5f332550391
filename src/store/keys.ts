import { dec } from '../domain/decimal.js';
import type { Decimal } from '../domain/model.js';

/**
 * Key design, one place. Each builder returns the attributes that locate one
 * entity's item (and its index entries). Values are upper-case entity tags
 * followed by ids, so that items of different kinds never collide in a partition.
 *
 * directory    pk                 sk          gsi1pk / gsi1sk               gsi2pk / gsi2sk
 *   Unit       UNIT#<id>          #UNIT       UNITS#<parent|ROOT> / name#id  UNITS / name#id
 *   Cadre      CADRE#<id>         #CADRE      CADRES#<unitId> / id           CADRES / id
 * rubrics
 *   Rubric     RUBRIC#<id>        V#<000001>
 * competitions
 *   Competition COMP#<id>         #COMP       COMPS / id (ULID: time order)
 *   Round      ROUND#<id>         #ROUND      COMP#<cid>#ROUNDS / id
 *   Entry      ROUND#<rid>        ENTRY#<key> LB#<rid> / leaderboard order
 *   Judge      ROUND#<rid>        JUDGE#<uid> JUDGE#<uid> / rid
 *   Sheet      ENTRY#<eid>        SHEET#<uid> MYSHEETS#<rid>#<uid> / entry key
 *   History    ENTRY#<eid>        HISTORY#<sheet version id>
 *   Request    ENTRY#<eid>        REQUEST#<uid>#<clientRequestId>
 */

export interface ItemKey {
  pk: string;
  sk: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const unitKey = (id: string): ItemKey => ({ pk: `UNIT#${id}`, sk: '#UNIT' });
export const unitIndexes = (u: { id: string; name: string; parentId: string | null }) => ({
  gsi1pk: unitsUnder(u.parentId),
  gsi1sk: `${u.name}#${u.id}`,
  gsi2pk: ALL_UNITS,
  gsi2sk: `${u.name}#${u.id}`,
});
export const unitsUnder = (parentId: string | null) => `UNITS#${parentId ?? 'ROOT'}`;
export const ALL_UNITS = 'UNITS';

export const cadreKey = (id: string): ItemKey => ({ pk: `CADRE#${id}`, sk: '#CADRE' });
export const cadreIndexes = (c: { id: string; unitId: string }) => ({
  gsi1pk: cadresOf(c.unitId),
  gsi1sk: c.id,
  gsi2pk: ALL_CADRES,
  gsi2sk: c.id,
});
export const cadresOf = (unitId: string) => `CADRES#${unitId}`;
export const ALL_CADRES = 'CADRES';

export const rubricPartition = (id: string) => `RUBRIC#${id}`;
export const rubricKey = (id: string, version: number): ItemKey => ({ pk: rubricPartition(id), sk: `V#${pad(version, 6)}` });

export const competitionKey = (id: string): ItemKey => ({ pk: `COMP#${id}`, sk: '#COMP' });
export const ALL_COMPETITIONS = 'COMPS';
export const competitionIndexes = (c: { id: string }) => ({ gsi1pk: ALL_COMPETITIONS, gsi1sk: c.id });

export const roundPartition = (roundId: string) => `ROUND#${roundId}`;
export const roundKey = (id: string): ItemKey => ({ pk: roundPartition(id), sk: '#ROUND' });
export const roundsOf = (competitionId: string) => `COMP#${competitionId}#ROUNDS`;
export const roundIndexes = (r: { id: string; competitionId: string }) => ({ gsi1pk: roundsOf(r.competitionId), gsi1sk: r.id });

export const ENTRY_PREFIX = 'ENTRY#';
export const entryKey = (roundId: string, entryKeyPart: string): ItemKey => ({
  pk: roundPartition(roundId),
  sk: `${ENTRY_PREFIX}${entryKeyPart}`,
});
export const leaderboardOf = (roundId: string) => `LB#${roundId}`;

/** Upper bound of a total in hundredths; totals are capped well below it by MAX_RUBRIC_TOTAL. */
const TOTAL_CEILING = 999_999_999_999n;

/**
 * Sort key on the leaderboard index, read in ascending order: scored entries
 * first, highest total first (the total is stored inverted), then pitch order;
 * entries without a total last, in pitch order.
 */
export function leaderboardSortKey(total: Decimal | null, order: number, entryKeyPart: string): string {
  if (total === null) return `U#${pad(order, 6)}#${entryKeyPart}`;
  return `${leaderboardTotalPrefix(total)}${pad(order, 6)}#${entryKeyPart}`;
}

/** The part of a scored entry's sort key that only its total decides; ties share it. */
export function leaderboardTotalPrefix(total: Decimal): string {
  const hundredths = BigInt(dec(total).times(100).toFixed(0));
  const inverted = (TOTAL_CEILING - hundredths).toString().padStart(12, '0');
  return `S#${inverted}#`;
}

export const JUDGE_PREFIX = 'JUDGE#';
export const judgeKey = (roundId: string, userId: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${JUDGE_PREFIX}${userId}` });
export const assignmentsOf = (userId: string) => `JUDGE#${userId}`;
export const judgeIndexes = (j: { roundId: string; userId: string }) => ({ gsi1pk: assignmentsOf(j.userId), gsi1sk: j.roundId });

export const entryPartition = (entryId: string) => `ENTRY#${entryId}`;
export const SHEET_PREFIX = 'SHEET#';
export const sheetKey = (entryId: string, judgeId: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${SHEET_PREFIX}${judgeId}` });
export const sheetsOfJudge = (roundId: string, judgeId: string) => `MYSHEETS#${roundId}#${judgeId}`;
export const HISTORY_PREFIX = 'HISTORY#';
export const historyKey = (entryId: string, versionId: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${HISTORY_PREFIX}${versionId}` });
export const requestKey = (entryId: string, judgeId: string, clientRequestId: string): ItemKey => ({
  pk: entryPartition(entryId),
  sk: `REQUEST#${judgeId}#${clientRequestId}`,
});
