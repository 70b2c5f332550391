import { currentToken } from '../auth/adapter';
import { session } from '../auth/session';
import { ApiError, type GraphQLErrorShape } from '../api/client';

const TIMEOUT_MS = 60_000;

/**
 * The name the server chose in `Content-Disposition`: `filename*=UTF-8''…` (RFC 5987,
 * the only form that carries Chinese) first, then a plain `filename="…"`.
 */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain form
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;\s]+)/.exec(header);
  return plain?.[1] ?? plain?.[2] ?? null;
}

/** Characters Windows refuses in a file name; a round may well be called "第一轮/初赛". */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must not carry.
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
}

/**
 * Fetches an export with the signed-in user's session (no API key) and hands it to the
 * browser as a download. `humanName` (e.g. "第一轮-成绩排名.xlsx") is used unless the server
 * named the file in Chinese itself (RFC 5987); the server's plain ASCII name
 * (`leaderboard-round_….xlsx`) means nothing to a clerk opening their Downloads folder.
 * Rejects with an ApiError that describeError words: the API's own code and reason for a
 * refusal (e.g. RESULTS_NOT_VISIBLE before publication), NOT_FOUND for a route the server
 * does not offer, NETWORK when nothing usable came back.
 */
export async function downloadExport(path: string, humanName: string): Promise<string> {
  const headers: Record<string, string> = {};
  const token = await currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  let blob: Blob;
  try {
    // A large export answers 303 to a presigned link; fetch follows it and drops our
    // Authorization header on the way to the other origin, as it must.
    response = await fetch(path, { headers, credentials: 'omit', signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw await refusal(response);
    blob = await response.blob();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  const served = fileNameFrom(response.headers.get('content-disposition'));
  const name = safeFileName(served && /[^\x20-\x7e]/.test(served) ? served : humanName);
  saveBlob(blob, name);
  return name;
}

/**
 * Reads an export's JSON Lines (`.json`) with the signed-in session: one object per row, keyed
 * by the export's stable column keys. The leaderboard export carries what the GraphQL
 * leaderboard does not: an indicator round's section scores, bonus and penalty per entry.
 */
export async function readExportRows(path: string): Promise<Record<string, unknown>[]> {
  const headers: Record<string, string> = {};
  const token = await currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let text: string;
  try {
    const response = await fetch(path, { headers, credentials: 'omit', signal: controller.signal, cache: 'no-store' });
    if (!response.ok) throw await refusal(response);
    text = await response.text();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function refusal(response: Response): Promise<ApiError> {
  let errors: GraphQLErrorShape[] = [];
  try {
    const body = (await response.json()) as { errors?: GraphQLErrorShape[] };
    errors = body.errors ?? [];
  } catch {
    // not the API's JSON (a gateway page): judged by the status alone
  }
  const first = errors[0];
  const code = first?.extensions?.code ?? (response.status === 404 ? 'NOT_FOUND' : response.status >= 500 ? 'NETWORK' : 'UNKNOWN');
  if (code === 'UNAUTHENTICATED') session.markExpired();
  return new ApiError(code, first?.message ?? `HTTP ${response.status}`, { errors, status: response.status });
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
