import type { ErrorReason, IssueCode } from '../gql/graphql';
import type { MessageKey, Params, Translate } from '../i18n';
import { CATALOGS } from '../locales';
import { ApiError } from './client';

/**
 * API failures worded for people, in the current language. Nothing the API says in
 * English (its `message`s are for logs and developers) reaches the screen: a sentence is
 * built from the stable codes only — `extensions.reason`, `extensions.code`, and for
 * BAD_USER_INPUT each item of `extensions.issues` (`{ path, code, params }`).
 */

/** One item of a BAD_USER_INPUT error's `extensions.issues`, as the API sends it. */
export interface Issue {
  /** Dotted and 0-based, e.g. `input.criteria.2.maxScore`. */
  path: string;
  code: string;
  params?: Readonly<Record<string, unknown>>;
  message?: string;
}

export interface IssueWording {
  /**
   * Spreadsheet rows instead of list positions: the first list index in the path (0-based,
   * e.g. the 3 of `input.3.name`) is the record's place in what was sent; a number adds that
   * offset (2 for a sheet whose row 1 is the header), a function maps the index to the row
   * (or null when it has none, e.g. rows that were skipped). "第 5 行的「姓名」不能为空".
   */
  rowOffset?: number | ((index: number) => number | null);
  /** Criterion labels by key, so "“innovation”" reads "“创新性”". */
  criterionLabels?: Readonly<Record<string, string>>;
}

/** A refusal's reason, worded: every value of the schema's ErrorReason (the type check enforces it). */
const REASON_MESSAGES: Record<ErrorReason, MessageKey> = {
  ROLE: 'error.ROLE',
  NOT_YOUR_COMPETITION: 'error.NOT_YOUR_COMPETITION',
  NOT_YOUR_DIRECTORY: 'error.NOT_YOUR_DIRECTORY',
  OUT_OF_KEY_SCOPE: 'error.OUT_OF_KEY_SCOPE',
  NOT_ON_PANEL: 'error.NOT_ON_PANEL',
  RESULTS_NOT_VISIBLE: 'error.RESULTS_NOT_VISIBLE',
  ORIGIN: 'error.ORIGIN',
  ROUND_STATUS: 'error.ROUND_STATUS',
  REJECTED_AFTER_CLOSE: 'error.REJECTED_AFTER_CLOSE',
  ROUND_FINALIZING: 'error.ROUND_FINALIZING',
  ROUND_INCOMPLETE: 'error.ROUND_INCOMPLETE',
  PANEL_FIXED: 'error.PANEL_FIXED',
  ALREADY_ENROLLED: 'error.ALREADY_ENROLLED',
  CONFLICT_SAME_UNIT: 'error.CONFLICT_SAME_UNIT',
  CONFLICT_DECLARED: 'error.CONFLICT_DECLARED',
  CONFLICT_SET: 'error.CONFLICT_SET',
  CLIENT_REQUEST_ID_REUSED: 'error.CLIENT_REQUEST_ID_REUSED',
  CONCURRENT_EDIT: 'error.CONCURRENT_EDIT',
  HAS_RESULTS: 'error.HAS_RESULTS',
  WRONG_METHOD: 'error.WRONG_METHOD',
  MAKER_CHECKER: 'error.MAKER_CHECKER',
  SEAT_REVOKED: 'error.SEAT_REVOKED',
  SEAT_ALREADY_JOINED: 'error.SEAT_ALREADY_JOINED',
  SEAT_SCOPE: 'error.SEAT_SCOPE',
  NOT_ON_STAGE: 'error.NOT_ON_STAGE',
  NOT_PITCHED: 'error.NOT_PITCHED',
  PITCH_NOT_RUNNING: 'error.PITCH_NOT_RUNNING',
  SHEETS_MISSING: 'error.SHEETS_MISSING',
  SIGN_OFF_MISSING: 'error.SIGN_OFF_MISSING',
  NOTICE_CLOSED: 'error.NOTICE_CLOSED',
  OBJECTION_ANSWERED: 'error.OBJECTION_ANSWERED',
  OBJECTION_NOT_UPHELD: 'error.OBJECTION_NOT_UPHELD',
  CODE_ROTATED: 'error.CODE_ROTATED',
  ALREADY_RATED: 'error.ALREADY_RATED',
  RATE_LIMITED: 'error.RATE_LIMITED',
  FORM_EXPIRED: 'error.FORM_EXPIRED',
  CASE_STEP_OUT_OF_ORDER: 'error.CASE_STEP_OUT_OF_ORDER',
  BALLOT_USED: 'error.BALLOT_USED',
};

