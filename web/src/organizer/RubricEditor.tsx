import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../api/hooks';
import { ErrorNote, Note } from '../components/ui';
import { CreateRubricDocument, UpdateRubricDocument, type RubricsQuery } from '../gql/graphql';
import { useI18n, type Translate } from '../i18n';

export type RubricSummary = RubricsQuery['rubrics']['edges'][number]['node'];

interface CriterionDraft {
  /** Empty until saved: a key is generated then (c1, c2, …); rounds' tie-breakers refer to it. */
  key: string;
  label: string;
  description: string;
  maxScore: string;
  weight: string;
  step: string;
}

const blankCriterion = (): CriterionDraft => ({ key: '', label: '', description: '', maxScore: '20', weight: '1', step: '0.5' });

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
 * Keys for the criteria saved without one: the first free c1, c2, … Existing keys never
 * change, and a revision never reuses a key its earlier version gave another criterion
 * (`reserved`), so exports and tie-breakers across versions do not mix two criteria.
 */
export function withKeys(criteria: CriterionDraft[], reserved: readonly string[] = []): CriterionDraft[] {
  const used = new Set([...reserved, ...criteria.map((c) => c.key.trim()).filter(Boolean)]);
  let n = 0;
  return criteria.map((c) => {
    if (c.key.trim()) return { ...c, key: c.key.trim() };
    do n++;
    while (used.has(`c${n}`));
    used.add(`c${n}`);
    return { ...c, key: `c${n}` };
  });
}

/** Two decimals without binary noise (0.1 × 3 shows 0.3). */
const round2 = (x: number) => Math.round(x * 100) / 100;
const positive = (text: string) => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
};

/** What is wrong with the criteria, one sentence per field, numbered as the table shows them (1-based). */
function problems(t: Translate, criteria: CriterionDraft[]): string[] {
  const found: string[] = [];
  const keys = new Map<string, number>();
  criteria.forEach((c, i) => {
    const n = i + 1;
    if (!c.label.trim()) found.push(t('rubric.problem.label', { n }));
    const max = positive(c.maxScore);
    const step = positive(c.step);
    if (max === null) found.push(t('rubric.problem.maxScore', { n }));
    if (positive(c.weight) === null) found.push(t('rubric.problem.weight', { n }));
    if (step === null) found.push(t('rubric.problem.step', { n }));
    else if (max !== null && Math.abs(max / step - Math.round(max / step)) > 1e-9)
      found.push(t('rubric.problem.stepDivides', { n, step: c.step, max: c.maxScore }));
    const key = c.key.trim();
    if (key) {
      if (keys.has(key)) found.push(t('rubric.problem.duplicateKey', { n, other: keys.get(key)!, key }));
      else keys.set(key, n);
    }
  });
  return found;
}

/**
 * Rubrics: the list at their latest versions, a form to create one, and editing,
 * which saves a new version (rounds keep the version they pinned).
 */
