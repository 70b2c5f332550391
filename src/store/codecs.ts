/**
 * Typed codecs from stored items to records, one per entity. Each checks the item's
 * `entity` tag, drops the key and index attributes, and reads older item shapes
 * (rounds stored before they named their method), so nothing above the store casts
 * an item or repairs a missing field.
 */
import type {
  Amendment,
  ApiKey,
  Cadre,
  Competition,
  Conflict,
  Entry,
  Judge,
  PitchDraw,
  RejectedSheet,
  Round,
  Rubric,
  ScoreSheet,
  SheetEvent,
  Unit,
} from '../domain/model.js';
import type { HallState, JudgeSeat, SignOff } from '../domain/hall.js';
import type { ChangeRecord } from '../domain/ownership.js';
import type { CalendarDay, Objection, Publication } from '../domain/publication.js';
import { DEFAULT_ALERT_RULE } from '../domain/progression.js';
import { DEFAULT_STANDINGS_RULE } from '../domain/standings.js';
import type { Adjustment, IndicatorSet, IndicatorValue } from '../methods/indicators/model.js';
import type { Rating, RatingCase, RatingCode, ServicePoint } from '../methods/ratings/model.js';

export type Item = Record<string, unknown>;

/** Attributes that locate an item rather than describe it. */
const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity']);

/** A stored entry also knows its key part (`c~id`/`u~id`) for its keys; its method's aggregate is stored beside it. */
export interface StoredEntry extends Entry {
  keyPart: string;
}

/** A rubric's head item: its latest version and its grants. */
export interface RubricHead {
  id: string;
  name: string;
  latestVersion: number;
  updatedAt: string;
  ownerId?: string | null;
  editors?: string[];
}

/** An indicator set's head item: its latest version, for listings. */
export interface IndicatorSetHead {
  id: string;
  name: string;
  latestVersion: number;
  updatedAt: string;
  ownerId?: string | null;
}

/** What a replayed submission returns: the stored first result, and a fingerprint of its input. */
export interface RequestRecord {
  fingerprint: string;
  sheet: ScoreSheet;
}

/** An item whose entity tag is not the one its key promised: a bug or a hand edit, never a user's mistake. */
export class CorruptItemError extends Error {}

/** A join code's item: which seat of which round it opens. */
export interface JoinCodeRecord {
  code: string;
  roundId: string;
  seatId: string;
}

interface Entities {
  Adjustment: Adjustment;
  CalendarDay: CalendarDay;
  Hall: HallState;
  JoinCode: JoinCodeRecord;
  Objection: Objection;
  Publication: Publication;
  Rating: Rating;
  RatingCase: RatingCase;
  RatingCode: RatingCode;
  ServicePoint: ServicePoint;
  Seat: JudgeSeat;
  SignOff: SignOff;
  Amendment: Amendment;
  ApiKey: ApiKey;
  Cadre: Cadre;
  Change: ChangeRecord;
  Competition: Competition;
  Conflict: Conflict;
  Draw: PitchDraw;
  Entry: StoredEntry;
  IndicatorSet: IndicatorSet;
  IndicatorSetHead: IndicatorSetHead;
  IndicatorValue: IndicatorValue;
  Judge: Judge;
  RejectedSheet: RejectedSheet;
  Request: RequestRecord;
  Round: Round;
  Rubric: Rubric;
  RubricHead: RubricHead;
  Sheet: ScoreSheet;
  SheetEvent: SheetEvent;
  Unit: Unit;
}
export type EntityName = keyof Entities;

/** The panel's rule and rubric, kept at the top level of round items written before rounds named their method. */
const LEGACY_PANEL_ATTRIBUTES = ['rubric', 'trimHighest', 'trimLowest', 'trimScope', 'aggregate', 'normalization', 'quorum', 'quorumMode', 'tieBreakers'];

/** Per-entity upgrades of older item shapes. */
const UPGRADES: { [K in EntityName]?: (record: Item) => Item } = {
  Competition: (record) => ({ standingsRule: DEFAULT_STANDINGS_RULE, alertRule: DEFAULT_ALERT_RULE, version: 0, ...record }),
  // Counters added after the first rounds were stored start at zero.
  Round: (record) => {
    if (record.method) return { amendmentCount: 0, rejectedSheetCount: 0, ...record };
    const method: Item = { kind: 'PANEL' };
    for (const name of LEGACY_PANEL_ATTRIBUTES) {
      if (Object.hasOwn(record, name)) method[name] = record[name];
      delete record[name];
    }
    record.method = method;
    return { amendmentCount: 0, rejectedSheetCount: 0, ...record };
  },
};

/** The record an item stores, checked against the entity its key promised. */
export function decode<K extends EntityName>(entity: K, item: Item): Entities[K] {
  if (item.entity !== entity) throw new CorruptItemError(`Expected a ${entity} item, found ${String(item.entity)}`);
  const record: Item = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) record[k] = v;
  const upgrade = UPGRADES[entity];
  return (upgrade ? upgrade(record) : record) as unknown as Entities[K];
}

/** A codec for one entity, for `items.map(decoder('Judge'))`. */
export const decoder =
  <K extends EntityName>(entity: K) =>
  (item: Item): Entities[K] =>
    decode(entity, item);
