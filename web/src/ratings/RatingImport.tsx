import { SpreadsheetPicker } from '../components/SpreadsheetPicker';
import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError, request } from '../api/client';
import { describeError } from '../api/errors';
import { ErrorNote, Note, ProgressBar } from '../components/ui';
import { ImportRatingsDocument, UnitServicePointsDocument } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n';
import { ApiProblems } from '../indicators/ApiProblems';
import { headerText } from '../indicators/console/importPlan';
import { chunks } from '../indicators/model';
import { readRosterFile, RosterFileError, type Table } from '../organizer/directory/table';
import { planRatings, readRatingHeader, type Column, type RatingHeader, type RowProblem } from './importPlan';
import { inTurns, levelsOfScale, monthsOfPeriod, type PointRecord, type RatingsRoundRecord } from './model';

/** Ratings per importRatings call: each is one write, so a batch answers well within the client's timeout. */
const RATING_BATCH = 100;
/** Preview rows shown; the counts and problems cover the whole file. */
const PREVIEW_ROWS = 200;

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'problem'; message: string }
  | { kind: 'preview' }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; imported: number; duplicates: string[]; error: unknown; rows: number[] };

/**
 * 导入评价: ratings collected elsewhere (the national 好差评 platform, a counter's pad), from
 * .xlsx or .csv (UTF-8 or GBK, read as the roster is), previewed with every problem by the
 * spreadsheet's own row number and imported in batches; a rating whose 评价编号 was
 * imported before is skipped and listed. A 差评's case gets its deadlines from its own time.
 */
