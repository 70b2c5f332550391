import { SpreadsheetPicker } from '../../components/SpreadsheetPicker';
import { useId, useMemo, useState } from 'react';
import { request } from '../../api/client';
import { describeError } from '../../api/errors';
import { Note, ProgressBar } from '../../components/ui';
import { DirectoryCreateUnitDocument, DirectoryUpsertCadresDocument } from '../../gql/graphql';
import { useI18n, type Translate } from '../../i18n';
import { fetchAllCadres, fetchUnits } from './api';
import { importRoster, type ImportSummary } from './importer';
import { countStatuses, planRoster, readHeader, ROSTER_FIELDS, type CadreValues, type HeaderMap, type PlannedRow, type RosterField } from './roster';
import { readRosterFile, RosterFileError, type Table } from './table';
import { indexUnits, joinPath, type UnitIndex } from './units';
import { blameRows, describeRowProblem, fieldLabel } from './wording';

/**
 * The roster as HR sends it (.xlsx, or .csv in UTF-8 or GBK): read in the browser, shown
 * as a preview against the directory — new, changed, unchanged, and every problem by its
 * spreadsheet row — and written only when the organizer says so.
 */

interface Loaded {
  fileName: string;
  table: Table;
  header: HeaderMap;
  units: UnitIndex;
  existing: Map<string, CadreValues>;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'problem'; message: string }
  | { kind: 'preview' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary; total: number };

function fileProblem(t: Translate, error: unknown): string {
  if (error instanceof RosterFileError) return t(`directory.import.file.${error.problem}`);
  return describeError(t, error);
}

