import { useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { describeError } from '../api/errors';
import { useQuery } from '../api/hooks';
import { Note, ProgressBar } from '../components/ui';
import { UnitsDocument, UpsertCadresDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { CADRE_COLUMNS, importCadres, parseCadreCsv, type RowError } from './csv';

type Phase =
  | { kind: 'idle' }
  | { kind: 'problem'; text: string }
  | { kind: 'running'; processed: number; total: number }
  | { kind: 'done'; imported: number; errors: RowError[]; total: number };

export function CadreImport() {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [showUnits, setShowUnits] = useState(false);
  const units = useQuery(UnitsDocument, {}, { skip: !showUnits });

  const run = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseCadreCsv(text, { badBirthYear: t('org.badBirthYear') });
    if (!parsed.ok) {
      setPhase({ kind: 'problem', text: parsed.problem === 'empty' ? t('org.emptyCsv') : t('org.missingColumns', { columns: parsed.columns.join(', ') }) });
      return;
    }
    const total = parsed.rows.length + parsed.errors.length;
    setPhase({ kind: 'running', processed: parsed.errors.length, total });
    const result = await importCadres(
      parsed.rows,
      async (batch) => {
        await request(UpsertCadresDocument, { input: batch });
      },
      {
        onProgress: (processed) => setPhase({ kind: 'running', processed: processed + parsed.errors.length, total }),
        describe: (error) => describeError(t, error),
        isCallError: (error): error is ApiError => error instanceof ApiError,
        notFound: (kind, missing) => (kind === 'Unit' ? t('org.unitNotFound', { id: missing }) : t('error.NOT_FOUND', { message: `${kind} ${missing}` })),
      },
    );
    const errors = [...parsed.errors, ...result.errors].sort((a, b) => a.row - b.row);
    setPhase({ kind: 'done', imported: result.imported, errors, total });
  };

  const running = phase.kind === 'running';
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="cadre-import">
      <h2 id={`${id}-title`}>{t('org.cadres')}</h2>
      <p className="muted">{t('org.cadresHint')}</p>
      <form onSubmit={run}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('org.csvFile')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            disabled={running}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setText(await file.text());
              setPhase({ kind: 'idle' });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('org.csvText')}</label>
          <textarea
            id={`${id}-text`}
            rows={5}
            className="mono"
            placeholder={CADRE_COLUMNS.join(',')}
            value={text}
            disabled={running}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="button-primary" disabled={running || text.trim() === ''}>
          {running ? t('org.importing') : t('org.import')}
        </button>
      </form>

      {phase.kind === 'problem' ? (
        <div className="note note-error" role="alert">
          {phase.text}
        </div>
      ) : null}
      {phase.kind === 'running' || phase.kind === 'done' ? (
        <ProgressBar
          label={t('org.importProgress')}
          value={phase.kind === 'running' ? phase.processed : phase.total}
          max={phase.total}
        />
      ) : null}
      {phase.kind === 'done' ? (
        <div role="status">
          <Note kind={phase.errors.length ? 'warn' : 'ok'}>{t('org.importDone', { ok: phase.imported, failed: phase.errors.length })}</Note>
          {phase.errors.length ? (
            <div className="import-errors">
              <h3>{t('org.importErrors')}</h3>
              <ul data-testid="import-errors">
                {phase.errors.map((e) => (
                  <li key={`${e.row}:${e.column}`} data-row={e.row}>
                    {t('org.rowError', { row: e.row, id: e.id || '—', column: e.column || '—', message: e.message })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <details className="units" onToggle={(e) => setShowUnits((e.target as HTMLDetailsElement).open)}>
        <summary>{t('org.units')}</summary>
        {units.data ? (
          <table className="table table-compact">
            <tbody>
              {units.data.units.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td className="mono">{u.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </details>
    </section>
  );
}