type Facts = Readonly<Record<string, unknown>>;

/** An issue's predicate, by code; a few codes pick a variant from their params. Every IssueCode has one. */
const ISSUE_MESSAGES: Record<IssueCode, MessageKey | ((params: Facts) => MessageKey)> = {
  REQUIRED: 'issue.REQUIRED',
  WRONG_TYPE: (p) => (p.expected === 'number' ? 'issue.WRONG_TYPE.number' : p.expected === 'string' ? 'issue.WRONG_TYPE.string' : 'issue.WRONG_TYPE'),
  TOO_SHORT: (p) => (Number(p.minimum ?? 1) <= 1 ? 'issue.TOO_SHORT.empty' : 'issue.TOO_SHORT'),
  TOO_LONG: 'issue.TOO_LONG',
  TOO_SMALL: 'issue.TOO_SMALL',
  TOO_BIG: 'issue.TOO_BIG',
  TOO_FEW: 'issue.TOO_FEW',
  TOO_MANY: 'issue.TOO_MANY',
  NOT_INTEGER: 'issue.NOT_INTEGER',
  NOT_FINITE: 'issue.NOT_FINITE',
  NOT_POSITIVE: 'issue.NOT_POSITIVE',
  NOT_ONE_OF: 'issue.NOT_ONE_OF',
  BAD_ID: (p) => (p.maximum !== undefined ? 'issue.BAD_ID.long' : 'issue.BAD_ID'),
  RESERVED_WORD: 'issue.RESERVED_WORD',
  BAD_FORMAT: (p) => (p.format === 'datetime' ? 'issue.BAD_FORMAT.datetime' : 'issue.BAD_FORMAT'),
  NOT_MULTIPLE_OF_STEP: 'issue.NOT_MULTIPLE_OF_STEP',
  ABOVE_MAX_SCORE: 'issue.ABOVE_MAX_SCORE',
  STEP_DOES_NOT_DIVIDE_MAX: 'issue.STEP_DOES_NOT_DIVIDE_MAX',
  DUPLICATE: 'issue.DUPLICATE',
  UNKNOWN_CRITERION: 'issue.UNKNOWN_CRITERION',
  MISSING_CRITERION: 'issue.MISSING_CRITERION',
  NEEDS_SHEET_TRIM: 'issue.NEEDS_SHEET_TRIM',
  TOTAL_TOO_LARGE: 'issue.TOTAL_TOO_LARGE',
  ONE_OF_REQUIRED: 'issue.ONE_OF_REQUIRED',
  NOT_IN_ROUND: 'issue.NOT_IN_ROUND',
  UNIT_CYCLE: 'issue.UNIT_CYCLE',
  INCOMPLETE_ORDER: 'issue.INCOMPLETE_ORDER',
  NOT_IN_FUTURE: 'issue.NOT_IN_FUTURE',
  BAD_CURSOR: 'issue.BAD_CURSOR',
  METHOD_NOT_AVAILABLE: 'issue.METHOD_NOT_AVAILABLE',
  UNKNOWN_INDICATOR: 'issue.UNKNOWN_INDICATOR',
  WEIGHTS_DO_NOT_SUM: 'issue.WEIGHTS_DO_NOT_SUM',
  MISSING_PARAMETER: 'issue.MISSING_PARAMETER',
  EQUAL_BOUNDS: 'issue.EQUAL_BOUNDS',
  UNKNOWN_CLASS: 'issue.UNKNOWN_CLASS',
  CLASSES_EXCLUDE_ZSCORE: 'issue.CLASSES_EXCLUDE_ZSCORE',
  AUDIENCE_NO_TRIM: 'issue.AUDIENCE_NO_TRIM',
  AUDIENCE_MEAN_ONLY: 'issue.AUDIENCE_MEAN_ONLY',
  AUDIENCE_NEEDS_JUDGES: 'issue.AUDIENCE_NEEDS_JUDGES',
};

/**
 * Leaves that stand for their list item itself, so the item alone names the field:
 * `scores.1.score` is "第 2 项评分", not "第 2 项评分的「分数」". For DUPLICATE the listed
 * value is what identifies the item (`entries.4.cadreId` → "第 5 个参赛者重复").
 */
