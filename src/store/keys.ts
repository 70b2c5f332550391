import type { Decimal } from '../domain/model.js';
import { invertedValue as inverted, rankValueKey, type RankValue } from '../domain/ranking.js';

/**
 * Key design, one place. Each builder returns the attributes that locate one
 * entity's item (and its index entries). Values are upper-case entity tags
 * followed by ids, so that items of different kinds never collide in a partition.
 *
 * directory    pk                 sk          gsi1pk / gsi1sk               gsi2pk / gsi2sk
 *   Unit       UNIT#<id>          #UNIT       UNITS#<parent|ROOT> / name#id  UNITS / name#id
 *   Cadre      CADRE#<id>         #CADRE      CADRES#<unitId> / id           CADRES / id
 *   Change     CHANGES#<subject>  <at>#<ULID>  (units, cadres; rubrics in their table)
 *   ApiKey     APIKEY#<id>        #APIKEY     APIKEYS#<createdBy> / id
 * rubrics
 *   Rubric     RUBRIC#<id>        V#<000001>
 *   Head       RUBRIC#<id>        #HEAD       RUBRICS / id (ULID: time order)
 *   IndicatorSet INDSET#<id>      V#<000001>
 *   Head       INDSET#<id>        #HEAD       INDSETS / id
 * competitions                                                              (gsi2 on entries only)
 *   Competition COMP#<id>         #COMP       COMPS / id (ULID: time order)
 *   Grant      COMP#<id>          GRANT#<uid>
 *   Round      ROUND#<id>         #ROUND      COMP#<cid>#ROUNDS / id
 *   Entry      ROUND#<rid>        ENTRY#<key> LB#<rid> / leaderboard order     gsi2: LBG#<rid>#<group> / same
 *   Conflict   ENTRY#<eid>        CONFLICT#<uid>
 *   Judge      ROUND#<rid>        JUDGE#<uid> JUDGE#<uid> / rid
 *   Manager    ROUND#<rid>        MANAGER#<uid>   (an organizer of its competition: read with the round, no extra request)
 *   Amendment  ROUND#<rid>        AMEND#<ULID>
 *   Draw       ROUND#<rid>        DRAW#<at>#<ULID>
 *   Rejected   ROUND#<rid>        REJECT#<uid>#<clientRequestId>
 *   Sheet      ENTRY#<eid>        SHEET#<uid> MYSHEETS#<rid>#<uid> / entry key
 *   History    ENTRY#<eid>        HISTORY#<sheet version id>
 *   Request    ENTRY#<eid>        REQUEST#<uid>#<clientRequestId>
 *   Value      ENTRY#<eid>        VALUE#<indicator>   VALUES#<rid> / entry key#indicator
 *   Adjustment ENTRY#<eid>        ADJ#<adjustment id> ADJS#<rid> / entry key#adjustment id
 *   Receipt    ENTRY#<eid>        VREQ#<clientRequestId>   (values written by that request)
 *   Hall       ROUND#<rid>        #LIVE       (stage, last reveal, sequence: the live hall)
 *   LiveShard  ROUND#<rid>        LIVE#<n>    (submissions counted, sharded by judge: no hot item)
 *   Seat       ROUND#<rid>        SEAT#<id>
 *   JoinCode   JOIN#<code>        #JOIN       (the code's seat: one read to join)
 *   SignOff    ROUND#<rid>        SIGNOFF#<judge id>
 *   Objection  ROUND#<rid>        OBJ#<ULID>
 *   Publication ROUND#<rid>       PUB#<000001>
 *   CalendarDay CALENDAR#<year>   <YYYY-MM-DD>   (days an organizer added to the working-day calendar)
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

/** The change log of one unit, cadre or rubric (directory or rubrics table), in time order. */
export const changesOf = (subjectId: string) => `CHANGES#${subjectId}`;
export const changeKey = (subjectId: string, at: string, id: string): ItemKey => ({ pk: changesOf(subjectId), sk: `${at}#${id}` });

export const apiKeyKey = (id: string): ItemKey => ({ pk: `APIKEY#${id}`, sk: '#APIKEY' });
export const apiKeysOf = (userId: string) => `APIKEYS#${userId}`;

/** Versioned things (rubrics: RUBRIC, indicator sets: INDSET): a partition per thing, a version item each, and a head. */
export const VERSION_PREFIX = 'V#';
export const versionPartition = (prefix: string, id: string) => `${prefix}#${id}`;
export const versionKey = (prefix: string, id: string, version: number): ItemKey => ({
  pk: versionPartition(prefix, id),
  sk: `${VERSION_PREFIX}${pad(version, 6)}`,
});
export const versionHeadKey = (prefix: string, id: string): ItemKey => ({ pk: versionPartition(prefix, id), sk: '#HEAD' });

export const RUBRIC_PREFIX = 'RUBRIC';
export const rubricHeadKey = (id: string): ItemKey => versionHeadKey(RUBRIC_PREFIX, id);
export const ALL_RUBRICS = 'RUBRICS';

