/**
 * The PANEL method (台上赛, 擂台比拼): judges score each entry on a rubric; the
 * rule trims and aggregates their sheets; z-scores may normalise judges at close.
 * Its evidence — sheets, the panel, conflicts of interest — is kept by the sheet and
 * panel repositories and changed by the submission and removal use cases.
 */
import { conflictOf } from '../../domain/access.js';
import { dictOf } from '../../domain/dict.js';
import { InvalidInputError } from '../../domain/errors.js';
import type { Conflict, Judge, Round } from '../../domain/model.js';
import type { StoredEntry } from '../../store/entries.js';
import * as z from 'zod/mini';
import { classKey, count, decimalText, externalId, parseArgument } from '../../services/validation.js';
import type { AssessmentMethod, MethodFactory, MethodPorts } from '../method.js';
import { emptyPanelAggregate, panelEntry } from './aggregate.js';
import { asPanelRound, mergeRule, panelConfig, type PanelConfig } from './config.js';
import { panelScoring, withAggregate } from './roundScoring.js';
import { AGGREGATES, CLASS_SOURCES, isAudience, MISSING_CLASS_RULES, NORMALIZATIONS, QUORUM_MODES, ROUNDINGS, TRIM_SCOPES } from './rule.js';
import { marksByCriterion, tallyOf } from './scoring.js';

export const MAX_TRIM = 10;

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
/** The panel's fields of a round's input (RoundMethodInput, or the top level of CreateRoundInput and UpdateRoundInput). */
const panelFields = z.object({
  rubricId: optional(externalId),
  rubricVersion: optional(count(1, 1_000_000)),
  trimHighest: optional(count(0, MAX_TRIM)),
  trimLowest: optional(count(0, MAX_TRIM)),
  trimScope: optional(z.enum(TRIM_SCOPES)),
  aggregate: optional(z.enum(AGGREGATES)),
  normalization: optional(z.enum(NORMALIZATIONS)),
  quorum: optional(count(1, 100)),
  quorumMode: optional(z.enum(QUORUM_MODES)),
  tieBreakers: optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
  rounding: optional(z.enum(ROUNDINGS)),
  classes: optional(
    z
      .array(
        z.object({
          key: classKey,
          label: z.string().check(z.minLength(1), z.maxLength(40)),
          weight: decimalText,
          trimHighest: z._default(count(0, MAX_TRIM), 0),
          trimLowest: z._default(count(0, MAX_TRIM), 0),
          aggregate: z._default(z.enum(AGGREGATES), 'MEAN'),
          source: z._default(z.enum(CLASS_SOURCES), 'JUDGES'),
        }),
      )
      .check(z.maxLength(10)),
  ),
  missingClass: optional(z.enum(MISSING_CLASS_RULES)),
});

export const panelMethod: MethodFactory = (ports: MethodPorts): AssessmentMethod => ({
  kind: 'PANEL',
  judged: true,
  graphqlType: 'PanelMethod',

  async configure(fields, path) {
    const parsed = parseArgument(panelFields, pick(fields), path);
    if (!parsed.rubricId) throw missingRubric(path);
    // The version the organizer saw, so a concurrent revision by someone else is never pinned unseen.
    const rubric = parsed.rubricVersion
      ? await ports.rubrics.requireVersion(parsed.rubricId, parsed.rubricVersion, `${path}.rubricVersion`)
      : await ports.rubrics.requireLatest(parsed.rubricId, `${path}.rubricId`);
    return panelConfig(rubric, parsed, path);
  },

  async reconfigure(round, fields, path) {
    const current = asPanelRound(round).method;
    const parsed = parseArgument(panelFields, pick(fields), path);
    // A new rubric id re-pins that rubric's latest version.
    const rubric = parsed.rubricId ? await ports.rubrics.requireLatest(parsed.rubricId, `${path}.rubricId`) : current.rubric;
    return { kind: 'PANEL', rubric, ...mergeRule(current, parsed, rubric, path) } satisfies PanelConfig;
  },

  emptyAggregate: emptyPanelAggregate,

  bind(round: Round) {
    const panelRound = asPanelRound(round);
    return {
      scoring: panelScoring(panelRound.method),

      async rebuild(entries) {
        const judges = await ports.store.panels.listJudges(round.id);
        const sheets = await ports.store.sheets.listSheetsOfRound(
          round.id,
          judges.map((j) => j.userId),
        );
        const classOf = new Map(judges.map((j) => [j.userId, j.classKey ?? null]));
        const byEntry = new Map<string, typeof sheets>();
        for (const sheet of sheets) byEntry.set(sheet.entryId, [...(byEntry.get(sheet.entryId) ?? []), sheet]);
        const rebuilt = entries.map((entry) => ({
          ...panelEntry(entry),
          sheets: dictOf(
            (byEntry.get(entry.id) ?? []).map((s) => {
              const classKey = classOf.get(s.judgeId);
              return [s.judgeId, { total: s.total, marks: marksByCriterion(s.scores), ...(classKey ? { classKey } : {}) }];
            }),
          ),
        }));
        // The audience's tally from its stored votes, not from the counters the votes added to.
        const audience = (panelRound.method.classes ?? []).some(isAudience);
        const votes = audience ? await Promise.all(entries.map((e) => ports.store.ballots.votesForEntry(e.id))) : [];
        const tallied = audience ? rebuilt.map((entry, i) => ({ ...entry, audience: tallyOf(votes[i]!.map((v) => v.score)) })) : rebuilt;
        return { entries: tallied, evidenceCount: sheets.length + votes.reduce((n, v) => n + v.length, 0) };
      },

      // Only a round with an audience class has evidence outside its entries: the ballot tallies.
      ...((panelRound.method.classes ?? []).some(isAudience)
        ? {
            async collect(entries: readonly StoredEntry[]) {
              const tallies = await ports.store.ballots.tallies(entries.map((e) => e.id));
              return entries.map((entry) => {
                const panel = panelEntry(entry);
                return withAggregate(panelRound.method, { ...panel, audience: tallies.get(entry.id)! }, panel.normalized);
              });
            },
          }
        : {}),

      async prepareOpening(entries) {
        const [judges, conflicts] = await Promise.all([ports.store.panels.listJudges(round.id), ports.store.sheets.listConflictsOfRound(round.id)]);
        return entries.map((entry) => ({ ...entry, expectedSheets: expectedOf(entry, judges, conflicts) }));
      },
    };
  },
});

/** CreateRoundInput names the classes `panelClasses` at its top level; RoundMethodInput names them `classes`. */
const ALIASES: Readonly<Record<string, string>> = { classes: 'panelClasses' };

function pick(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(panelFields.shape).flatMap((key) => {
      const alias = ALIASES[key];
      if (Object.hasOwn(fields, key)) return [[key, fields[key]]];
      return alias && Object.hasOwn(fields, alias) ? [[key, fields[alias]]] : [];
    }),
  );
}

function missingRubric(path: string): InvalidInputError {
  return InvalidInputError.at(`${path}.rubricId`, 'REQUIRED', 'a judging panel scores on a rubric: give rubricId');
}

/** Sheets an entry is owed: one from each judge of the panel not excused from it (same unit, or a recorded conflict). */
export function expectedOf(entry: StoredEntry, judges: readonly Judge[], conflicts: readonly Conflict[]): number {
  const recorded = new Map(conflicts.filter((c) => c.entryId === entry.id).map((c) => [c.judgeId, c]));
  return judges.filter((j) => !conflictOf(j, entry.unit?.id ?? null, recorded.get(j.userId) ?? null)).length;
}
