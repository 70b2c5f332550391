import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { stringify } from 'csv-stringify/sync';
import { neutralizeText, spreadsheetCell } from './cells.js';
import { authenticate } from '../auth/authenticate.js';
import type { TokenVerifier } from '../auth/claims.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../domain/errors.js';
import type { Round, Viewer } from '../domain/model.js';
import { panelEntry } from '../methods/panel/aggregate.js';
import { asPanelRound } from '../methods/panel/config.js';
import { panelResult } from '../methods/panel/scoring.js';
import { HTTP_STATUS, failureOf } from '../faults.js';
import type { Logger } from '../logging.js';
import { mayCount, requireCompetitionScope, requireScores, roundAccess, type AccessContext } from '../services/visibility.js';
import type { Services } from '../services/index.js';
import { currentMeter } from '../meter.js';
import { exceedsInlineLimit, type ExportSink } from './spill.js';
import { renderXlsx } from './xlsx.js';
import { leaderboardColumns, sheetColumns, standingsColumns, type Column, type Lang, type SheetRow } from './tables.js';

/**
 * Flat exports for BI tools beside /graphql, with the API's authentication and
 * visibility rules:
 *   GET /export/rounds/{roundId}/leaderboard.csv|.json
 *   GET /export/rounds/{roundId}/sheets.csv|.json        (judge-level; after publication)
 *   GET /export/competitions/{competitionId}/standings.csv|.json|.xlsx
 * (and .xlsx for the round tables too). CSV is UTF-8 with a BOM (Excel opens Chinese
 * correctly); `.json` is JSON Lines; `.xlsx` is a workbook for people: Chinese headers
 * unless `?lang=en`, numeric cells, two-decimal scores, Beijing time.
 * Published results are immutable: they carry an ETag, and a conditional request
 * is answered 304 after the one read that proves nothing changed.
 */
const ROUTE = /^\/export\/(rounds|competitions)\/([A-Za-z0-9_]{1,64})\/(leaderboard|sheets|standings)\.(csv|json|xlsx)$/;
const PAGE = 200;
const BOM = '\uFEFF';

export interface ExportDependencies {
  services: Services;
  verifier: TokenVerifier;
  logger: Logger;
  /** Where exports too large for a Lambda response go; without one (locally) every export is answered inline. */
  sink?: ExportSink;
}

type Result = APIGatewayProxyStructuredResultV2;
type Format = 'csv' | 'json' | 'xlsx';

interface Export<Row> {
  name: string;
  /** A person's name for the file, e.g. 第一轮-排名 (non-ASCII allowed). */
  title: string;
  columns: Column<Row>[];
  rows: AsyncIterable<Row[]>;
  /** Set when the content can never change again (published results). */
  etag: string | null;
}

export function isExportPath(path: string): boolean {
  return path.startsWith('/export/');
}

