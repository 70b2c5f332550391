import { InvalidInputError } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';

/** A sheet id names its entry and judge: `<entryId>/<judgeId>` (neither contains '/'). */
export function sheetIdOf(entryId: string, judgeId: string): string {
  return `${entryId}/${judgeId}`;
}

export function parseSheetId(sheetId: string, path: string): { entryId: string; judgeId: string; roundId: string } {
  const slash = sheetId.indexOf('/');
  if (slash < 0) throw InvalidInputError.at(path, 'BAD_ID', 'not a valid sheet id');
  const entryId = sheetId.slice(0, slash);
  return { entryId, judgeId: sheetId.slice(slash + 1), roundId: parseEntryId(entryId, path).roundId };
}
