import { describe, expect, it } from 'vitest';
import { CADRE_BATCH, importCadres, parseCadreCsv, type CadreRow, type CallError } from '../../web/src/organizer/csv.js';

/** The roster import's parsing, batching and per-row error mapping, without a browser. */

const messages = { badBirthYear: 'birthYear must be a whole number' };
const isCallError = (e: unknown): e is CallError => typeof e === 'object' && e !== null && 'code' in e && 'errors' in e;
const describe_ = (e: unknown) => (e instanceof Error ? e.message : String(e));

function callError(code: string, field: string, issues?: { path: string; message: string }[]): CallError {
  const message = issues?.[0] ? `${issues[0].path}: ${issues[0].message}` : `${field} refused`;
  return { code, message, field, errors: [{ message, extensions: { field, ...(issues ? { issues } : {}) } }] };
}

describe('cadre CSV import', () => {
  it('parses rows with spreadsheet row numbers, optional columns and a BOM; refuses what cannot be sent', () => {
    const parsed = parseCadreCsv('\uFEFFid,name,unitId,birthYear,grade\nA1,甲,u1,1990,一级科员\n\nA2,乙,u1,,\nA3,丙,u1,nineteen,\n', messages);
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { row: 2, input: { id: 'A1', name: '甲', unitId: 'u1', position: null, grade: '一级科员', birthYear: 1990 } },
        { row: 4, input: { id: 'A2', name: '乙', unitId: 'u1', position: null, grade: null, birthYear: null } },
      ],
      errors: [{ row: 5, id: 'A3', column: 'birthYear', message: messages.badBirthYear }],
    });
    expect(parseCadreCsv('id,name\nA1,甲\n', messages)).toEqual({ ok: false, problem: 'missingColumns', columns: ['unitId'] });
    expect(parseCadreCsv('id,name,unitId\n\n', messages)).toEqual({ ok: false, problem: 'empty' });
  });

  it('sends batches of at most 500 and resends a refused batch without the rows the API named', async () => {
    const header = 'id,name,unitId';
    const lines = Array.from({ length: 1203 }, (_, i) => `C${i},名${i},${i === 3 || i === 700 ? 'missing' : 'u1'}`);
    lines[9] = 'bad id!,名9,u1';
    const parsed = parseCadreCsv([header, ...lines].join('\n'), messages);
    if (!parsed.ok) throw new Error('not parsed');

    const sent: CadreRow[][] = [];
    const progress: number[] = [];
    const result = await importCadres(
      parsed.rows,
      async (batch) => {
        sent.push(batch);
        expect(batch.length).toBeLessThanOrEqual(CADRE_BATCH);
        // As the API does: all zod issues at once, else the first missing unit.
        const invalid = batch.flatMap((c, i) => (/^[A-Za-z0-9_-]+$/.test(c.id) ? [] : [{ path: `input.${i}.id`, message: 'letters, digits and _ . @ : - only' }]));
        if (invalid.length) throw callError('BAD_USER_INPUT', invalid[0]!.path, invalid);
        const missing = batch.findIndex((c) => c.unitId === 'missing');
        if (missing >= 0) throw callError('NOT_FOUND', `input.${missing}.unitId`);
      },
      { describe: describe_, isCallError, onProgress: (done) => progress.push(done) },
    );

    expect(result.imported).toBe(1200);
    expect(result.errors).toEqual([
      { row: 5, id: 'C3', column: 'unitId', message: 'input.3.unitId refused' },
      { row: 11, id: 'bad id!', column: 'id', message: 'letters, digits and _ . @ : - only' },
      { row: 702, id: 'C700', column: 'unitId', message: 'input.200.unitId refused' },
    ]);
    expect(progress).toEqual([500, 1000, 1203]);
    // First batch: refused for the id, then for the unit, then written; second: refused once; third: written.
    expect(sent.map((b) => b.length)).toEqual([500, 499, 498, 500, 499, 203]);
  });

  it('reports the whole batch when the failure names no row', async () => {
    const parsed = parseCadreCsv('id,name,unitId\nA1,甲,u1\nA2,乙,u1\n', messages);
    if (!parsed.ok) throw new Error('not parsed');
    const result = await importCadres(
      parsed.rows,
      async () => {
        throw { code: 'FORBIDDEN', message: 'upsertCadres requires the role organizer', errors: [{ message: 'upsertCadres requires the role organizer' }] };
      },
      { describe: (e) => (e as CallError).message, isCallError },
    );
    expect(result).toEqual({
      imported: 0,
      errors: [
        { row: 2, id: 'A1', column: '', message: 'upsertCadres requires the role organizer' },
        { row: 3, id: 'A2', column: '', message: 'upsertCadres requires the role organizer' },
      ],
    });
  });
});