export const competitionKey = (id: string): ItemKey => ({ pk: `COMP#${id}`, sk: '#COMP' });
export const ALL_COMPETITIONS = 'COMPS';
export const ARCHIVED_COMPETITIONS = 'COMPS#ARCHIVED';
/** Archived competitions move to their own list, so that the main list pages without filtering. */
export const competitionIndexes = (c: { id: string; archivedAt?: string | null }) => ({
  gsi1pk: c.archivedAt ? ARCHIVED_COMPETITIONS : ALL_COMPETITIONS,
  gsi1sk: c.id,
});
export const grantKey = (competitionId: string, userId: string): ItemKey => ({ pk: `COMP#${competitionId}`, sk: `GRANT#${userId}` });

export const roundPartition = (roundId: string) => `ROUND#${roundId}`;
export const roundKey = (id: string): ItemKey => ({ pk: roundPartition(id), sk: '#ROUND' });
export const roundsOf = (competitionId: string, archived = false) => `COMP#${competitionId}#ROUNDS${archived ? '#ARCHIVED' : ''}`;
export const roundIndexes = (r: { id: string; competitionId: string; archivedAt?: string | null }) => ({
  gsi1pk: roundsOf(r.competitionId, Boolean(r.archivedAt)),
  gsi1sk: r.id,
});

export const ENTRY_PREFIX = 'ENTRY#';
export const entryKey = (roundId: string, entryKeyPart: string): ItemKey => ({
  pk: roundPartition(roundId),
  sk: `${ENTRY_PREFIX}${entryKeyPart}`,
});
export const leaderboardOf = (roundId: string) => `LB#${roundId}`;

export const groupLeaderboardOf = (roundId: string, group: string) => `LBG#${roundId}#${group}`;

/** Sort keys of ranked entries better than `value` are all below this. */
export function rankedBelow(value: RankValue): string {
  return `1#${rankValueKey(value)}#`;
}

/**
 * Sort key on the leaderboard indexes, read in ascending order: ranked entries first,
 * best rank value first (values stored inverted), then pitch order; then entries
 * with a total but below quorum, by total; then entries without a total, in pitch order.
 */
export function leaderboardSortKey(rank: RankValue | null, total: Decimal | null, order: number, entryKeyPart: string): string {
  const tail = `${pad(order, 6)}#${entryKeyPart}`;
  if (rank) return `1#${rankValueKey(rank)}#${tail}`;
  if (total !== null) return `2#${inverted(total)}#${tail}`;
  return `3#${tail}`;
}