export function RosterImport({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [createUnits, setCreateUnits] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);

  const plan = useMemo(() => (loaded ? planRoster(loaded.table, loaded.header, loaded.units, loaded.existing, { createUnits }) : null), [loaded, createUnits]);

  const choose = async (file: File | undefined) => {
    setLoaded(null);
    setFileName(file?.name ?? null);
    if (!file) return setPhase({ kind: 'idle' });
    setPhase({ kind: 'reading' });
    try {
      const table = await readRosterFile(file);
      const header = readHeader(table);
      if (!header || table.every((r) => r.row <= header.row || r.cells.every((c) => c.trim() === ''))) throw new RosterFileError('empty');
      // The directory as it is now: units to resolve names against, cadres to compare by id.
      const [units, cadres] = await Promise.all([fetchUnits(), fetchAllCadres()]);
      setLoaded({ fileName: file.name, table, header, units: indexUnits(units), existing: new Map(cadres.map((c) => [c.id, c])) });
      setPhase({ kind: 'preview' });
    } catch (error) {
      setPhase({ kind: 'problem', message: fileProblem(t, error) });
    }
  };

  const run = async () => {
    if (!plan) return;
    setPhase({ kind: 'importing', done: 0, total: 0 });
    const summary = await importRoster(plan, {
      createUnit: async (input) => (await request(DirectoryCreateUnitDocument, { input })).createUnit,
      upsertCadres: async (batch) => {
        await request(DirectoryUpsertCadresDocument, { input: batch });
      },
      blame: (error, rowOf) => blameRows(t, error, rowOf),
      describe: (error, row) => t('directory.problem.atRowApi', { row, message: describeError(t, error) }),
      onProgress: (done, total) => setPhase({ kind: 'importing', done, total }),
    });
    // The preview now compares with what was written: imported rows read as unchanged.
    try {
      const [units, cadres] = await Promise.all([fetchUnits(), fetchAllCadres()]);
      setLoaded((current) => (current ? { ...current, units: indexUnits(units), existing: new Map(cadres.map((c) => [c.id, c])) } : current));
    } catch {
      // The summary stands; the preview keeps the state it was planned against.
    }
    setPhase({ kind: 'done', summary, total: summary.written + summary.failures.length });
    onImported();
  };

  const counts = plan ? countStatuses(plan.rows) : null;
  const toWrite = counts ? counts.new + counts.changed : 0;
  const problemRows = plan?.rows.filter((r) => r.problems.length) ?? [];
  const missingHeader = loaded?.header.missing ?? [];
  const busy = phase.kind === 'reading' || phase.kind === 'importing';
  const shownRows = (onlyProblems ? problemRows : plan?.rows) ?? [];

  return (
    <section className="panel roster-import" aria-labelledby={`${id}-title`} data-testid="roster-import">
      <h2 id={`${id}-title`}>{t('directory.import.title')}</h2>
      <p className="muted">{t('directory.import.hint')}</p>
      <div className="field">
        <SpreadsheetPicker
          id={id}
          label={t('directory.import.file')}
          fileName={fileName}
          noFile={t('directory.import.noFile')}
          busy={busy}
          onFile={(file) => void choose(file)}
          buttonClass="button"
        />
        <p id={`${id}-file-hint`} className="muted small">
          {t('directory.import.fileHint')}
        </p>
      </div>
      {phase.kind === 'reading' ? <Note live>{t('directory.import.reading')}</Note> : null}
      {phase.kind === 'problem' ? (
        <div className="note note-error" role="alert">
          {phase.message}
        </div>
      ) : null}

      {loaded && plan && counts ? (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t('directory.import.previewTitle', { file: loaded.fileName })}</h3>
          <HeaderReport t={t} header={loaded.header} />
          {missingHeader.length === 0 ? (
            <>
              <p role="status" data-testid="import-counts">
                {t('directory.import.counts', {
                  total: plan.rows.length,
                  new: counts.new,
                  changed: counts.changed,
                  unchanged: counts.unchanged,
                  error: counts.error,
                })}
              </p>
              <div className="field field-check">
                <input id={`${id}-create`} type="checkbox" checked={createUnits} disabled={busy} onChange={(e) => setCreateUnits(e.target.checked)} />
                <label htmlFor={`${id}-create`}>{t('directory.import.createUnits')}</label>
              </div>
              {plan.newUnits.length ? (
                <Note kind="warn">
                  {t('directory.import.newUnits', {
                    units: plan.newUnits.map((u) => joinPath([...loaded.units.pathOf(u.parentId), ...u.names])).join(t('directory.listSeparator')),
                  })}
                </Note>
              ) : null}
              {problemRows.length ? (
                <section className="import-errors" aria-labelledby={`${id}-errors`}>
                  <h4 id={`${id}-errors`}>{t('directory.import.problemsTitle', { n: problemRows.length })}</h4>
                  <ul data-testid="preview-errors">
                    {problemRows.flatMap((r) =>
                      r.problems.map((p) => (
                        <li key={`${r.row}-${p.code}-${p.field}`} data-row={r.row}>
                          {describeRowProblem(t, r.row, p)}
                        </li>
                      )),
                    )}
                  </ul>
                  <p className="muted small">{t('directory.import.problemsSkipped')}</p>
                </section>
              ) : null}
              <div className="row">
                <button type="button" className="button-primary" disabled={busy || toWrite === 0} onClick={() => void run()}>
                  {t('directory.import.run', { n: toWrite })}
                </button>
                <div className="field field-check">
                  <input id={`${id}-only`} type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
                  <label htmlFor={`${id}-only`}>{t('directory.import.onlyProblems')}</label>
                </div>
              </div>
              {phase.kind === 'importing' || phase.kind === 'done' ? (
                <ProgressBar label={t('directory.import.progress')} value={phase.kind === 'done' ? phase.total : phase.done} max={phase.total} />
              ) : null}
              {phase.kind === 'done' ? <ImportReport summary={phase.summary} /> : null}
              <PreviewTable rows={shownRows} units={loaded.units} existing={loaded.existing} />
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function HeaderReport({ t, header }: { t: Translate; header: HeaderMap }) {
  const found = ROSTER_FIELDS.filter((f) => header.columns[f] !== undefined);
  return (
    <>
      {header.missing.length ? (
        <div className="note note-error" role="alert" data-testid="missing-columns">
          <div>
            <p>
              {t('directory.import.missingColumns', {
                row: header.row,
                columns: header.missing.map((f) => `「${fieldLabel(t, f)}」`).join(t('directory.listSeparator')),
              })}
            </p>
            {header.missing.includes('id') ? <p>{t('directory.import.missingId')}</p> : null}
          </div>
        </div>
      ) : null}
      <p className="muted small">
        {t('directory.import.columns', { columns: found.map((f) => `${header.labels[f]} → ${fieldLabel(t, f)}`).join(t('directory.listSeparator')) })}
        {header.ignored.length ? ` ${t('directory.import.ignored', { columns: header.ignored.join(t('directory.listSeparator')) })}` : ''}
      </p>
    </>
  );
}

function ImportReport({ summary }: { summary: ImportSummary }) {
  const { t } = useI18n();
  return (
    <div role="status" data-testid="import-summary">
      <Note kind={summary.failures.length ? 'warn' : 'ok'}>
        {t('directory.import.done', { written: summary.written, unchanged: summary.unchanged, units: summary.createdUnits, failed: summary.failures.length })}
      </Note>
      {summary.failures.length ? (
        <div className="import-errors">
          <h4>{t('directory.import.failedTitle')}</h4>
          <ul data-testid="import-failures">
            {summary.failures.map((f) => (
              <li key={`${f.row}-${f.field ?? ''}`} data-row={f.row}>
                {f.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

const STATUS_CLASS: Record<PlannedRow['status'], string> = { new: 'tag tag-new', changed: 'tag tag-changed', unchanged: 'tag', error: 'tag tag-error' };

function PreviewTable({ rows, units, existing }: { rows: readonly PlannedRow[]; units: UnitIndex; existing: ReadonlyMap<string, CadreValues> }) {
  const { t } = useI18n();
  const id = useId();
  const unitText = (r: PlannedRow) => {
    if (r.newUnit) return `${joinPath([...units.pathOf(r.newUnit.parentId), ...r.newUnit.names])} ${t('directory.import.willCreate')}`;
    if (r.unitId) return joinPath(units.pathOf(r.unitId));
    return r.values.unit;
  };
  const changeText = (r: PlannedRow) => {
    const before = existing.get(r.values.id);
    if (!before || r.status !== 'changed') return '';
    return r.changed
      .map((f: RosterField) => {
        const old = f === 'unit' ? joinPath(units.pathOf(before.unitId)) : f === 'id' ? before.id : String(before[f] ?? '') || t('directory.history.blank');
        return t('directory.history.change', {
          field: fieldLabel(t, f),
          before: old,
          after: f === 'unit' ? unitText(r) : r.values[f] || t('directory.history.blank'),
        });
      })
      .join(t('directory.listSeparator'));
  };
  return (
    <section className="table-wrap preview-wrap" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="table table-compact preview-table">
        <caption id={`${id}-caption`} className="visually-hidden">
          {t('directory.import.tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('directory.import.row')}</th>
            <th scope="col">{t('directory.import.status')}</th>
            {ROSTER_FIELDS.map((f) => (
              <th key={f} scope="col">
                {fieldLabel(t, f)}
              </th>
            ))}
            <th scope="col">{t('directory.import.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-row={r.row} data-status={r.status} className={r.status === 'error' ? 'row-problem' : undefined}>
              <td className="num">{r.row}</td>
              <td>
                <span className={STATUS_CLASS[r.status]}>{t(`directory.status.${r.status}`)}</span>
              </td>
              <td className="mono">{r.values.id}</td>
              <td>{r.values.name}</td>
              <td className="cell-wrap">{unitText(r)}</td>
              <td className="cell-wrap">{r.values.position}</td>
              <td>{r.values.grade}</td>
              <td>{r.values.birthYear}</td>
              <td className="cell-wrap">{r.status === 'error' ? r.problems.map((p) => describeRowProblem(t, r.row, p)).join(' ') : changeText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
