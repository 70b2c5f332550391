import { ulid } from 'ulid';
import { isReservedKey } from './dict.js';
import { InvalidInputError } from './errors.js';

/**
 * Identifiers. Server-made ids are a type prefix plus a ULID (time-ordered, so
 * listings sorted by id are in creation order). An entry id is its round id and
 * the enrolled cadre or unit, which makes "one pitch per cadre per round" a key
 * uniqueness rule and lets a sheet submission find its round without a lookup.
 */

export const ID_PREFIX = {
  unit: 'unit_',
  rubric: 'rub_',
  competition: 'comp_',
  round: 'round_',
  sheet: 'sheet_',
  indicatorSet: 'iset_',
} as const;

export function newId(kind: keyof typeof ID_PREFIX): string {
  return `${ID_PREFIX[kind]}${ulid()}`;
}

/** Ids chosen by organizers (cadre ids) and token subjects: safe inside keys and entry ids. */
export const EXTERNAL_ID = /^[A-Za-z0-9_@:-][A-Za-z0-9_.@:-]{0,127}$/;

/** An external id that is also safe as a record key (judge ids key an entry's sheets). */
export function isExternalId(id: string): boolean {
  return EXTERNAL_ID.test(id) && !isReservedKey(id);
}
export const ROUND_ID = /^round_[0-9A-HJKMNP-TV-Z]{26}$/;

export type Participant = { kind: 'cadre'; id: string } | { kind: 'unit'; id: string };

export function entryKeyPart(participant: Participant): string {
  return `${participant.kind === 'cadre' ? 'c' : 'u'}~${participant.id}`;
}

export function entryIdOf(roundId: string, participant: Participant): string {
  return `${roundId}.${entryKeyPart(participant)}`;
}

export interface ParsedEntryId {
  roundId: string;
  keyPart: string;
  participant: Participant;
}

/** Splits an entry id; anything malformed is a bad argument at `path`. */
export function parseEntryId(entryId: string, path: string): ParsedEntryId {
  const dot = entryId.indexOf('.');
  const roundId = entryId.slice(0, dot);
  const keyPart = entryId.slice(dot + 1);
  const match = /^([cu])~(.+)$/.exec(keyPart);
  if (dot < 0 || !ROUND_ID.test(roundId) || !match || !isExternalId(match[2]!)) {
    throw InvalidInputError.at(path, 'BAD_ID', 'not a valid entry id');
  }
  return { roundId, keyPart, participant: { kind: match[1] === 'c' ? 'cadre' : 'unit', id: match[2]! } };
}
