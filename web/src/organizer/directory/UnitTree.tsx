import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import type { UnitIndex, UnitRecord } from './units';
import { kindLabel } from './wording';

/**
 * The units as a tree (区 → 镇街/部门 → 村社): a button per unit selects it, a toggle
 * opens its sub-units. The path to the selected unit stays open.
 */
export function UnitTree({ units, selected, onSelect }: { units: UnitIndex; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set((units.children.get('') ?? []).map((u) => u.id)));

  useEffect(() => {
    if (!selected) return;
    setOpen((current) => {
      const next = new Set(current);
      for (let u = units.byId.get(selected); u?.parentId; u = units.byId.get(u.parentId)) next.add(u.parentId);
      return next.size === current.size ? current : next;
    });
  }, [selected, units]);

  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderLevel = (list: readonly UnitRecord[], depth: number) => (
    <ul className={depth === 0 ? 'unit-tree' : 'unit-tree-children'}>
      {list.map((unit) => {
        const children = units.children.get(unit.id) ?? [];
        const expanded = open.has(unit.id);
        return (
          <li key={unit.id}>
            <div className={unit.id === selected ? 'unit-node unit-node-selected' : 'unit-node'}>
              {children.length ? (
                <button
                  type="button"
                  className="unit-toggle"
                  aria-expanded={expanded}
                  aria-label={t(expanded ? 'directory.tree.collapse' : 'directory.tree.expand', { name: unit.name })}
                  onClick={() => toggle(unit.id)}
                >
                  <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                </button>
              ) : (
                <span className="unit-toggle-space" aria-hidden="true" />
              )}
              <button
                type="button"
                className="unit-select"
                aria-current={unit.id === selected ? 'true' : undefined}
                onClick={() => onSelect(unit.id)}
                data-unit={unit.id}
              >
                <span className="unit-name">{unit.name}</span>
                <span className="tag">{kindLabel(t, unit.kind)}</span>
                {children.length ? <span className="muted small">{t('directory.tree.count', { n: children.length })}</span> : null}
              </button>
            </div>
            {children.length && expanded ? renderLevel(children, depth + 1) : null}
          </li>
        );
      })}
    </ul>
  );

  const top = units.children.get('') ?? [];
  return top.length ? renderLevel(top, 0) : <p className="muted">{t('directory.tree.empty')}</p>;
}
