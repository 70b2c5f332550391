import { useEffect, useId, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { describeIssue, type Issue } from '../../api/errors';
import { Note } from '../../components/ui';
import { SubmitIndicatorValuesDocument, type IndicatorValueInput } from '../../gql/graphql';
import { useI18n, type Translate } from '../../i18n';
import { ApiProblems } from '../ApiProblems';
import { cellKey, chunks, entryName, parseNumber, requestId, VALUE_BATCH, type IndicatorRecord, type IndicatorRoundRecord, type ValueRecord } from '../model';
import { StatusMark } from './StatusMark';
import { cellState, columnsOf, inputKey, isBlock, parseBlock, shownText, statusOf, valuesByCell, type CellProblem, type CellState, type Part } from './values';

/**
 * 数据录入: entries (rows) × indicators (columns), a ratio as two inputs (分子/分母).
 * Tab and Shift+Tab go across, Enter (Shift+Enter) down (up), Esc undoes a cell; a block
 * copied from Excel and pasted into a cell fills the grid from there. Each cell says
 * whether it is empty, waiting for verification or verified, and marks what is not saved
 * yet; 保存 sends the changed cells (≤ 1000 per call, each call with a request id, so
 * a retry after a network failure writes nothing twice).
 */
export function ValueGrid({
  round,
  values,
  drafts,
  setDrafts,
  onSaved,
}: {
  round: IndicatorRoundRecord;
  values: readonly ValueRecord[];
  drafts: ReadonlyMap<string, string>;
  setDrafts: (update: (drafts: Map<string, string>) => Map<string, string>) => void;
  onSaved: () => Promise<void> | void;
}) {
  const { t } = useI18n();
  const id = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const indicators = round.method.indicatorSet.indicators;
  const columns = useMemo(() => columnsOf(indicators), [indicators]);
  const byCell = useMemo(() => valuesByCell(values), [values]);
  const [saving, setSaving] = useState<{ done: number; total: number } | null>(null);
  const [saveError, setSaveError] = useState<{ error: unknown; batch: IndicatorValueInput[] } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const states = useMemo(() => {
    const out = new Map<string, CellState>();
    for (const entry of round.entries)
      for (const indicator of indicators) {
        const saved = byCell.get(cellKey(entry.id, indicator.key));
        out.set(
          cellKey(entry.id, indicator.key),
          cellState(indicator, entry.id, saved, (part) => shownText(drafts, saved, entry.id, indicator.key, part)),
        );
      }
    return out;
  }, [round.entries, indicators, byCell, drafts]);

  const changed = [...states.values()].flatMap((s) => (s.kind === 'changed' ? [s.input] : []));
  const reverify = changed.filter((input) => byCell.get(cellKey(input.entryId, input.indicator))?.status === 'VERIFIED').length;
  const invalid = round.entries.flatMap((entry) =>
    indicators.flatMap((indicator) => {
      const s = states.get(cellKey(entry.id, indicator.key));
      return s?.kind === 'invalid' ? [{ entry, indicator, problems: s.problems }] : [];
    }),
  );

  // Leaving with unsaved values asks first.
  useEffect(() => {
    if (changed.length === 0 && invalid.length === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed.length, invalid.length]);

  const setText = (entryId: string, indicator: string, part: Part, text: string) =>
    setDrafts((d) => {
      const next = new Map(d);
      next.set(inputKey(entryId, indicator, part), text);
      return next;
    });

  const focusCell = (row: number, col: number) => {
    const target = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (target) {
      target.focus();
      target.select();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number, entryId: string, indicator: string, part: Part) => {
    if (event.key === 'Enter' || event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const up = event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey);
      focusCell(row + (up ? -1 : 1), col);
    } else if (event.key === 'Escape') {
      setDrafts((d) => {
        const next = new Map(d);
        next.delete(inputKey(entryId, indicator, part));
        return next;
      });
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!isBlock(text)) return;
    event.preventDefault();
    const block = parseBlock(text);
    const fills: [string, string][] = [];
    let outside = 0;
    for (const [i, cells] of block.entries()) {
      for (const [j, cell] of cells.entries()) {
        const entry = round.entries[row + i];
        const column = columns[col + j];
        if (entry && column) fills.push([inputKey(entry.id, column.indicator.key, column.part), cell]);
        else outside++;
      }
    }
    setDrafts((d) => new Map([...d, ...fills]));
    const width = Math.max(...block.map((r) => r.length));
    setNotice(
      outside
        ? t('indicators.grid.pastedOutside', { rows: block.length, cols: width, n: outside })
        : t('indicators.grid.pasted', { rows: block.length, cols: width, cells: block.length * width }),
    );
  };

  const save = async () => {
    setSaveError(null);
    setNotice(null);
    const batches = chunks(changed, VALUE_BATCH);
    const base = requestId('grid');
    setSaving({ done: 0, total: changed.length });
    let done = 0;
    for (const [i, batch] of batches.entries()) {
      try {
        await request(SubmitIndicatorValuesDocument, { roundId: round.id, values: batch, clientRequestId: `${base}-${i + 1}` });
        done += batch.length;
        setSaving({ done, total: changed.length });
      } catch (error) {
        setSaveError({ error: error instanceof ApiError ? error : String(error), batch });
        break;
      }
    }
    await onSaved();
    // What was sent is saved now: its drafts give way to the saved values (anything typed meanwhile stays).
    const sent = changed.slice(0, done);
    setDrafts((d) => {
      const next = new Map(d);
      for (const input of sent)
        for (const part of ['value', 'numerator', 'denominator'] as const) {
          const key = inputKey(input.entryId, input.indicator, part);
          const typed = next.get(key);
          if (typed !== undefined && parseNumber(typed) === (input[part] ?? null)) next.delete(key);
        }
      return next;
    });
    setSaving(null);
    if (done) setNotice(t('indicators.grid.saved', { n: done }));
  };

  const labelOf = new Map(indicators.map((i) => [i.key, i]));
  const wordApiIssue = (batch: IndicatorValueInput[]) => (issue: Issue) => {
    const m = /^values\.(\d+)\.?(.*)$/u.exec(issue.path);
    const item = m ? batch[Number(m[1])] : undefined;
    if (!item) return null;
    const entry = round.entries.find((e) => e.id === item.entryId);
    const indicator = labelOf.get(item.indicator);
    const what = describeIssue(t, { ...issue, path: m![2] || 'value' });
    return t('indicators.grid.cellIssue', { unit: entry ? entryName(entry) : item.entryId, indicator: indicator?.label ?? item.indicator, message: what });
  };

  return (
    <div className="value-grid" data-testid="value-grid">
      <p className="muted small" id={`${id}-keys`}>
        {t('indicators.grid.keys')}
      </p>
      <div className="grid-legend small" aria-hidden="true">
        <StatusMark status="missing" />
        <StatusMark status="ENTERED" />
        <StatusMark status="VERIFIED" />
        <StatusMark status="unsaved" />
        <StatusMark status="invalid" />
      </div>
      <div className="grid-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={-1}>
        <table className="table grid-table" ref={tableRef} aria-describedby={`${id}-keys`}>
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('indicators.grid.caption', { units: round.entries.length, indicators: indicators.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2} className="grid-unit">
                {t('indicators.grid.unit')}
              </th>
              {indicators.map((indicator) => (
                <th scope="col" key={indicator.key} colSpan={indicator.ratio ? 2 : 1} className="grid-indicator">
                  {indicator.label}
                  {indicator.unit ? <span className="muted">（{indicator.unit}）</span> : null}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={`${c.indicator.key}-${c.part}`} className="grid-part muted small">
                  {c.part === 'value'
                    ? t(c.indicator.method === 'PER_OCCURRENCE' ? 'indicators.grid.count' : 'indicators.grid.value')
                    : t(`indicators.grid.${c.part}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {round.entries.map((entry, row) => {
              let col = 0;
              return (
                <tr key={entry.id} data-entry={entry.id}>
                  <th scope="row" className="grid-unit">
                    <span className="muted small">{entry.order}</span> {entryName(entry)}
                  </th>
                  {indicators.map((indicator) => {
                    const key = cellKey(entry.id, indicator.key);
                    const saved = byCell.get(key);
                    const state = states.get(key)!;
                    const parts: Part[] = indicator.ratio ? ['numerator', 'denominator'] : ['value'];
                    const markId = `${id}-m-${row}-${indicator.key}`;
                    const cells = parts.map((part) => {
                      const c = col++;
                      const text = shownText(drafts, saved, entry.id, indicator.key, part);
                      const partLabel = part === 'value' ? '' : t(`indicators.grid.${part}`);
                      return (
                        <td key={part} className={`grid-cell grid-${state.kind}${indicator.ratio ? ` grid-${part}` : ''}`} data-status={statusOf(saved)}>
                          <input
                            data-row={row}
                            data-col={c}
                            inputMode="decimal"
                            autoComplete="off"
                            aria-label={t('indicators.grid.cellLabel', { unit: entryName(entry), indicator: indicator.label, part: partLabel })}
                            aria-invalid={state.kind === 'invalid' ? true : undefined}
                            aria-describedby={markId}
                            value={text}
                            onChange={(e) => setText(entry.id, indicator.key, part, e.target.value)}
                            onKeyDown={(e) => onKeyDown(e, row, c, entry.id, indicator.key, part)}
                            onPaste={(e) => onPaste(e, row, c)}
                            onFocus={(e) => e.currentTarget.select()}
                          />
                          {part === parts[parts.length - 1] ? <CellMark id={markId} state={state} status={statusOf(saved)} indicator={indicator} /> : null}
                        </td>
                      );
                    });
                    return cells;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {invalid.length ? (
        <div className="note note-warn" data-testid="grid-problems">
          <div>
            <p>{t('indicators.grid.problemsIntro', { n: invalid.length })}</p>
            <ul>
              {invalid.map(({ entry, indicator, problems }) => (
                <li key={`${entry.id}-${indicator.key}`}>{problems.map((p) => problemText(t, entryName(entry), indicator, p)).join(t('issue.separator'))}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      {saveError ? <ApiProblems error={saveError.error} word={wordApiIssue(saveError.batch)} onRetry={changed.length ? () => void save() : undefined} /> : null}
      {reverify ? <Note kind="warn">{t('indicators.grid.reverify', { n: reverify })}</Note> : null}
      {notice ? (
        <Note kind="ok" live>
          {notice}
        </Note>
      ) : null}
      <div className="row grid-actions">
        <button type="button" className="button-primary" disabled={saving !== null || changed.length === 0} onClick={() => void save()}>
          {saving ? t('indicators.grid.saving', { done: saving.done, total: saving.total }) : t('indicators.grid.save', { n: changed.length })}
        </button>
        {changed.length + invalid.length > 0 ? (
          <button type="button" className="button" disabled={saving !== null} onClick={() => setDrafts(() => new Map())}>
            {t('indicators.grid.discard')}
          </button>
        ) : null}
        <span className="muted small" role="status">
          {changed.length || invalid.length ? t('indicators.grid.unsavedCount', { n: changed.length, bad: invalid.length }) : t('indicators.grid.allSaved')}
        </span>
      </div>
    </div>
  );
}

function problemText(t: Translate, unit: string, indicator: IndicatorRecord, problem: CellProblem): string {
  const part = 'part' in problem && indicator.ratio ? t(`indicators.grid.${problem.part}`) : '';
  return t(`indicators.grid.problem.${problem.code}`, { unit, indicator: indicator.label, part });
}

/** The cell's status under its input(s); the inputs point at it (aria-describedby), so it is read with them. */
function CellMark({ id, state, status, indicator }: { id: string; state: CellState; status: ReturnType<typeof statusOf>; indicator: IndicatorRecord }) {
  const { t } = useI18n();
  if (state.kind === 'invalid')
    return (
      <span id={id} className="cell-mark">
        <StatusMark status="invalid" />
        <span className="visually-hidden">{state.problems.map((p) => problemText(t, '', indicator, p)).join(t('issue.separator'))}</span>
      </span>
    );
  return (
    <span id={id} className="cell-mark">
      {state.kind === 'changed' ? <StatusMark status="unsaved" /> : <StatusMark status={status} />}
    </span>
  );
}
