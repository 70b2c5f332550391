import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote, Note } from '../../components/ui';
import { DirectoryCreateUnitDocument, DirectoryUpdateUnitDocument, type UnitKind } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { unitOptions } from './useDirectory';
import { guessKind, joinPath, UNIT_KINDS, type UnitIndex } from './units';
import { kindLabel } from './wording';

const TOP = '';

function KindSelect({ id, value, onChange }: { id: string; value: UnitKind; onChange: (kind: UnitKind) => void }) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as UnitKind)}>
      {UNIT_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {kindLabel(t, kind)}
        </option>
      ))}
    </select>
  );
}

function ParentSelect({
  id,
  units,
  value,
  onChange,
  exclude,
}: {
  id: string;
  units: UnitIndex;
  value: string;
  onChange: (id: string) => void;
  exclude?: string;
}) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={TOP}>{t('directory.unit.top')}</option>
      {unitOptions(units, exclude).map((o) => (
        <option key={o.id} value={o.id}>
          {o.path}
        </option>
      ))}
    </select>
  );
}

/** A new unit, under the selected unit unless another parent is chosen. */
export function CreateUnitForm({ units, parentId, onCreated }: { units: UnitIndex; parentId: string | null; onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('OTHER');
  const [kindTouched, setKindTouched] = useState(false);
  const [parent, setParent] = useState(parentId ?? TOP);
  const { mutate, pending, error } = useMutation(DirectoryCreateUnitDocument);
  useEffect(() => setParent(parentId ?? TOP), [parentId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mutate({ input: { name: name.trim(), kind, ...(parent ? { parentId: parent } : {}) } });
    if (!created) return;
    setName('');
    setKindTouched(false);
    onCreated(created.createUnit.id);
  };
  return (
    <form onSubmit={submit} className="unit-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('directory.unit.createTitle')}</h3>
      <div className="field">
        <label htmlFor={`${id}-parent`}>{t('directory.unit.parent')}</label>
        <ParentSelect id={`${id}-parent`} units={units} value={parent} onChange={setParent} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('directory.unit.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value);
            // The kind follows the name (…村 is a village) until the organizer picks one.
            if (!kindTouched) setKind(guessKind(e.target.value.trim()));
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('directory.unit.kind')}</label>
        <KindSelect
          id={`${id}-kind`}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setKindTouched(true);
          }}
        />
      </div>
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" className="button-primary" disabled={pending || name.trim() === ''}>
        {t('directory.unit.create')}
      </button>
    </form>
  );
}

/** Renames the selected unit, changes its kind or moves it under another unit. */
export function EditUnitForm({ units, unitId, onSaved }: { units: UnitIndex; unitId: string; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const unit = units.byId.get(unitId);
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'OTHER');
  const [parent, setParent] = useState(unit?.parentId ?? TOP);
  const [saved, setSaved] = useState(false);
  const { mutate, pending, error } = useMutation(DirectoryUpdateUnitDocument);
  if (!unit) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = {
      ...(name.trim() !== unit.name ? { name: name.trim() } : {}),
      ...(kind !== unit.kind ? { kind } : {}),
      ...(parent !== (unit.parentId ?? TOP) ? { parentId: parent || null } : {}),
    };
    if (Object.keys(input).length === 0) return;
    if (await mutate({ id: unitId, input })) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form onSubmit={submit} className="unit-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('directory.unit.editTitle', { path: joinPath(units.pathOf(unitId)) })}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('directory.unit.name')}</label>
        <input id={`${id}-name`} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('directory.unit.kind')}</label>
        <KindSelect id={`${id}-kind`} value={kind} onChange={setKind} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-parent`}>{t('directory.unit.moveUnder')}</label>
        <ParentSelect id={`${id}-parent`} units={units} value={parent} onChange={setParent} exclude={unitId} />
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {saved ? (
        <Note kind="ok" live>
          {t('directory.unit.saved')}
        </Note>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending || name.trim() === ''}>
        {t('directory.unit.save')}
      </button>
    </form>
  );
}