export function RubricEditor({ rubrics, onSaved }: { rubrics: RubricSummary[]; onSaved: () => void }) {
  const { t, score } = useI18n();
  const [editing, setEditing] = useState<RubricSummary | null>(null);
  const [open, setOpen] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const startEditing = (rubric: RubricSummary | null) => {
    setEditing(rubric);
    setOpen(true);
    setDone(null);
    setFormKey((k) => k + 1);
  };
  const saved = (name: string, version: number) => {
    setDone(t('rubric.saved', { name, version }));
    onSaved();
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  return (
    <section className="panel" aria-labelledby="rubrics-title">
      <h2 id="rubrics-title">{t('rubric.title')}</h2>
      {rubrics.length === 0 ? <Note>{t('rubric.none')}</Note> : null}
      <ul className="rubric-list">
        {rubrics.map((rubric) => (
          <li key={rubric.id}>
            <span>
              <strong>{rubric.name}</strong>{' '}
              <span className="muted small">{t('rubric.version', { version: rubric.version, max: score(rubric.maxTotal) })}</span>
              <br />
              <span className="muted small">
                {rubric.criteria.map((c) => `${c.label} ${score(c.maxScore)}${c.weight !== 1 ? ` ×${c.weight}` : ''}`).join(' · ')}
              </span>
            </span>
            <button type="button" className="button-small" onClick={() => startEditing(rubric)}>
              {t('rubric.edit')}
            </button>
          </li>
        ))}
      </ul>
      <details className="create" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary
          onClick={(e) => {
            // Opening from the summary always starts a new rubric; the list's button opens a revision.
            e.preventDefault();
            if (open && !editing) setOpen(false);
            else startEditing(null);
          }}
        >
          {t('rubric.new')}
        </summary>
        {done ? (
          <Note kind="ok" live>
            {done}
          </Note>
        ) : null}
        {open ? (
          <RubricForm
            key={formKey}
            rubric={editing}
            onSaved={saved}
            onCancel={() => {
              setEditing(null);
              setOpen(false);
            }}
          />
        ) : null}
      </details>
    </section>
  );
}

function RubricForm({ rubric, onSaved, onCancel }: { rubric: RubricSummary | null; onSaved: (name: string, version: number) => void; onCancel: () => void }) {
  const { t, score } = useI18n();
  const id = useId();
  const [name, setName] = useState(rubric?.name ?? '');
  const [criteria, setCriteria] = useState<CriterionDraft[]>(rubric ? fromRubric(rubric) : [blankCriterion()]);
  const [advanced, setAdvanced] = useState(false);
  const [shown, setShown] = useState<string[]>([]);
  const create = useMutation(CreateRubricDocument);
  const update = useMutation(UpdateRubricDocument);
  const error = create.error ?? update.error;

  const change = (index: number, field: keyof CriterionDraft, value: string) => {
    setShown([]);
    setCriteria((list) => list.map((c, i) => (i === index ? { ...c, [field]: value } : c)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = problems(t, criteria);
    setShown(found);
    if (found.length > 0) return;
    const input = {
      name: name.trim(),
      criteria: withKeys(
        criteria,
        rubric?.criteria.map((c) => c.key),
      ).map((c) => ({
        key: c.key,
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

  const terms = criteria.map((c) => ({ max: positive(c.maxScore), weight: positive(c.weight) }));
  const complete = terms.every((x) => x.max !== null && x.weight !== null);
  const maxTotal = round2(terms.reduce((sum, x) => sum + (x.max ?? 0) * (x.weight ?? 0), 0));
  const formula = terms.map((x) => (x.weight === 1 ? `${x.max}` : `${x.max}×${x.weight}`)).join(' + ');
  const fields = advanced
    ? (['key', 'label', 'description', 'maxScore', 'weight', 'step'] as const)
    : (['label', 'description', 'maxScore', 'weight', 'step'] as const);

  return (
    <form onSubmit={submit} className="rubric-form" noValidate>
      {rubric ? <Note>{t('rubric.newVersionHint', { name: rubric.name, version: rubric.version + 1 })}</Note> : null}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('rubric.name')}</label>
        <input id={`${id}-name`} required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="rubric-explain" id={`${id}-explain`}>
        <p>{t('rubric.explainMax')}</p>
        <p>{t('rubric.explainWeight')}</p>
        <p>{t('rubric.explainStep')}</p>
      </div>
      <div className="table-wrap">
        <table className="table criteria-table" aria-describedby={`${id}-explain`}>
          <caption className="visually-hidden">{t('rubric.criteria')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('rubric.number')}
              </th>
              {fields.map((field) => (
                <th scope="col" key={field} className={`col-${field}`}>
                  {t(`rubric.${field}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('rubric.itemMax')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('rubric.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c, i) => {
              const term = terms[i]!;
              return (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  {fields.map((field) => (
                    <td key={field} className={`col-${field}`}>
                      <input
                        aria-label={`${t(`rubric.${field}`)} ${i + 1}`}
                        value={c[field]}
                        placeholder={field === 'key' ? t('rubric.keyAuto') : undefined}
                        inputMode={field === 'maxScore' || field === 'weight' || field === 'step' ? 'decimal' : undefined}
                        onChange={(e) => change(i, field, e.target.value)}
                      />
                    </td>
                  ))}
                  <td className="num" data-testid={`item-max-${i + 1}`}>
                    {term.max !== null && term.weight !== null ? score(round2(term.max * term.weight)) : '—'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={criteria.length === 1}
                      aria-label={t('rubric.removeLabel', { n: i + 1, label: c.label || t('rubric.unnamed') })}
                      onClick={() => setCriteria((list) => list.filter((_, j) => j !== i))}
                    >
                      {t('rubric.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="rubric-total" data-testid="rubric-total" aria-live="polite">
        {complete ? t('rubric.total', { total: score(maxTotal), formula }) : t('rubric.totalIncomplete')}
      </p>
      <div className="row">
        <button type="button" className="button" onClick={() => setCriteria((list) => [...list, blankCriterion()])}>
          {t('rubric.addCriterion')}
        </button>
        <div className="field field-check field-inline-check">
          <input id={`${id}-advanced`} type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
          <label htmlFor={`${id}-advanced`}>{t('rubric.advanced')}</label>
        </div>
      </div>
      {advanced ? <p className="muted small">{t('rubric.keyHint')}</p> : null}
      {shown.length > 0 ? (
        <div className="note note-error" role="alert" data-testid="rubric-problems">
          <ul>
            {shown.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <div className="row form-actions">
        <button type="submit" className="button-primary" disabled={create.pending || update.pending || !name.trim()}>
          {rubric ? t('rubric.saveVersion') : t('org.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
