import { useId, useState } from 'react';
import { describeError } from '../../api/errors';
import { Note } from '../../components/ui';
import { useI18n } from '../../i18n';
import { safeFileName } from '../../results/download';
import { fetchAllCadres } from './api';
import { rosterWorkbook, saveFile, XLSX_TYPE } from './exportRoster';
import type { UnitIndex } from './units';

type Scope = 'unit' | 'all';

/** The roster of the selected unit and its sub-units, or of everyone, as XLSX. */
export function RosterExport({ units, unitId }: { units: UnitIndex; unitId: string | null }) {
  const { t } = useI18n();
  const id = useId();
  const [scope, setScope] = useState<Scope>(unitId ? 'unit' : 'all');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; count: number; file: string } | { kind: 'failed'; message: string }
  >({ kind: 'idle' });
  const effective: Scope = unitId ? scope : 'all';
  const unitName = unitId ? (units.byId.get(unitId)?.name ?? '') : '';

  const run = async () => {
    setState({ kind: 'working' });
    try {
      const everyone = await fetchAllCadres();
      const within = effective === 'unit' && unitId ? units.subtree(unitId) : null;
      const cadres = within ? everyone.filter((c) => within.has(c.unitId)) : everyone;
      const data = await rosterWorkbook(cadres, units);
      const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const file = safeFileName(`${t('directory.export.fileName', { scope: within ? unitName : t('directory.export.everyone') })}-${date}.xlsx`);
      saveFile(data, file, XLSX_TYPE);
      setState({ kind: 'done', count: cadres.length, file });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(t, error) });
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('directory.export.title')}</h2>
      <p className="muted small">{t('directory.export.hint')}</p>
      <fieldset className="plain-fieldset scope">
        <legend className="visually-hidden">{t('directory.export.scope')}</legend>
        <label>
          <input type="radio" name={`${id}-scope`} checked={effective === 'unit'} disabled={!unitId} onChange={() => setScope('unit')} />
          {unitId ? t('directory.export.scopeUnit', { unit: unitName }) : t('directory.export.scopeUnitNone')}
        </label>
        <label>
          <input type="radio" name={`${id}-scope`} checked={effective === 'all'} onChange={() => setScope('all')} />
          {t('directory.export.scopeAll')}
        </label>
      </fieldset>
      <button type="button" className="button-primary" disabled={state.kind === 'working'} onClick={() => void run()}>
        {state.kind === 'working' ? t('directory.export.working') : t('directory.export.run')}
      </button>
      {state.kind === 'done' ? (
        <Note kind="ok" live>
          {t('directory.export.done', { n: state.count, file: state.file })}
        </Note>
      ) : null}
      {state.kind === 'failed' ? (
        <div className="note note-error" role="alert">
          {state.message}
        </div>
      ) : null}
    </section>
  );
}
