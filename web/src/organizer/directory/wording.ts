import { ApiError } from '../../api/client';
import { describeError, describeIssue, issuesOf } from '../../api/errors';
import type { UnitKind } from '../../gql/graphql';
import type { MessageKey, Translate } from '../../i18n';
import type { Blame } from './importer';
import type { Problem, RosterField } from './roster';

/** Roster problems and API refusals in the reader's language, naming the row and the column. */

const FIELD_KEYS: Readonly<Record<RosterField, MessageKey>> = {
  id: 'directory.field.id',
  name: 'directory.field.name',
  unit: 'directory.field.unit',
  position: 'directory.field.position',
  grade: 'directory.field.grade',
  birthYear: 'directory.field.birthYear',
};

export function fieldLabel(t: Translate, field: RosterField): string {
  return t(FIELD_KEYS[field]);
}

export function kindLabel(t: Translate, kind: UnitKind): string {
  return t(`directory.kind.${kind}`);
}

/** What is wrong, without the row: "「出生年份」应为四位年份（1900–2100），现为“19九〇”". */
export function describeProblem(t: Translate, problem: Problem): string {
  const field = problem.field ? fieldLabel(t, problem.field) : '';
  switch (problem.code) {
    case 'REQUIRED':
      return t('directory.problem.required', { field });
    case 'TOO_LONG':
      return t('directory.problem.tooLong', { field, maximum: problem.maximum });
    case 'BAD_ID':
      return t('directory.problem.badId', { field });
    case 'BAD_YEAR':
      return t('directory.problem.badYear', { field, value: problem.value });
    case 'DUPLICATE_ID':
      return t('directory.problem.duplicateId', { field, value: problem.value, first: problem.firstRow });
    case 'UNIT_UNKNOWN':
      return problem.bare
        ? t('directory.problem.unitUnknownName', { field, value: problem.value })
        : t('directory.problem.unitUnknownPath', { field, value: problem.value });
    case 'UNIT_AMBIGUOUS':
      return t('directory.problem.unitAmbiguous', {
        field,
        value: problem.value,
        count: problem.paths.length,
        paths: problem.paths.join(t('directory.listSeparator')),
        example: problem.paths[0] ?? problem.value,
      });
    case 'UNIT_MISSING':
      return t('directory.problem.unitMissing', { field, value: problem.value });
    case 'API':
      return problem.message;
  }
}

/** "第 5 行「出生年份」应为四位年份…". */
export function describeRowProblem(t: Translate, row: number, problem: Problem): string {
  return t('directory.problem.atRow', { row, message: describeProblem(t, problem) });
}

/** The API's input fields, as the roster's columns. */
const COLUMN_OF_INPUT: Readonly<Record<string, RosterField>> = {
  id: 'id',
  name: 'name',
  unitId: 'unit',
  position: 'position',
  grade: 'grade',
  birthYear: 'birthYear',
};
const ITEM_PATH = /^input\.(\d+)(?:\.(\w+))?/u;

/**
 * The rows of a refused `upsertCadres` batch the error names, worded with their
 * spreadsheet rows: a BAD_USER_INPUT issue at `input.3.birthYear` becomes row rowOf(3)'s
 * "出生年份"; a NOT_FOUND at `input.3.unitId` (the unit went away meanwhile) that row's unit.
 */
export function blameRows(t: Translate, error: unknown, rowOf: (index: number) => number | null): Blame[] {
  if (!(error instanceof ApiError)) return [];
  if (error.code === 'BAD_USER_INPUT') {
    return issuesOf(error).flatMap((issue) => {
      const m = ITEM_PATH.exec(issue.path);
      if (!m) return [];
      const index = Number(m[1]);
      const message = describeIssue(t, { ...issue, code: issue.code || 'BAD_FORMAT' }, { rowOffset: rowOf });
      return [{ index, field: COLUMN_OF_INPUT[m[2] ?? ''] ?? null, message }];
    });
  }
  if (error.code === 'NOT_FOUND' && error.field) {
    const m = ITEM_PATH.exec(error.field);
    if (!m) return [];
    const index = Number(m[1]);
    const row = rowOf(index);
    const message =
      row === null
        ? describeError(t, error)
        : t('directory.problem.atRow', { row, message: t('directory.problem.unitGone', { field: fieldLabel(t, 'unit') }) });
    return [{ index, field: 'unit', message }];
  }
  return [];
}