export function createExportHandler(deps: ExportDependencies) {
  return async (event: APIGatewayProxyEventV2): Promise<Result> => {
    const started = performance.now();
    const method = event.requestContext.http.method;
    let result: Result;
    let viewer: Viewer | null = null;
    try {
      if (method !== 'GET' && method !== 'HEAD') {
        result = json(405, { errors: [{ message: 'Exports are read with GET', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'GET, HEAD' });
      } else {
        const route = ROUTE.exec(event.rawPath);
        if (!route) throw new NotFoundError('Export', event.rawPath);
        const [, scope, id, table, format] = route as unknown as [string, 'rounds' | 'competitions', string, string, Format];
        const auth = await authenticate(deps.verifier, deps.services.apiKeys, event.headers ?? {});
        if (!auth.viewer) throw auth.authError ?? new UnauthenticatedError();
        viewer = auth.viewer;
        const context: AccessContext = { viewer, loaders: deps.services.loadersFor(viewer) };
        const lang = languageOf(event.queryStringParameters?.lang, format);
        const group = event.queryStringParameters?.group ?? null;
        const found =
          scope === 'competitions' && table === 'standings'
            ? await standingsExport(deps.services, context, id, group)
            : scope === 'rounds' && table === 'leaderboard'
              ? await leaderboardExport(deps.services, context, id, group)
              : scope === 'rounds' && table === 'sheets'
                ? await sheetsExport(deps.services, context, id)
                : null;
        if (!found) throw new NotFoundError('Export', event.rawPath);
        const etag = found.etag && `"${hash(found.etag, format, lang, viewer.id)}"`;
        if (etag && event.headers?.['if-none-match']?.split(/,\s*/).includes(etag)) {
          result = { statusCode: 304, headers: cacheHeaders(etag) };
        } else {
          result = await render(found as Export<unknown>, format, lang, etag, method === 'HEAD', deps.sink);
        }
      }
    } catch (error) {
      result = errorResult(error, event.requestContext.requestId, deps.logger);
    }
    deps.logger.info('export', {
      requestId: event.requestContext.requestId,
      path: event.rawPath,
      status: result.statusCode,
      callerId: viewer?.id ?? null,
      latencyMs: Math.round(performance.now() - started),
      ...currentMeter()?.snapshot(),
    });
    return result;
  };
}

async function requireRound(context: AccessContext, roundId: string): Promise<Round> {
  const round = await context.loaders.round.load(roundId);
  if (!round) throw new NotFoundError('Round', roundId);
  return round;
}

const publishedTag = (round: Round, kind: string) => (round.status === 'PUBLISHED' ? `${kind}|${round.id}|${round.version}|${round.resultsFinalizedAt}` : null);

async function leaderboardExport(services: Services, context: AccessContext, roundId: string, group: string | null) {
  const round = await requireRound(context, roundId);
  await requireScores(context, round);
  async function* rows() {
    let after: string | null = null;
    do {
      const page = await services.leaderboard.leaderboard(round, { group, first: PAGE, after });
      yield page.rows.map((r) => r.node);
      after = page.hasNextPage ? (page.rows.at(-1)?.cursor ?? null) : null;
    } while (after);
  }
  const title = `${round.name}-${group ? `${group}-` : ''}排名`;
  return {
    name: `leaderboard-${round.id}`,
    title,
    columns: leaderboardColumns(services.methods.forRound(round).scoring),
    rows: rows(),
    etag: publishedTag(round, `leaderboard|${group}`),
  };
}

/** A judged panel's sheets, one row per judge and entry. */
async function sheetsExport(services: Services, context: AccessContext, roundId: string) {
  const round = await requireRound(context, roundId);
  const { method } = asPanelRound(round);
  const { managing } = await roundAccess(context, round);
  if (round.status !== 'PUBLISHED' && !managing) {
    throw new ForbiddenError('Judge-level marks are exported after publication', 'RESULTS_NOT_VISIBLE');
  }
  const [entries, ordered] = await Promise.all([services.rounds.entries(round), services.panels.panel(round.id)]);
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const dropped = new Map(entries.map((e) => [e.id, new Set(panelResult(method.rubric.criteria, method, panelEntry(e).sheets).droppedSheets)]));
  // One judge's sheets at a time: memory stays bounded by the largest panel member's share.
  async function* rows(): AsyncIterable<SheetRow[]> {
    for (const judge of ordered) {
      const sheets = await services.rounds.sheetsOf(round.id, judge.userId);
      yield sheets
        .map((sheet) => ({ sheet, judge, entry: entryById.get(sheet.entryId)!, trimmed: dropped.get(sheet.entryId)?.has(judge.userId) ?? false, managing }))
        .filter((r) => r.entry)
        .sort((a, b) => a.entry.order - b.entry.order);
    }
  }
  return {
    name: `sheets-${round.id}`,
    title: `${round.name}-评分明细`,
    columns: sheetColumns(method.rubric.criteria),
    rows: rows(),
    etag: publishedTag(round, `sheets|${managing}`),
  };
}

async function standingsExport(services: Services, context: AccessContext, competitionId: string, group: string | null) {
  requireCompetitionScope(context, competitionId);
  const { competition, rounds, rows } = await services.results.standingRows(competitionId, group, (round) => mayCount(context, round));
  const all = await services.rounds.ofCompetition(competitionId);
  const final = all.length > 0 && all.every((r) => r.status === 'PUBLISHED');
  async function* pages() {
    for (let i = 0; i < rows.length; i += PAGE) yield rows.slice(i, i + PAGE);
  }
  const etag = final ? `standings|${group}|${competition.id}|${competition.version}|${all.map((r) => `${r.id}:${r.version}`).join(',')}` : null;
  return { name: `standings-${competition.id}`, title: `${competition.name}-总成绩`, columns: standingsColumns(rounds), rows: pages(), etag };
}

/** CSV and JSON Lines are for machines (English keys unless asked); XLSX is for people (Chinese unless asked). */
function languageOf(asked: string | undefined, format: Format): Lang {
  if (asked === 'zh-CN' || asked === 'en') return asked;
  return format === 'xlsx' ? 'zh-CN' : 'en';
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function render(
  found: Export<unknown>,
  format: Format,
  lang: Lang,
  etag: string | null,
  headOnly: boolean,
  sink: ExportSink | undefined,
): Promise<Result> {
  if (format === 'xlsx') {
    const body = await renderXlsx(found.title, found.columns, found.rows, lang);
    return deliver({ fileName: `${found.name}.xlsx`, title: `${found.title}.xlsx`, contentType: XLSX_TYPE, body }, etag, headOnly, sink);
  }
  const chunks: string[] = [];
  if (format === 'csv') chunks.push(BOM + stringify([found.columns.map((c) => neutralizeText(c.header[lang]))]));
  for await (const page of found.rows) {
    if (format === 'csv') chunks.push(stringify(page.map((row) => found.columns.map((c) => spreadsheetCell(c.value(row))))));
    else chunks.push(page.map((row) => `${JSON.stringify(Object.fromEntries(found.columns.map((c) => [c.key, c.value(row)])))}\n`).join(''));
  }
  const extension = format === 'csv' ? 'csv' : 'jsonl';
  const contentType = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return deliver({ fileName: `${found.name}.${extension}`, title: `${found.title}.${extension}`, contentType, body: chunks.join('') }, etag, headOnly, sink);
}

/** The file inline, or (too large for a Lambda response) a 303 to where the sink put it. */
async function deliver(
  file: { fileName: string; title: string; contentType: string; body: string | Buffer },
  etag: string | null,
  headOnly: boolean,
  sink: ExportSink | undefined,
): Promise<Result> {
  const { fileName, contentType, body } = file;
  if (!headOnly && sink && exceedsInlineLimit(body, sink.inlineLimitBytes)) {
    // 303: fetch the file with a GET wherever it now is. The link is the credential, so nothing may cache it.
    const location = await sink.store({ fileName, contentType, body });
    return { statusCode: 303, headers: { location, 'cache-control': 'no-store' }, body: '' };
  }
  const headers = {
    'content-type': contentType,
    // An ASCII name for old clients, the person's name (RFC 6266/5987) for the rest.
    'content-disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(file.title)}`,
    ...(etag ? cacheHeaders(etag) : { 'cache-control': 'no-store' }),
  };
  if (headOnly) return { statusCode: 200, headers, body: '' };
  if (Buffer.isBuffer(body)) return { statusCode: 200, headers, body: body.toString('base64'), isBase64Encoded: true };
  return { statusCode: 200, headers, body };
}

function cacheHeaders(etag: string) {
  // Published results never change; each caller's copy is its own (names differ by role).
  return { etag, 'cache-control': 'private, max-age=86400' };
}

/** The failure as GraphQL would word it (src/faults.ts), with its HTTP status; faults logged, never shown. */
function errorResult(error: unknown, requestId: string, logger: Logger): Result {
  const failure = failureOf(error);
  if (!failure.expected) {
    logger.error('unexpected error', {
      requestId,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
  }
  const extensions = { code: failure.code, ...failure.details, ...(failure.expected ? {} : { requestId }) };
  return json(HTTP_STATUS[failure.code], { errors: [{ message: failure.message, extensions }] });
}

function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): Result {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

function hash(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
