import { useId, useMemo, useState } from 'react';
import { ErrorNote, Loading, Note } from '../../components/ui';
import type { UnitKind } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useBatchEnrolment } from '../../organizer/round/useBatchEnrolment';
import { joinPath, nameKey, type UnitIndex, type UnitRecord } from '../../organizer/directory/units';

/** The kinds a quarterly assessment usually enrols together: 乡镇（街道）. */
const TOWN_LEVEL: ReadonlySet<UnitKind> = new Set(['TOWN', 'STREET']);
const TOWN_FILTER = 'TOWN_LEVEL';
/** At most this many units are listed at once; a filter narrows the list. */
const SHOWN = 400;

/**
 * Enrols units of the directory in an indicator round: find them by name, narrow to
 * the units under a parent (e.g. 萧山区) or of a kind (乡镇（街道） by default), tick them —
 * the ticks survive a new search — or 全选, and add them in one go. Titles are the units'
 * names; orders follow the last entry.
 */
export function UnitPicker({
  roundId,
  units,
  enrolled,
  nextOrder,
  onAdded,
  anyKind = false,
}: {
  roundId: string;
  units: UnitIndex | undefined;
  enrolled: ReadonlySet<string>;
  nextOrder: number;
  onAdded: () => void;
  /** List units of every kind at first (a ratings campaign's departments and service centres), not only 乡镇（街道）. */
  anyKind?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [search, setSearch] = useState('');
  const [parent, setParent] = useState('');
  const [kind, setKind] = useState<string>(anyKind ? '' : TOWN_FILTER);
  const [selected, setSelected] = useState<Map<string, UnitRecord>>(new Map());
  const { adding, addError, added, enrol } = useBatchEnrolment(roundId, onAdded);

  const all = useMemo(() => (units ? [...units.byId.values()] : []), [units]);
  const kinds = useMemo(() => [...new Set(all.map((u) => u.kind))], [all]);
  const parents = useMemo(
    () =>
      units
        ? [...units.children.keys()]
            .filter((key) => key !== '' && units.byId.has(key))
            .map((key) => ({ id: key, path: joinPath(units.pathOf(key)) }))
            .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'))
        : [],
    [units],
  );
  const found = useMemo(() => {
    if (!units) return [];
    const wanted = nameKey(search);
    return all
      .filter((u) => (kind === '' ? true : kind === TOWN_FILTER ? TOWN_LEVEL.has(u.kind) : u.kind === kind))
      .filter((u) => !parent || u.parentId === parent)
      .filter((u) => !wanted || nameKey(u.name).includes(wanted))
      .map((u) => ({ unit: u, path: joinPath(units.pathOf(u.id)) }))
      .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
  }, [units, all, kind, parent, search]);

  if (!units) return <Loading />;
  const shown = found.slice(0, SHOWN);
  const choosable = shown.filter(({ unit }) => !enrolled.has(unit.id));
  const allChosen = choosable.length > 0 && choosable.every(({ unit }) => selected.has(unit.id));
  const toggle = (list: UnitRecord[], on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      for (const u of list) {
        if (on) next.set(u.id, u);
        else next.delete(u.id);
      }
      return next;
    });

  const add = async () => {
    const chosen = [...selected.values()].filter((u) => !enrolled.has(u.id));
    const remaining = await enrol(chosen, (u, i) => ({ unitId: u.id, title: u.name, order: nextOrder + i }));
    setSelected(new Map(remaining.map((u) => [u.id, u])));
  };

  return (
    <section className="picker unit-picker" aria-labelledby={`${id}-title`} data-testid="unit-picker">
      <h4 id={`${id}-title`}>{t('indicators.picker.title')}</h4>
      <div className="picker-filters">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('indicators.picker.search')}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            placeholder={t('indicators.picker.searchPlaceholder')}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-parent`}>{t('indicators.picker.parent')}</label>
          <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('indicators.picker.anyParent')}</option>
            {parents.map((p) => (
              <option key={p.id} value={p.id}>
                {p.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('indicators.picker.kind')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value={TOWN_FILTER}>{t('indicators.picker.townLevel')}</option>
            <option value="">{t('indicators.picker.anyKind')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`directory.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {found.length === 0 ? <Note>{t('indicators.picker.noMatch')}</Note> : null}
      {found.length > SHOWN ? <Note kind="warn">{t('indicators.picker.tooMany', { n: found.length, shown: SHOWN })}</Note> : null}
      {shown.length > 0 ? (
        <>
          <div className="field field-check">
            <input
              id={`${id}-all`}
              type="checkbox"
              checked={allChosen}
              disabled={choosable.length === 0}
              onChange={(e) =>
                toggle(
                  choosable.map((c) => c.unit),
                  e.target.checked,
                )
              }
            />
            <label htmlFor={`${id}-all`}>{t('indicators.picker.selectAll', { n: choosable.length })}</label>
          </div>
          <div className="table-wrap picker-results">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('indicators.picker.results')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('round.picker.pick')}</th>
                  <th scope="col">{t('indicators.picker.name')}</th>
                  <th scope="col">{t('indicators.picker.kind')}</th>
                  <th scope="col">{t('indicators.picker.path')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map(({ unit, path }) => {
                  const already = enrolled.has(unit.id);
                  return (
                    <tr key={unit.id}>
                      <td>
                        <input
                          id={`${id}-u-${unit.id}`}
                          type="checkbox"
                          className="pick"
                          checked={already || selected.has(unit.id)}
                          disabled={already}
                          onChange={(e) => toggle([unit], e.target.checked)}
                        />
                        <label htmlFor={`${id}-u-${unit.id}`} className="visually-hidden">
                          {t('indicators.picker.pickOne', { name: path })}
                        </label>
                      </td>
                      <th scope="row">
                        {unit.name}
                        {already ? <span className="tag">{t('indicators.picker.enrolled')}</span> : null}
                      </th>
                      <td>{t(`directory.kind.${unit.kind}`)}</td>
                      <td className="muted">{path}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <div className="picker-add">
        <button type="button" className="button-primary" disabled={selected.size === 0 || adding !== null} onClick={() => void add()}>
          {t('indicators.picker.add', { n: selected.size })}
        </button>
        {selected.size > 0 ? (
          <button type="button" className="button" onClick={() => setSelected(new Map())}>
            {t('round.picker.clear')}
          </button>
        ) : null}
      </div>
      {adding ? <p role="status">{t('round.picker.adding', { done: adding.done, total: adding.total })}</p> : null}
      {addError ? <ErrorNote error={addError} /> : null}
      {added !== null && !adding ? (
        <Note kind="ok" live>
          {t('indicators.picker.added', { n: added })}
        </Note>
      ) : null}
    </section>
  );
}
