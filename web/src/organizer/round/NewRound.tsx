import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { panelOf } from '../../api/method';
import { ErrorNote } from '../../components/ui';
import { CreateRoundWithRuleDocument, type RubricsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { DEFAULT_RULE, RuleFields, type RuleDraft } from './RuleFields';
import type { CompetitionSummary } from './types';

type RubricOption = RubricsQuery['rubrics']['edges'][number]['node'];

/**
 * A new round of a competition with its whole scoring rule, proposing 应评尽评 (every
 * expected sheet before ranking) and the previous round's rubric.
 */
export function NewRound({
  competition,
  rubrics,
  onCreated,
}: {
  competition: CompetitionSummary;
  rubrics: RubricOption[];
  onCreated: (roundId: string) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const last = competition.rounds.at(-1);
  const [name, setName] = useState('');
  const [rubricId, setRubricId] = useState((last && panelOf(last)?.rubric.id) ?? rubrics[0]?.id ?? '');
  const [rule, setRule] = useState<RuleDraft>(DEFAULT_RULE);
  const { mutate, pending, error } = useMutation(CreateRoundWithRuleDocument);
  const rubric = rubrics.find((r) => r.id === rubricId);
  const criteria = rubric?.criteria ?? [];
  const chooseRubric = (next: string) => {
    setRubricId(next);
    // Tie-breakers name criteria of the rubric; another rubric's keys would be refused.
    const keys = new Set(rubrics.find((r) => r.id === next)?.criteria.map((c) => c.key) ?? []);
    setRule((r) => ({ ...r, tieBreakers: r.tieBreakers.filter((k) => keys.has(k)) }));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mutate({
      input: { competitionId: competition.id, name: name.trim(), rubricId, rubricVersion: rubric?.version ?? null, ...rule },
    });
    if (created) {
      setName('');
      onCreated(created.createRound.id);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <p className="muted small">{competition.name}</p>
      <h2 id={`${id}-title`}>{t('round.new.title')}</h2>
      <p className="muted small">{t('round.new.intro')}</p>
      <form onSubmit={submit} className="new-round">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.roundName')}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-rubric`}>{t('rubric.pick')}</label>
          <select id={`${id}-rubric`} required value={rubricId} aria-describedby={`${id}-rubric-hint`} onChange={(e) => chooseRubric(e.target.value)}>
            <option value="">—</option>
            {rubrics.map((r) => (
              <option key={r.id} value={r.id}>
                {t('rubric.option', { name: r.name, version: r.version })}
              </option>
            ))}
          </select>
          <span id={`${id}-rubric-hint`} className="muted small">
            {t('org.rubricHint')}
          </span>
        </div>
        <RuleFields value={rule} onChange={setRule} criteria={criteria} />
        {error ? <ErrorNote error={error} /> : null}
        <div className="row">
          <button type="submit" className="button-primary" disabled={pending || !name.trim() || !rubricId}>
            {t('org.create')}
          </button>
          <Link to="/organizer" className="button">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
