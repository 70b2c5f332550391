import { useState } from 'react';
import { ErrorNote, Loading } from '../../components/ui';
import { useI18n } from '../../i18n';
import { CadrePanel } from './CadrePanel';
import { ChangeLogPanel } from './ChangeLogPanel';
import { RosterExport } from './RosterExport';
import { RosterImport } from './RosterImport';
import { CreateUnitForm, EditUnitForm } from './UnitForms';
import { UnitTree } from './UnitTree';
import { useDirectory } from './useDirectory';
import './directory.css';

/**
 * 单位与干部: the organizer's directory — units as a tree with create, rename and move;
 * the cadres of a unit with search and editing; the roster imported from HR's file and
 * exported back in the same layout.
 */
export function DirectoryPage() {
  const { t } = useI18n();
  const { units, error, refetch } = useDirectory();
  const [selected, setSelected] = useState<string | null>(null);
  const [history, setHistory] = useState<{ id: string; label: string } | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => {
    void refetch();
    setRefreshKey((k) => k + 1);
  };

  if (error && !units) return <ErrorNote error={error} onRetry={() => void refetch()} />;
  if (!units) return <Loading />;
  const selectedUnit = selected ? units.byId.get(selected) : undefined;

  return (
    <div className="directory">
      <h1>{t('directory.title')}</h1>
      <div className="directory-layout">
        <aside className="panel directory-tree" aria-labelledby="directory-tree-title">
          <h2 id="directory-tree-title">{t('directory.tree.title')}</h2>
          <nav aria-labelledby="directory-tree-title">
            <UnitTree units={units} selected={selected} onSelect={setSelected} />
          </nav>
        </aside>
        <div className="directory-main">
          <CadrePanel units={units} unitId={selected} refreshKey={refreshKey} onHistory={setHistory} />
          {history ? <ChangeLogPanel key={history.id} units={units} subject={history} onClose={() => setHistory(null)} /> : null}
          <section className="panel" aria-labelledby="directory-units-title">
            <div className="panel-head">
              <h2 id="directory-units-title">{t('directory.unit.title')}</h2>
              {selectedUnit ? (
                <button type="button" className="button-small" onClick={() => setHistory({ id: selectedUnit.id, label: selectedUnit.name })}>
                  {t('directory.history.openUnit', { name: selectedUnit.name })}
                </button>
              ) : null}
            </div>
            <div className="unit-forms">
              {/* Mounted once the unit is in the list, so a just-created unit's form starts from its saved values. */}
              {selected ? (
                units.byId.has(selected) ? (
                  <EditUnitForm key={selected} units={units} unitId={selected} onSaved={refresh} />
                ) : null
              ) : (
                <p className="muted">{t('directory.unit.pick')}</p>
              )}
              <CreateUnitForm
                units={units}
                parentId={selected}
                onCreated={(id) => {
                  refresh();
                  setSelected(id);
                }}
              />
            </div>
          </section>
        </div>
      </div>
      <RosterImport onImported={refresh} />
      <RosterExport units={units} unitId={selected} />
    </div>
  );
}
