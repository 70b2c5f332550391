import { SpreadsheetPicker } from '../../components/SpreadsheetPicker';
import { useId, useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client';
import { describeError, describeIssue, type Issue } from '../../api/errors';
import { Note, ProgressBar } from '../../components/ui';
import { SubmitIndicatorValuesDocument } from '../../gql/graphql';
import { useI18n, type Translate } from '../../i18n';
import { saveFile, XLSX_TYPE } from '../../organizer/directory/exportRoster';
import { readRosterFile, RosterFileError, type Table } from '../../organizer/directory/table';
import { ApiProblems } from '../ApiProblems';
import { chunks, entryName, requestId, safeName, VALUE_BATCH, type IndicatorRoundRecord, type ValueRecord } from '../model';
import { headerText, planImport, readImportHeader, templateHeader, type CellPlan, type ImportHeader, type PlannedRow, type RowProblem } from './importPlan';
import { templateWorkbook } from './template';
import type { CellProblem } from './values';

interface Loaded {
  fileName: string;
  table: Table;
  header: ImportHeader;
  /**
   * One client request id per file read: importing it again (after a lost answer) writes
   * nothing for a unit it already wrote, so a correction made in the grid since stands.
   */
  requestId: string;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'problem'; message: string }
  | { kind: 'preview' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; written: number; error: unknown; rows: number[] };

/**
 * 导入: the values of a spreadsheet (.xlsx, or .csv in UTF-8 or GBK, read as the roster
 * is), one row per unit, previewed against what is saved — new, changed, unchanged, and
 * every problem by the spreadsheet's own row number — and written only on 导入.
 */
export function ValueImport({
  round,
  values,
  paths,
  onImported,
}: {
  round: IndicatorRoundRecord;
  values: readonly ValueRecord[];
  paths: ReadonlyMap<string, readonly string[]>;
  onImported: () => Promise<void> | void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [template, setTemplate] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const indicators = round.method.indicatorSet.indicators;

  const plan = useMemo(
    () => (loaded?.header.unit ? planImport(loaded.table, loaded.header, round.entries, paths, values) : null),
    [loaded, round.entries, paths, values],
  );

  const choose = async (file: File | undefined) => {
    setLoaded(null);
    setFileName(file?.name ?? null);
    if (!file) return setPhase({ kind: 'idle' });
    setPhase({ kind: 'reading' });
    try {
      const table = await readRosterFile(file);
      const header = readImportHeader(table, indicators);
      if (!header || table.every((r) => r.row <= header.row || r.cells.every((c) => c.trim() === ''))) throw new RosterFileError('empty');
      setLoaded({ fileName: file.name, table, header, requestId: requestId('import') });
      setPhase({ kind: 'preview' });
    } catch (error) {
      setPhase({ kind: 'problem', message: error instanceof RosterFileError ? t(`indicators.import.file.${error.problem}`) : describeError(t, error) });
    }
  };

  const run = async () => {
    if (!plan || !loaded) return;
    const batches = chunks(
      plan.inputs.map((input, i) => ({ input, row: plan.inputRows[i]! })),
      VALUE_BATCH,
    );
    let written = 0;
    let failure: unknown = null;
    let failedRows: number[] = [];
    setPhase({ kind: 'importing', done: 0, total: plan.inputs.length });
    for (const batch of batches) {
      try {
        await request(SubmitIndicatorValuesDocument, { roundId: round.id, values: batch.map((b) => b.input), clientRequestId: loaded.requestId });
        written += batch.length;
        setPhase({ kind: 'importing', done: written, total: plan.inputs.length });
      } catch (error) {
        failure = error instanceof ApiError ? error : String(error);
        failedRows = batch.map((b) => b.row);
        break;
      }
    }
    await onImported();
    setPhase({ kind: 'done', written, error: failure, rows: failedRows });
  };

  const downloadTemplate = async () => {
    setTemplate({ kind: 'working' });
    try {
      const data = await templateWorkbook(round, paths, {
        sheet: t('indicators.import.templateSheet'),
        unit: t('indicators.import.unitColumn'),
        numerator: t('indicators.grid.numerator'),
        denominator: t('indicators.grid.denominator'),
        guideSheet: t('indicators.import.guideSheet'),
        guideHeaders: [
          t('indicators.import.guide.indicator'),
          t('indicators.import.guide.unit'),
          t('indicators.import.guide.method'),
          t('indicators.import.guide.section'),
        ],
        method: (indicator) => t(`indicators.method.${indicator.method}`),
        guideNote: t('indicators.import.guideNote'),
      });
      saveFile(data, safeName(`${t('indicators.import.templateFile', { round: round.name })}.xlsx`), XLSX_TYPE);
      setTemplate({ kind: 'idle' });
    } catch (error) {
      setTemplate({ kind: 'failed', message: describeError(t, error) });
    }
  };

  /** A column as read: its header, and what it was taken for when the header says it differently. */
  const mapped = (header: string, target: string) =>
    headerText(header) === headerText(target) ? t('indicators.import.columnSame', { header }) : t('indicators.import.columnMapped', { header, target });
  const busy = phase.kind === 'reading' || phase.kind === 'importing';
  const problemRows = plan?.rows.filter((r) => r.problems.length) ?? [];
  const header = loaded?.header;
  const wordApiIssue = (rows: number[]) => (issue: Issue) => {
    const m = /^values\.(\d+)\.?(.*)$/u.exec(issue.path);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row === undefined) return null;
    return t('indicators.import.apiIssue', { row, message: describeIssue(t, { ...issue, path: m![2] || 'value' }) });
  };

  return (
    <div className="value-import" data-testid="value-import">
      <p className="muted">{t('indicators.import.hint')}</p>
      <div className="row import-tools">
        <SpreadsheetPicker
          id={id}
          label={t('indicators.import.file')}
          fileName={fileName}
          noFile={t('indicators.import.noFile')}
          busy={busy}
          onFile={(file) => void choose(file)}
          buttonClass="button-primary"
        />
        <button type="button" className="button" disabled={template.kind === 'working'} onClick={() => void downloadTemplate()}>
          {template.kind === 'working' ? t('indicators.import.templateWorking') : t('indicators.import.template')}
        </button>
      </div>
      <p id={`${id}-file-hint`} className="muted small">
        {t('indicators.import.fileHint')}
      </p>
      {template.kind === 'failed' ? (
        <div className="note note-error" role="alert">
          {template.message}
        </div>
      ) : null}
      {phase.kind === 'reading' ? <Note live>{t('indicators.import.reading')}</Note> : null}
      {phase.kind === 'problem' ? (
        <div className="note note-error" role="alert">
          {phase.message}
        </div>
      ) : null}

      {loaded && header ? (
        <div className="import-preview" data-testid="import-preview">
          <h3>{t('indicators.import.previewTitle', { file: loaded.fileName })}</h3>
          <p className="muted small">
            {t('indicators.import.columns', {
              columns: [
                ...(header.unit ? [mapped(header.unit.header, t('indicators.import.unitColumn'))] : []),
                ...header.columns.map((c) =>
                  mapped(
                    c.header,
                    templateHeader(c.indicator, c.part, { numerator: t('indicators.grid.numerator'), denominator: t('indicators.grid.denominator') }),
                  ),
                ),
              ].join('、'),
            })}
            {header.ignored.length ? ` ${t('indicators.import.ignored', { columns: header.ignored.join('、') })}` : ''}
          </p>
          {!header.unit ? (
            <div className="note note-error" role="alert" data-testid="missing-unit-column">
              {t('indicators.import.noUnitColumn', { row: header.row })}
            </div>
          ) : null}
          {header.missing.length ? (
            <Note kind="warn">
              {t('indicators.import.missingColumns', {
                columns: header.missing.map((m) => `「${m.indicator.label}${m.part === 'value' ? '' : `（${t(`indicators.grid.${m.part}`)}）`}」`).join('、'),
              })}
            </Note>
          ) : null}
          {plan ? (
            <>
              <p role="status" data-testid="import-counts">
                {t('indicators.import.counts', {
                  rows: plan.counts.rows,
                  n: plan.inputs.length,
                  new: plan.counts.new,
                  changed: plan.counts.changed,
                  unchanged: plan.counts.unchanged,
                  problems: plan.counts.problemRows,
                })}
              </p>
              {plan.counts.reverify ? <Note kind="warn">{t('indicators.import.reverify', { n: plan.counts.reverify })}</Note> : null}
              {problemRows.length ? (
                <section className="import-errors" aria-labelledby={`${id}-errors`}>
                  <h4 id={`${id}-errors`}>{t('indicators.import.problemsTitle', { n: problemRows.length })}</h4>
                  <ul data-testid="import-problems">
                    {problemRows.flatMap((r) =>
                      r.problems.map((p, i) => (
                        <li key={`${r.row}-${i}`} data-row={r.row}>
                          {rowProblemText(t, r.row, p)}
                        </li>
                      )),
                    )}
                  </ul>
                  <p className="muted small">{t('indicators.import.problemsSkipped')}</p>
                </section>
              ) : null}
              <div className="row">
                <button type="button" className="button-primary" disabled={busy || plan.inputs.length === 0} onClick={() => void run()}>
                  {t('indicators.import.run', { n: plan.inputs.length })}
                </button>
              </div>
              {phase.kind === 'importing' ? <ProgressBar label={t('indicators.import.progress')} value={phase.done} max={phase.total} /> : null}
              {phase.kind === 'done' ? (
                <div role="status" data-testid="import-summary">
                  <Note kind={phase.error ? 'warn' : 'ok'}>{t('indicators.import.done', { n: phase.written })}</Note>
                  {phase.error ? <ApiProblems error={phase.error} word={wordApiIssue(phase.rows)} /> : null}
                </div>
              ) : null}
              <PreviewTable round={round} rows={plan.rows} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function rowProblemText(t: Translate, row: number, p: RowProblem): string {
  switch (p.code) {
    case 'UNIT_REQUIRED':
      return t('indicators.import.problem.unitRequired', { row });
    case 'UNIT_UNKNOWN':
      return t('indicators.import.problem.unitUnknown', { row, value: p.value });
    case 'UNIT_AMBIGUOUS':
      return t('indicators.import.problem.unitAmbiguous', { row, value: p.value, paths: p.paths.join('、') });
    case 'UNIT_DUPLICATE':
      return t('indicators.import.problem.unitDuplicate', { row, value: p.value, first: p.firstRow });
    case 'CELL':
      return cellProblemText(t, row, p.indicator.label, p.problem, p.text);
  }
}

function cellProblemText(t: Translate, row: number, indicator: string, problem: CellProblem, text: string): string {
  const part = 'part' in problem && problem.part !== 'value' ? t(`indicators.grid.${problem.part}`) : '';
  return t(`indicators.import.problem.${problem.code}`, { row, indicator, part, value: text });
}

const PLAN_CLASS: Record<CellPlan, string> = {
  new: 'tag tag-new',
  changed: 'tag tag-changed',
  unchanged: 'tag',
  empty: 'tag',
  invalid: 'tag tag-error',
};

function PreviewTable({ round, rows }: { round: IndicatorRoundRecord; rows: readonly PlannedRow[] }) {
  const { t } = useI18n();
  const id = useId();
  const indicators = round.method.indicatorSet.indicators;
  return (
    <section className="table-wrap import-wrap" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="table table-compact import-table">
        <caption id={`${id}-caption`} className="visually-hidden">
          {t('indicators.import.tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.import.row')}</th>
            <th scope="col">{t('indicators.import.unitColumn')}</th>
            {indicators.map((i) => (
              <th scope="col" key={i.key}>
                {i.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-row={r.row} className={r.problems.length ? 'row-problem' : undefined}>
              <td className="num">{r.row}</td>
              <th scope="row">
                {r.entry ? entryName(r.entry) : r.unitText || '—'}
                {!r.entry ? <span className="tag tag-error">{t('indicators.import.notInRound')}</span> : null}
              </th>
              {indicators.map((i) => {
                const cell = r.cells.get(i.key);
                if (!cell)
                  return (
                    <td key={i.key} className="muted">
                      —
                    </td>
                  );
                const text = i.ratio ? `${cell.texts.numerator ?? ''} / ${cell.texts.denominator ?? ''}` : (cell.texts.value ?? '');
                return (
                  <td key={i.key}>
                    {cell.plan === 'empty' ? <span className="muted">—</span> : <span className="mono">{text}</span>}
                    {cell.plan !== 'empty' && r.entry ? <span className={PLAN_CLASS[cell.plan]}>{t(`indicators.import.plan.${cell.plan}`)}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
