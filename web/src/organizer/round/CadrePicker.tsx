import { useEffect, useId, useState } from 'react';
import { request } from '../../api/client';
import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { PickerCadresDocument, UnitsDocument, type PickerCadresQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useBatchEnrolment } from './useBatchEnrolment';

/** addEntries takes at most this many per call. */
const SEARCH_DELAY_MS = 300;

type Cadre = PickerCadresQuery['cadres']['edges'][number]['node'];

/**
 * Enrols cadres from the roster: find them by name (or id) and unit, tick them — the
 * selection survives a new search, so several units can be gathered — and add them in
 * one go. Titles default to the cadre's name; orders follow the last entry.
 */
export function CadrePicker({ roundId, enrolled, nextOrder, onAdded }: { roundId: string; enrolled: Set<string>; nextOrder: number; onAdded: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [unitId, setUnitId] = useState('');
  const [group, setGroup] = useState('');
  const [selected, setSelected] = useState<Map<string, Cadre>>(new Map());
  const { adding, addError, added, enrol } = useBatchEnrolment(roundId, onAdded);
  const units = useQuery(UnitsDocument, {});
  const found = useCadreSearch(useDebounced(search.trim(), SEARCH_DELAY_MS), unitId);

  const choosable = found.cadres.filter((c) => !enrolled.has(c.id));
  const allChosen = choosable.length > 0 && choosable.every((c) => selected.has(c.id));
  const toggle = (cadre: Cadre, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(cadre.id, cadre);
      else next.delete(cadre.id);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const c of choosable) {
        if (on) next.set(c.id, c);
        else next.delete(c.id);
      }
      return next;
    });

  const add = async () => {
    const chosen = [...selected.values()].filter((c) => !enrolled.has(c.id));
    const remaining = await enrol(chosen, (c, i) => ({ cadreId: c.id, title: c.name, group: group.trim() || null, order: nextOrder + i }));
    setSelected(new Map(remaining.map((c) => [c.id, c])));
  };

  return (
    <section className="picker" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('round.picker.title')}</h4>
      <div className="picker-filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('round.picker.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={t('round.picker.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('round.picker.unit')}</label>
          <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('round.picker.allUnits')}</option>
            {(units.data?.units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {found.error ? <ErrorNote error={found.error} onRetry={found.retry} /> : null}
      {found.loading && found.cadres.length === 0 ? <Loading /> : null}
      {!found.loading && !found.error && found.cadres.length === 0 ? <Note>{t('round.picker.noMatch')}</Note> : null}
      {found.cadres.length > 0 ? (
        <>
          <div className="field field-check">
            <input id={`${id}-all`} type="checkbox" checked={allChosen} disabled={choosable.length === 0} onChange={(e) => toggleAll(e.target.checked)} />
            <label htmlFor={`${id}-all`}>{t('round.picker.selectAll', { n: choosable.length })}</label>
          </div>
          <div className="table-wrap picker-results">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('round.picker.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('round.picker.pick')}</th>
                  <th scope="col">{t('round.entries.name')}</th>
                  <th scope="col">{t('round.picker.id')}</th>
                  <th scope="col">{t('round.entries.unit')}</th>
                  <th scope="col">{t('round.picker.position')}</th>
                </tr>
              </thead>
              <tbody>
                {found.cadres.map((c) => {
                  const already = enrolled.has(c.id);
                  return (
                    <tr key={c.id}>
                      <td>
                        <input
                          id={`${id}-c-${c.id}`}
                          type="checkbox"
                          className="pick"
                          checked={already || selected.has(c.id)}
                          disabled={already}
                          onChange={(e) => toggle(c, e.target.checked)}
                        />
                        <label htmlFor={`${id}-c-${c.id}`} className="visually-hidden">
                          {t('round.picker.pickOne', { name: c.name, id: c.id })}
                        </label>
                      </td>
                      <th scope="row">
                        {c.name}
                        {already ? <span className="tag">{t('round.picker.enrolled')}</span> : null}
                      </th>
                      <td className="mono">{c.id}</td>
                      <td>{c.unit.name}</td>
                      <td>{c.position ?? '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {found.hasMore ? (
            <button type="button" className="button" disabled={found.loading} onClick={found.more}>
              {t('round.picker.more')}
            </button>
          ) : null}
        </>
      ) : null}
      <div className="picker-add">
        <div className="field">
          <label htmlFor={`${id}-group`}>{t('round.picker.group')}</label>
          <input id={`${id}-group`} maxLength={50} value={group} placeholder={t('round.picker.groupPlaceholder')} onChange={(e) => setGroup(e.target.value)} />
        </div>
        <button type="button" className="button-primary" disabled={selected.size === 0 || adding !== null} onClick={() => void add()}>
          {t('round.picker.add', { n: selected.size })}
        </button>
        {selected.size > 0 ? (
          <button type="button" className="button" onClick={() => setSelected(new Map())}>
            {t('round.picker.clear')}
          </button>
        ) : null}
      </div>
      <p className="muted small">{t('round.picker.hint', { order: nextOrder })}</p>
      {adding ? <p role="status">{t('round.picker.adding', { done: adding.done, total: adding.total })}</p> : null}
      {addError ? <ErrorNote error={addError} /> : null}
      {added !== null && !adding ? (
        <Note kind="ok" live>
          {t('round.picker.added', { n: added })}
        </Note>
      ) : null}
    </section>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/** Cadres matching a search and unit, 100 at a time, with "more" appending the next page. */
function useCadreSearch(search: string, unitId: string) {
  const [state, setState] = useState<{ key: string; cadres: Cadre[]; cursor: string | null; hasMore: boolean; loading: boolean; error: unknown }>({
    key: '',
    cadres: [],
    cursor: null,
    hasMore: false,
    loading: true,
    error: null,
  });
  const key = JSON.stringify([search, unitId]);
  const [attempt, setAttempt] = useState(0);

  const load = async (after: string | null, append: boolean, mine: string) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = (await request(PickerCadresDocument, { search: search || null, unitId: unitId || null, after })).cadres;
      setState((s) =>
        s.key !== mine
          ? s
          : {
              key: mine,
              cadres: append ? [...s.cadres, ...page.edges.map((e) => e.node)] : page.edges.map((e) => e.node),
              cursor: page.pageInfo.endCursor,
              hasMore: page.pageInfo.hasNextPage,
              loading: false,
              error: null,
            },
      );
    } catch (error) {
      setState((s) => (s.key !== mine ? s : { ...s, loading: false, error }));
    }
  };

  useEffect(() => {
    setState({ key, cadres: [], cursor: null, hasMore: false, loading: true, error: null });
    void load(null, false, key);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for search and unit
  }, [key, attempt]);

  return {
    cadres: state.cadres,
    loading: state.loading,
    error: state.error,
    hasMore: state.hasMore,
    more: () => void load(state.cursor, true, key),
    retry: () => setAttempt((n) => n + 1),
  };
}