export function RatingImport({ round, onImported }: { round: RatingsRoundRecord; onImported: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [loaded, setLoaded] = useState<{ fileName: string; table: Table; header: RatingHeader } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [points, setPoints] = useState<PointRecord[] | null>(null);
  const [pointsError, setPointsError] = useState<unknown>(null);
  const unitIds = round.entries.flatMap((e) => (e.unit ? [e.unit.id] : []));
  const unitKey = unitIds.join();

  // The points of every unit rated: what a row's code or name may name.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `unitKey` stands for the units.
  useEffect(() => {
    if (!loaded) return;
    let live = true;
    setPointsError(null);
    inTurns(unitIds, 4, (unitId) => request(UnitServicePointsDocument, { unitId }))
      .then((answers) => {
        if (live) setPoints(answers.flatMap((a) => a.servicePoints));
      })
      .catch((error) => {
        if (live) setPointsError(error instanceof ApiError ? error : String(error));
      });
    return () => {
      live = false;
    };
  }, [loaded, unitKey]);

  const plan = useMemo(
    () =>
      loaded && points && loaded.header.missing.length === 0
        ? planRatings(loaded.table, loaded.header, points, levelsOfScale(round.method.scale), monthsOfPeriod(round.method.period))
        : null,
    [loaded, points, round.method.scale, round.method.period],
  );

  const choose = async (file: File | undefined) => {
    setLoaded(null);
    setFileName(file?.name ?? null);
    if (!file) return setPhase({ kind: 'idle' });
    setPhase({ kind: 'reading' });
    try {
      const table = await readRosterFile(file);
      const header = readRatingHeader(table);
      if (!header || table.every((r) => r.row <= header.row || r.cells.every((c) => c.trim() === ''))) throw new RosterFileError('empty');
      setLoaded({ fileName: file.name, table, header });
      setPhase({ kind: 'preview' });
    } catch (error) {
      setPhase({ kind: 'problem', message: error instanceof RosterFileError ? t(`indicators.import.file.${error.problem}`) : describeError(t, error) });
    }
  };

  const run = async () => {
    if (!plan) return;
    const batches = chunks(
      plan.inputs.map((input, i) => ({ input, row: plan.inputRows[i]! })),
      RATING_BATCH,
    );
    let imported = 0;
    let written = 0;
    const duplicates: string[] = [];
    let failure: unknown = null;
    let failedRows: number[] = [];
    setPhase({ kind: 'importing', done: 0, total: plan.inputs.length });
    for (const batch of batches) {
      try {
        const { importRatings } = await request(ImportRatingsDocument, { roundId: round.id, ratings: batch.map((b) => b.input) });
        imported += importRatings.imported;
        duplicates.push(...importRatings.duplicateRefs);
        written += batch.length;
        setPhase({ kind: 'importing', done: written, total: plan.inputs.length });
      } catch (error) {
        failure = error instanceof ApiError ? error : String(error);
        failedRows = batch.map((b) => b.row);
        break;
      }
    }
    onImported();
    setPhase({ kind: 'done', imported, duplicates, error: failure, rows: failedRows });
  };

  const busy = phase.kind === 'reading' || phase.kind === 'importing';
  const header = loaded?.header;
  const problemRows = plan?.rows.filter((r) => r.problems.length) ?? [];
  const done = phase.kind === 'done' ? phase : null;

  return (
    <div className="rating-import" data-testid="rating-import">
      <p className="muted">{t('ratings.import.hint')}</p>
      <div className="row import-tools">
        <SpreadsheetPicker
          id={id}
          label={t('ratings.import.file')}
          fileName={fileName}
          noFile={t('indicators.import.noFile')}
          busy={busy}
          onFile={(file) => void choose(file)}
          buttonClass="button-primary"
        />
      </div>
      <p id={`${id}-file-hint`} className="muted small">
        {t('ratings.import.fileHint')}
      </p>
      {phase.kind === 'reading' ? <Note live>{t('indicators.import.reading')}</Note> : null}
      {phase.kind === 'problem' ? (
        <div className="note note-error" role="alert">
          {phase.message}
        </div>
      ) : null}
      {pointsError ? <ErrorNote error={pointsError} /> : null}

      {loaded && header ? (
        <div className="import-preview" data-testid="rating-import-preview">
          <h3>{t('indicators.import.previewTitle', { file: loaded.fileName })}</h3>
          <p className="muted small">
            {t('ratings.import.columns', {
              columns: (Object.entries(header.columns) as [Column, { header: string }][])
                .map(([column, c]) => {
                  const word = t(`ratings.import.column.${column}`);
                  return headerText(c.header) === headerText(word) ? `“${c.header}”` : t('ratings.import.columnAs', { header: c.header, column: word });
                })
                .join('、'),
            })}
            {header.ignored.length ? ` ${t('indicators.import.ignored', { columns: header.ignored.join('、') })}` : ''}
          </p>
          {header.missing.length ? (
            <div className="note note-error" role="alert" data-testid="rating-import-missing">
              {t('ratings.import.missing', { row: header.row, columns: header.missing.map((c) => `「${t(`ratings.import.column.${c}`)}」`).join('、') })}
            </div>
          ) : null}
          {plan ? (
            <>
              <p role="status" data-testid="rating-import-counts">
                {t('ratings.import.counts', { rows: plan.counts.rows, n: plan.inputs.length, bad: plan.counts.bad, problems: plan.counts.problemRows })}
              </p>
              {problemRows.length ? (
                <section className="import-errors" aria-labelledby={`${id}-errors`}>
                  <h4 id={`${id}-errors`}>{t('indicators.import.problemsTitle', { n: problemRows.length })}</h4>
                  <ul data-testid="rating-import-problems">
                    {problemRows.flatMap((r) =>
                      r.problems.map((p, i) => (
                        <li key={`${r.row}-${i}`} data-row={r.row}>
                          {problemText(t, r.row, p)}
                        </li>
                      )),
                    )}
                  </ul>
                  <p className="muted small">{t('ratings.import.problemsSkipped')}</p>
                </section>
              ) : null}
              <div className="row">
                <button type="button" className="button-primary" disabled={busy || plan.inputs.length === 0} onClick={() => void run()}>
                  {t('ratings.import.run', { n: plan.inputs.length })}
                </button>
              </div>
              {phase.kind === 'importing' ? <ProgressBar label={t('ratings.import.progress')} value={phase.done} max={phase.total} /> : null}
              {done ? (
                <div role="status" data-testid="rating-import-summary">
                  <Note kind={done.error ? 'warn' : 'ok'}>
                    {t('ratings.import.done', { n: done.imported })}
                    {done.duplicates.length ? ` ${t('ratings.import.duplicates', { n: done.duplicates.length, refs: done.duplicates.join('、') })}` : ''}
                  </Note>
                  {done.error ? <ApiProblems error={done.error} wording={{ rowOffset: (i) => done.rows[i] ?? null }} /> : null}
                </div>
              ) : null}
              <PreviewTable plan={plan} />
            </>
          ) : !header.missing.length && !pointsError ? (
            <Note live>{t('ratings.import.loadingPoints')}</Note>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function problemText(t: Translate, row: number, p: RowProblem): string {
  switch (p.code) {
    case 'POINT_REQUIRED':
    case 'LEVEL_REQUIRED':
    case 'REF_REQUIRED':
    case 'TIME_REQUIRED':
      return t(`ratings.import.problem.${p.code}`, { row });
    case 'REF_DUPLICATE':
      return t('ratings.import.problem.REF_DUPLICATE', { row, value: p.value, first: p.firstRow });
    default:
      return t(`ratings.import.problem.${p.code}`, { row, value: p.value });
  }
}

function PreviewTable({ plan }: { plan: ReturnType<typeof planRatings> }) {
  const { t } = useI18n();
  const id = useId();
  const shown = plan.rows.slice(0, PREVIEW_ROWS);
  return (
    <section className="table-wrap import-wrap" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="table table-compact import-table">
        <caption id={`${id}-caption`} className="visually-hidden">
          {t('ratings.import.tableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.import.row')}</th>
            <th scope="col">{t('ratings.import.column.point')}</th>
            <th scope="col">{t('ratings.import.column.level')}</th>
            <th scope="col">{t('ratings.import.column.reasons')}</th>
            <th scope="col">{t('ratings.import.column.phone')}</th>
            <th scope="col">{t('ratings.import.column.ref')}</th>
            <th scope="col">{t('ratings.import.column.time')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={r.row} data-row={r.row} className={r.problems.length ? 'row-problem' : undefined}>
              <td className="num">{r.row}</td>
              <th scope="row">
                {r.point ? `${r.point.unit.name}/${r.point.name}` : r.text.code || [r.text.unit, r.text.point].filter(Boolean).join('/') || '—'}
                {r.problems.length ? <span className="tag tag-error">{t('ratings.import.skipped')}</span> : null}
              </th>
              <td>{r.level ? t(`ratings.level.${r.level}`) : r.text.level || '—'}</td>
              <td className="small">{r.text.reasons || '—'}</td>
              <td className="mono">{r.text.phone || '—'}</td>
              <td className="mono">{r.text.ref || '—'}</td>
              <td className="nowrap">{r.text.time || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.rows.length > PREVIEW_ROWS ? <p className="muted small">{t('ratings.import.more', { n: plan.rows.length - PREVIEW_ROWS })}</p> : null}
    </section>
  );
}
