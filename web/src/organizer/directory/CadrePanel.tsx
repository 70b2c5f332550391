import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { DirectoryCadresDocument, DirectoryUpsertCadresDocument, type DirectoryCadreFragment } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { cadreValues } from './api';
import { parseBirthYear, type CadreValues } from './roster';
import { unitOptions } from './useDirectory';
import { joinPath, type UnitIndex } from './units';

const PAGE = 20;

type Scope = 'unit' | 'all';

/**
 * The cadres of the selected unit, a page at a time, or a search by name or id within
 * the unit or everywhere; each can be edited or its change history shown.
 */
export function CadrePanel({
  units,
  unitId,
  refreshKey,
  onHistory,
}: {
  units: UnitIndex;
  unitId: string | null;
  refreshKey: number;
  onHistory: (subject: { id: string; label: string }) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState<Scope>('unit');
  // Page cursors belong to one listing: another unit, search or scope starts at page 1.
  const listing = `${unitId ?? ''}|${search}|${scope}`;
  const [paging, setPaging] = useState<{ listing: string; cursors: (string | null)[] }>({ listing, cursors: [null] });
  const cursors = paging.listing === listing ? paging.cursors : [null];
  const setCursors = (update: (current: (string | null)[]) => (string | null)[]) => setPaging({ listing, cursors: update(cursors) });
  const [editing, setEditing] = useState<string | null>(null);
  const after = cursors[cursors.length - 1] ?? null;
  const inUnit = scope === 'unit' && unitId !== null;
  const variables = {
    first: PAGE,
    ...(inUnit ? { unitId } : {}),
    ...(search ? { search } : {}),
    ...(after ? { after } : {}),
  };
  const { data, error, loading, refetch } = useQuery(DirectoryCadresDocument, variables, { skip: !inUnit && !search && scope === 'unit' });
  // An import or a unit change elsewhere on the page: read the list again.
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;
  useEffect(() => {
    if (refreshKey) void refetchRef.current();
  }, [refreshKey]);

  const cadres = data?.cadres.edges.map((e) => e.node) ?? [];
  const title = unitId && scope === 'unit' ? t('directory.cadres.titleUnit', { unit: units.byId.get(unitId)?.name ?? '' }) : t('directory.cadres.titleAll');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim());
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`} data-testid="cadre-panel">
      <h2 id={`${id}-title`}>{title}</h2>
      <form className="cadre-search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('directory.cadres.search')}</label>
          <input id={`${id}-q`} type="search" value={draft} placeholder={t('directory.cadres.searchHint')} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <fieldset className="plain-fieldset scope">
          <legend className="visually-hidden">{t('directory.cadres.scope')}</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'unit'} onChange={() => setScope('unit')} disabled={!unitId} />
            {t('directory.cadres.scopeUnit')}
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => setScope('all')} />
            {t('directory.cadres.scopeAll')}
          </label>
        </fieldset>
        <button type="submit" className="button-primary">
          {t('directory.cadres.searchButton')}
        </button>
        {search ? (
          <button
            type="button"
            onClick={() => {
              setDraft('');
              setSearch('');
            }}
          >
            {t('directory.cadres.clearSearch')}
          </button>
        ) : null}
      </form>
      {!unitId && scope === 'unit' && !search ? <Note>{t('directory.cadres.pickUnit')}</Note> : null}
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && cadres.length === 0 ? <Note>{search ? t('directory.cadres.noMatch', { search }) : t('directory.cadres.none')}</Note> : null}
      {cadres.length ? (
        <div className="table-wrap">
          <table className="table cadre-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.field.id')}</th>
                <th scope="col">{t('directory.field.name')}</th>
                <th scope="col">{t('directory.field.unit')}</th>
                <th scope="col">{t('directory.field.position')}</th>
                <th scope="col">{t('directory.field.grade')}</th>
                <th scope="col">{t('directory.field.birthYear')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('directory.cadres.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cadres.map((c) =>
                editing === c.id ? (
                  <tr key={c.id} className="row-editing">
                    <td colSpan={7}>
                      <CadreEditor
                        units={units}
                        cadre={c}
                        onDone={(saved) => {
                          setEditing(null);
                          if (saved) void refetch();
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={c.id} data-cadre={c.id}>
                    <td className="mono">{c.id}</td>
                    <td>{c.name}</td>
                    <td className="cell-wrap">{joinPath(units.pathOf(c.unit.id))}</td>
                    <td className="cell-wrap">{c.position ?? ''}</td>
                    <td>{c.grade ?? ''}</td>
                    <td>{c.birthYear ?? ''}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button-small"
                        onClick={() => setEditing(c.id)}
                        aria-label={t('directory.cadres.editLabel', { name: c.name })}
                      >
                        {t('directory.cadres.edit')}
                      </button>
                      <button
                        type="button"
                        className="button-small"
                        onClick={() => onHistory({ id: c.id, label: c.name })}
                        aria-label={t('directory.history.openLabel', { name: c.name })}
                      >
                        {t('directory.history.open')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      {cursors.length > 1 || data?.cadres.pageInfo.hasNextPage ? (
        <nav className="pager" aria-label={t('directory.cadres.pages')}>
          <button type="button" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('directory.cadres.previous')}
          </button>
          <span className="muted">{t('directory.cadres.page', { n: cursors.length })}</span>
          <button
            type="button"
            disabled={!data?.cadres.pageInfo.hasNextPage}
            onClick={() => {
              const next = data?.cadres.pageInfo.endCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            {t('directory.cadres.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}

/** One cadre's record, replaced as a whole by id (upsertCadres). */
function CadreEditor({ units, cadre, onDone }: { units: UnitIndex; cadre: DirectoryCadreFragment; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const id = useId();
  const start = cadreValues(cadre);
  const [values, setValues] = useState<CadreValues>(start);
  const [yearText, setYearText] = useState(start.birthYear === null ? '' : String(start.birthYear));
  const [yearError, setYearError] = useState(false);
  const { mutate, pending, error } = useMutation(DirectoryUpsertCadresDocument);
  const set = (patch: Partial<CadreValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const year = parseBirthYear(yearText);
    setYearError(year === 'bad');
    if (year === 'bad') return;
    const input = { ...values, name: values.name.trim(), position: values.position?.trim() || null, grade: values.grade?.trim() || null, birthYear: year };
    if (await mutate({ input: [input] })) onDone(true);
  };
  return (
    <form className="cadre-editor" onSubmit={submit} aria-label={t('directory.cadres.editTitle', { id: cadre.id })}>
      <p className="small">
        <strong>{t('directory.cadres.editTitle', { id: cadre.id })}</strong>
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('directory.field.name')}</label>
          <input id={`${id}-name`} value={values.name} required maxLength={100} onChange={(e) => set({ name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('directory.field.unit')}</label>
          <select id={`${id}-unit`} value={values.unitId} onChange={(e) => set({ unitId: e.target.value })}>
            {unitOptions(units).map((o) => (
              <option key={o.id} value={o.id}>
                {o.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-position`}>{t('directory.field.position')}</label>
          <input id={`${id}-position`} value={values.position ?? ''} maxLength={100} onChange={(e) => set({ position: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-grade`}>{t('directory.field.grade')}</label>
          <input id={`${id}-grade`} value={values.grade ?? ''} maxLength={50} onChange={(e) => set({ grade: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('directory.field.birthYear')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            value={yearText}
            aria-invalid={yearError || undefined}
            aria-describedby={yearError ? `${id}-year-error` : undefined}
            onChange={(e) => setYearText(e.target.value)}
          />
          {yearError ? (
            <p id={`${id}-year-error`} className="field-error">
              {t('directory.problem.badYear', { field: t('directory.field.birthYear'), value: yearText })}
            </p>
          ) : null}
        </div>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending || values.name.trim() === ''}>
          {t('directory.cadres.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('directory.cadres.cancel')}
        </button>
      </div>
    </form>
  );
}