const ITEM_ITSELF: Readonly<Record<string, readonly string[]>> = { scores: ['score'] };
const ITEM_IDENTITY: Readonly<Record<string, readonly string[]>> = {
  scores: ['criterion'],
  entries: ['cadreId', 'unitId'],
  judges: ['userId'],
  input: ['id'],
  roundWeights: ['roundId'],
};

/** Argument names that only wrap the fields inside them (`input.name` is the name). */
const WRAPPERS = new Set(['input']);

/** Codes whose sentence needs no field: the rule concerns the request as a whole. */
const WHOLE_REQUEST = new Set<string>(['NEEDS_SHEET_TRIM', 'TOTAL_TOO_LARGE', 'UNIT_CYCLE', 'INCOMPLETE_ORDER', 'BAD_CURSOR', 'METHOD_NOT_AVAILABLE']);

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.keys(CATALOGS['zh-CN']));
const messageKey = (key: string): MessageKey | null => (KNOWN_KEYS.has(key) ? (key as MessageKey) : null);
const isIndex = (segment: string) => /^\d+$/.test(segment);

/** The field named in words: `field.<list>.<leaf>` when the list gives it a meaning of its own, else `field.<leaf>`. */
function fieldName(t: Translate, leaf: string, list: string | null): string | null {
  const key = (list ? messageKey(`field.${list}.${leaf}`) : null) ?? messageKey(`field.${leaf}`);
  return key ? t(key) : null;
}

/** "第 3 个评分项" (or "第 5 行" with a row mapping) for the item at `index` of `list`. */
function itemName(t: Translate, list: string, index: number, rowOf: ((index: number) => number | null) | null): string {
  const row = rowOf?.(index);
  if (row !== null && row !== undefined) return t('issue.row', { row });
  return t(messageKey(`field.item.${list}`) ?? 'field.item.any', { n: index + 1 });
}

/** The words for what an issue's path points at, e.g. "第 3 个评分项的「满分」". */
function subjectOf(t: Translate, issue: Issue, options: IssueWording): string {
  const segments = issue.path.split('.').filter(Boolean);
  const offset = options.rowOffset;
  const rowOf = offset === undefined ? null : typeof offset === 'number' ? (i: number) => i + offset : offset;
  // The item is the innermost list element on the path; a row mapping applies to the outermost.
  let item: string | null = null;
  let list: string | null = null;
  let firstList = true;
  for (let i = 1; i < segments.length; i++) {
    if (!isIndex(segments[i]!)) continue;
    list = segments[i - 1]!;
    item = itemName(t, list, Number(segments[i]), firstList ? rowOf : null);
    firstList = false;
  }
  const last = segments[segments.length - 1];
  let leaf = last && !isIndex(last) ? last : null;
  if (leaf && WRAPPERS.has(leaf) && segments.length === 1) leaf = null;
  if (leaf && list && item) {
    const lastIndex = segments.findLastIndex(isIndex);
    const directChild = lastIndex === segments.length - 2;
    const stands =
      ITEM_ITSELF[list]?.includes(leaf) ||
      (issue.code === 'DUPLICATE' && ITEM_IDENTITY[list]?.includes(leaf)) ||
      // The sentence names the parameter itself: "第 1 个指标缺少所需参数「满意值」".
      issue.code === 'MISSING_PARAMETER';
    if (directChild && stands) leaf = null;
  }
  if (!leaf) return item ?? t('issue.subject.unknown');
  const field = fieldName(t, leaf, list);
  if (!field) return item ?? t('issue.subject.unknown');
  return item ? t('issue.subject.itemField', { item, field }) : t('issue.subject.field', { field });
}

/** The innermost list an issue's path goes through (`indicators` of `input.indicators.2.step`), if any. */
function innermostList(path: string): string | null {
  const segments = path.split('.').filter(Boolean);
  for (let i = segments.length - 1; i > 0; i--) if (isIndex(segments[i]!)) return segments[i - 1]!;
  return null;
}

