import { useId } from 'react';
import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { DirectoryChangeLogDocument, type UnitKind } from '../../gql/graphql';
import { useI18n, type Translate } from '../../i18n';
import { joinPath, UNIT_KINDS, type UnitIndex } from './units';
import { kindLabel } from './wording';

/** The change history of a cadre or unit: who, when, and what changed, in words. */

type Record_ = Readonly<Record<string, unknown>>;

const FIELDS = ['name', 'kind', 'parentId', 'unitId', 'position', 'grade', 'birthYear'] as const;
type Field = (typeof FIELDS)[number];

function parse(json: string | null): Record_ | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record_) : null;
  } catch {
    return null;
  }
}

function shown(t: Translate, units: UnitIndex, field: Field, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('directory.history.blank');
  if ((field === 'unitId' || field === 'parentId') && typeof value === 'string') {
    return units.byId.has(value) ? joinPath(units.pathOf(value)) : value;
  }
  if (field === 'kind' && typeof value === 'string' && (UNIT_KINDS as readonly string[]).includes(value)) return kindLabel(t, value as UnitKind);
  return String(value);
}

/** "姓名：李伟 → 李玮；职务：（空）→ 村党组织书记". */
export function describeChange(t: Translate, units: UnitIndex, kind: string, before: Record_ | null, after: Record_ | null): string[] {
  if (!before) return [t('directory.history.created')];
  if (!after) return [t('directory.history.removed')];
  return FIELDS.filter((f) => (f in before || f in after) && JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null)).map((f) =>
    t('directory.history.change', {
      field: f === 'name' && kind === 'CADRE' ? t('directory.field.name') : t(`directory.history.field.${f}`),
      before: shown(t, units, f, before[f]),
      after: shown(t, units, f, after[f]),
    }),
  );
}

export function ChangeLogPanel({ units, subject, onClose }: { units: UnitIndex; subject: { id: string; label: string }; onClose: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { data, error, refetch } = useQuery(DirectoryChangeLogDocument, { subjectId: subject.id });
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const records = data ? [...data.changeLog].reverse() : [];
  return (
    <section className="panel change-log" aria-labelledby={`${id}-title`} data-testid="change-log">
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('directory.history.title', { name: subject.label })}</h2>
        <button type="button" className="button-small" onClick={onClose}>
          {t('directory.history.close')}
        </button>
      </div>
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && records.length === 0 ? <Note>{t('directory.history.none')}</Note> : null}
      {records.length ? (
        <ol className="change-list">
          {records.map((r, i) => {
            const changes = describeChange(t, units, r.subjectKind, parse(r.before), parse(r.after));
            return (
              <li key={`${r.at}-${i}`}>
                <p className="small muted">{t('directory.history.who', { actor: r.actorId, at: when.format(new Date(r.at)) })}</p>
                <ul>
                  {(changes.length ? changes : [t('directory.history.noVisibleChange')]).map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
