import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../api/hooks';
import { ErrorNote, Note } from '../components/ui';
import { CreateRubricDocument, UpdateRubricDocument, type RubricsQuery } from '../gql/graphql';
import { useI18n } from '../i18n';

export type RubricSummary = RubricsQuery['rubrics']['edges'][number]['node'];

interface CriterionDraft {
  key: string;
  label: string;
  description: string;
  maxScore: string;
  weight: string;
  step: string;
}

const blankCriterion = (n: number): CriterionDraft => ({ key: `c${n}`, label: '', description: '', maxScore: '20', weight: '1', step: '0.5' });

const fromRubric = (rubric: RubricSummary): CriterionDraft[] =>
  rubric.criteria.map((c) => ({
    key: c.key,
    label: c.label,
    description: c.description ?? '',
    maxScore: String(c.maxScore),
    weight: String(c.weight),
    step: String(c.step),
  }));

/**
 * Rubrics: the list at their latest versions, a form to create one, and editing,
 * which saves a new version (rounds keep the version they pinned).
 */
export function RubricEditor({ rubrics, onSaved }: { rubrics: RubricSummary[]; onSaved: () => void }) {
  const { t, score } = useI18n();
  const [editing, setEditing] = useState<RubricSummary | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const startEditing = (rubric: RubricSummary | null) => {
    setEditing(rubric);
    setFormKey((k) => k + 1);
  };
  const saved = (name: string, version: number) => {
    setDone(t('rubric.saved', { name, version }));
    onSaved();
    startEditing(null);
  };
  return (
    <section className="panel" aria-labelledby="rubrics-title">
      <h2 id="rubrics-title">{t('rubric.title')}</h2>
      {rubrics.length === 0 ? <Note>{t('rubric.none')}</Note> : null}
      <ul className="rubric-list">
        {rubrics.map((rubric) => (
          <li key={rubric.id}>
            <span>
              <strong>{rubric.name}</strong> <span className="muted small">{t('rubric.version', { version: rubric.version, max: score(rubric.maxTotal) })}</span>
              <br />
              <span className="muted small">{rubric.criteria.map((c) => `${c.label} ${score(c.maxScore)}`).join(' · ')}</span>
            </span>
            <button type="button" className="button-small" onClick={() => startEditing(rubric)}>
              {t('rubric.edit')}
            </button>
          </li>
        ))}
      </ul>
      <details className="create" open={editing !== null || undefined}>
        <summary onClick={() => startEditing(null)}>{t('rubric.new')}</summary>
        {done ? <Note kind="ok" live>{done}</Note> : null}
        <RubricForm key={formKey} rubric={editing} onSaved={saved} />
      </details>
    </section>
  );
}

function RubricForm({ rubric, onSaved }: { rubric: RubricSummary | null; onSaved: (name: string, version: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(rubric?.name ?? '');
  const [criteria, setCriteria] = useState<CriterionDraft[]>(rubric ? fromRubric(rubric) : [blankCriterion(1)]);
  const create = useMutation(CreateRubricDocument);
  const update = useMutation(UpdateRubricDocument);
  const error = create.error ?? update.error;

  const change = (index: number, field: keyof CriterionDraft, value: string) =>
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, [field]: value } : c)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: name.trim(),
      criteria: criteria.map((c) => ({
        key: c.key.trim(),
        label: c.label.trim(),
        description: c.description.trim() || null,
        maxScore: Number(c.maxScore),
        weight: Number(c.weight),
        step: Number(c.step),
      })),
    };
    const saved = rubric ? (await update.mutate({ id: rubric.id, input }))?.updateRubric : (await create.mutate({ input }))?.createRubric;
    if (saved) onSaved(saved.name, saved.version);
  };

  return (
    <form onSubmit={submit}>
      {rubric ? <Note>{t('rubric.newVersionHint', { name: rubric.name, version: rubric.version + 1 })}</Note> : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('rubric.name')}</label>
        <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="table-wrap">
        <table className="table criteria-table">
          <caption className="visually-hidden">{t('rubric.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rubric.key')}</th>
              <th scope="col">{t('rubric.label')}</th>
              <th scope="col">{t('rubric.description')}</th>
              <th scope="col">{t('rubric.maxScore')}</th>
              <th scope="col">{t('rubric.weight')}</th>
              <th scope="col">{t('rubric.step')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rubric.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c, i) => (
              <tr key={i}>
                {(['key', 'label', 'description', 'maxScore', 'weight', 'step'] as const).map((field) => (
                  <td key={field}>
                    <input
                      aria-label={`${t(`rubric.${field}`)} ${i + 1}`}
                      value={c[field]}
                      required={field !== 'description'}
                      inputMode={field === 'maxScore' || field === 'weight' || field === 'step' ? 'decimal' : undefined}
                      onChange={(e) => change(i, field, e.target.value)}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="button-small" disabled={criteria.length === 1} onClick={() => setCriteria((list) => list.filter((_, j) => j !== i))}>
                    {t('rubric.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button-ghost" onClick={() => setCriteria((list) => [...list, blankCriterion(list.length + 1)])}>
        {t('rubric.addCriterion')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
      <button type="submit" className="button-primary" disabled={create.pending || update.pending || !name.trim()}>
        {rubric ? t('rubric.saveVersion') : t('org.create')}
      </button>
    </form>
  );
}