/** Params as the sentence shows them: lists joined, criterion keys as their labels, field names in words. */
function wordedParams(t: Translate, issue: Issue, options: IssueWording): Params {
  const words: Params = {};
  const list = innermostList(issue.path);
  for (const [name, value] of Object.entries(issue.params ?? {})) {
    if (Array.isArray(value)) words[name] = value.map(String).join('、');
    else if (typeof value === 'string' || typeof value === 'number') words[name] = value;
    else if (typeof value === 'boolean') words[name] = String(value);
  }
  const criterion = issue.params?.criterion;
  if (typeof criterion === 'string') words.criterion = options.criterionLabels?.[criterion] ?? criterion;
  const choices = issue.params?.options;
  if (issue.code === 'ONE_OF_REQUIRED' && Array.isArray(choices)) {
    words.options = choices.map((c) => t('issue.subject.field', { field: fieldName(t, String(c), list) ?? String(c) })).join(t('issue.or'));
  }
  const parameter = issue.params?.parameter;
  if (issue.code === 'MISSING_PARAMETER' && typeof parameter === 'string') words.parameter = fieldName(t, parameter, list) ?? parameter;
  return words;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One issue of a BAD_USER_INPUT error in words, naming the field and the list item 1-based:
 * `{ path: 'input.criteria.2.maxScore', code: 'TOO_SMALL', params: { minimum: 0 } }` →
 * "第 3 个评分项的「满分」不能小于 0". A spreadsheet importer passes `rowOffset` so the item
 * reads as its row ("第 5 行的「姓名」不能为空"); a scoring page passes `criterionLabels`.
 * An unknown code still yields a sentence naming the field, never the API's English.
 */
export function describeIssue(t: Translate, issue: Issue, options: IssueWording = {}): string {
  const entry = (ISSUE_MESSAGES as Record<string, MessageKey | ((params: Facts) => MessageKey)>)[issue.code];
  const key = typeof entry === 'function' ? entry(issue.params ?? {}) : (entry ?? 'issue.BAD_FORMAT');
  const subject = WHOLE_REQUEST.has(issue.code) ? '' : subjectOf(t, issue, options);
  const sentence = t(key, { ...wordedParams(t, issue, options), subject });
  return capitalize(sentence);
}

/** The issues of a BAD_USER_INPUT error, read defensively (an older API sends `{ path, message }` only). */
export function issuesOf(error: ApiError): Issue[] {
  const raw = error.errors[0]?.extensions?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown): Issue[] => {
    if (!item || typeof item !== 'object') return [];
    const { path, code, params } = item as Record<string, unknown>;
    if (typeof path !== 'string') return [];
    return [{ path, code: typeof code === 'string' ? code : '', params: params && typeof params === 'object' ? (params as Facts) : undefined }];
  });
}

/** The reason of a refusal, when it is one of the schema's. */
export function reasonOf(error: unknown): ErrorReason | null {
  if (!(error instanceof ApiError) || !error.reason) return null;
  return error.reason in REASON_MESSAGES ? (error.reason as ErrorReason) : null;
}

function describeInput(t: Translate, error: ApiError, options: IssueWording): string {
  const issues = issuesOf(error);
  if (issues.length === 0) {
    // No issue list: at most the field the API named.
    if (!error.field) return t('error.BAD_USER_INPUT_plain');
    return t('error.BAD_USER_INPUT', { message: describeIssue(t, { path: error.field, code: 'BAD_FORMAT' }, options) });
  }
  const sentences = issues.map((issue) => (issue.code ? describeIssue(t, issue, options) : describeIssue(t, { ...issue, code: 'BAD_FORMAT' }, options)));
  return t('error.BAD_USER_INPUT', { message: [...new Set(sentences)].join(t('issue.separator')) });
}

function describeNotFound(t: Translate, error: ApiError): string {
  const kind = error.errors[0]?.extensions?.kind;
  const thing = (typeof kind === 'string' ? messageKey(`error.kind.${kind}`) : null) ?? 'error.thing';
  return t('error.NOT_FOUND', { thing: t(thing) });
}

/**
 * A person-readable sentence for an API failure, in the current language. Refusals are
 * worded by their reason, invalid input issue by issue (see describeIssue; `options` as
 * there), internal faults with the request id to quote to support.
 */
export function describeError(t: Translate, error: unknown, options: IssueWording = {}): string {
  if (!(error instanceof ApiError)) return t('error.unknown', { code: error instanceof Error ? error.name : 'ERROR' });
  const reason = reasonOf(error);
  if (reason) return t(REASON_MESSAGES[reason]);
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return describeInput(t, error, options);
    case 'NOT_FOUND':
      return describeNotFound(t, error);
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'CONFLICT':
    case 'NETWORK':
    case 'SERVICE_UNAVAILABLE':
      return t(`error.${error.code}`);
    case 'INTERNAL_SERVER_ERROR':
      return t('error.INTERNAL_SERVER_ERROR', { requestId: String(error.errors[0]?.extensions?.requestId ?? '—') });
    default:
      return t('error.unknown', { code: error.code });
  }
}