export const DRAW_PREFIX = 'DRAW#';
export const drawKey = (roundId: string, at: string, id: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${DRAW_PREFIX}${at}#${id}` });
export const REJECTED_PREFIX = 'REJECT#';
export const rejectedKey = (roundId: string, judgeId: string, clientRequestId: string): ItemKey => ({
  pk: roundPartition(roundId),
  sk: `${REJECTED_PREFIX}${judgeId}#${clientRequestId}`,
});

export const AMENDMENT_PREFIX = 'AMEND#';
export const amendmentKey = (roundId: string, id: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${AMENDMENT_PREFIX}${id}` });

/** Marks an organizer of the round's competition, so that one batch read answers "does the caller manage it?". */
export const managerKey = (roundId: string, userId: string): ItemKey => ({ pk: roundPartition(roundId), sk: `MANAGER#${userId}` });

export const JUDGE_PREFIX = 'JUDGE#';
export const judgeKey = (roundId: string, userId: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${JUDGE_PREFIX}${userId}` });
export const assignmentsOf = (userId: string) => `JUDGE#${userId}`;
export const judgeIndexes = (j: { roundId: string; userId: string }) => ({ gsi1pk: assignmentsOf(j.userId), gsi1sk: j.roundId });

export const entryPartition = (entryId: string) => `ENTRY#${entryId}`;
export const SHEET_PREFIX = 'SHEET#';
export const sheetKey = (entryId: string, judgeId: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${SHEET_PREFIX}${judgeId}` });
export const CONFLICT_PREFIX = 'CONFLICT#';
export const conflictKey = (entryId: string, judgeId: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${CONFLICT_PREFIX}${judgeId}` });
export const sheetsOfJudge = (roundId: string, judgeId: string) => `MYSHEETS#${roundId}#${judgeId}`;
export const HISTORY_PREFIX = 'HISTORY#';
export const historyKey = (entryId: string, versionId: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${HISTORY_PREFIX}${versionId}` });
export const requestKey = (entryId: string, judgeId: string, clientRequestId: string): ItemKey => ({
  pk: entryPartition(entryId),
  sk: `REQUEST#${judgeId}#${clientRequestId}`,
});

export const INDICATOR_SET_PREFIX = 'INDSET';
export const ALL_INDICATOR_SETS = 'INDSETS';

export const VALUE_PREFIX = 'VALUE#';
export const valueKey = (entryId: string, indicator: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${VALUE_PREFIX}${indicator}` });
export const valuesOf = (roundId: string) => `VALUES#${roundId}`;
export const ADJUSTMENT_PREFIX = 'ADJ#';
export const adjustmentKey = (entryId: string, id: string): ItemKey => ({ pk: entryPartition(entryId), sk: `${ADJUSTMENT_PREFIX}${id}` });
export const adjustmentsOf = (roundId: string) => `ADJS#${roundId}`;
/** A receipt: this client request already wrote this entry's values (a replay writes nothing). */
export const VALUE_REQUEST_PREFIX = 'VREQ#';
export const valueRequestKey = (entryId: string, clientRequestId: string): ItemKey => ({
  pk: entryPartition(entryId),
  sk: `${VALUE_REQUEST_PREFIX}${clientRequestId}`,
});

export const hallKey = (roundId: string): ItemKey => ({ pk: roundPartition(roundId), sk: '#LIVE' });
/** Submissions bump one of these shards (by judge), so the live sequence never funnels every judge into one item. */
export const LIVE_SHARDS = 16;
export const liveShardKey = (roundId: string, shard: number): ItemKey => ({ pk: roundPartition(roundId), sk: `LIVE#${shard}` });
export const SEAT_PREFIX = 'SEAT#';
export const seatKey = (roundId: string, seatId: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${SEAT_PREFIX}${seatId}` });
export const joinCodeKey = (code: string): ItemKey => ({ pk: `JOIN#${code}`, sk: '#JOIN' });
export const SIGN_OFF_PREFIX = 'SIGNOFF#';
export const signOffKey = (roundId: string, judgeId: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${SIGN_OFF_PREFIX}${judgeId}` });
export const OBJECTION_PREFIX = 'OBJ#';
export const objectionKey = (roundId: string, id: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${OBJECTION_PREFIX}${id}` });
export const PUBLICATION_PREFIX = 'PUB#';
export const publicationKey = (roundId: string, n: number): ItemKey => ({ pk: roundPartition(roundId), sk: `${PUBLICATION_PREFIX}${pad(n, 6)}` });
export const calendarYear = (year: number) => `CALENDAR#${year}`;
export const calendarDayKey = (date: string): ItemKey => ({ pk: calendarYear(Number(date.slice(0, 4))), sk: date });

/* Citizens' ratings (PUBLIC_RATING)
 *   Point      POINT#<id>              #POINT      POINTS#<unitId> / id
 *   Code       RCODE#<code>            #RCODE      RCODES#<unitId> / code     gsi2: PCODES#<pointId> / code
 *   Counter    RCOUNT#<code>#<month>   S#<n>       (per-level counts, write-sharded; ADD only)
 *   Rating     RATINGS#<code>#<month>  <id>
 *   Dedup      RDEDUP#<key>            #RDEDUP     (a ref, or device + point + day: one rating each)
 *   Throttle   RIP#<address hash>#<minute> #RIP    (ratings from one address in one minute)
 *   Case       RCASE#<id>              #RCASE      RCASES#<month> / unitId#id
 */
export const pointKey = (id: string): ItemKey => ({ pk: `POINT#${id}`, sk: '#POINT' });
export const pointsOf = (unitId: string) => `POINTS#${unitId}`;
export const ratingCodeKey = (code: string): ItemKey => ({ pk: `RCODE#${code}`, sk: '#RCODE' });
export const codesOfUnit = (unitId: string) => `RCODES#${unitId}`;
export const codesOfPoint = (pointId: string) => `PCODES#${pointId}`;
export const counterKey = (code: string, month: string, shard: number | 'removed'): ItemKey => ({ pk: `RCOUNT#${code}#${month}`, sk: `S#${shard}` });
export const ratingsOf = (code: string, month: string) => `RATINGS#${code}#${month}`;
export const ratingKey = (code: string, month: string, id: string): ItemKey => ({ pk: ratingsOf(code, month), sk: id });
export const dedupKey = (key: string): ItemKey => ({ pk: `RDEDUP#${key}`, sk: '#RDEDUP' });
export const throttleKey = (addressHash: string, minute: string): ItemKey => ({ pk: `RIP#${addressHash}#${minute}`, sk: '#RIP' });
export const caseKey = (id: string): ItemKey => ({ pk: `RCASE#${id}`, sk: '#RCASE' });
export const casesOf = (month: string) => `RCASES#${month}`;

/** A ballot of a round's audience (群众评委), by its code. */
export const BALLOT_PREFIX = 'BALLOT#';
export const ballotKey = (roundId: string, code: string): ItemKey => ({ pk: roundPartition(roundId), sk: `${BALLOT_PREFIX}${code}` });
/** One ballot's vote for one entry; its own partition per ballot keeps a busy hall's votes apart. */
export const ballotVoteKey = (roundId: string, code: string, entryId: string): ItemKey => ({ pk: `BVOTE#${roundId}#${code}`, sk: entryId });
export const ballotVotesOf = (roundId: string, code: string) => `BVOTE#${roundId}#${code}`;
/** GSI1 of a vote: an entry's votes, for recounting its tally. */
export const votesForEntry = (entryId: string) => `BVOTES#${entryId}`;
/** The ballots of an entry are added up on shards, each its own partition, so no item is hot. */
export const BALLOT_SHARDS = 8;
export const ballotTallyKey = (entryId: string, shard: number): ItemKey => ({ pk: `BTALLY#${entryId}#${shard}`, sk: '#TALLY' });
