import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { ErrorNote, Note } from '../../components/ui';
import { UpdateRoundRuleDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { RuleFields, ruleOf, type RuleDraft } from './RuleFields';
import type { ConsolePanel, ConsoleRound } from './types';

/** Name and scoring rule of a DRAFT round judged by a panel (the API refuses changes once scoring has begun). */
export function RoundSettings({ round, panel, onChanged }: { round: ConsoleRound; panel: ConsolePanel; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(round.name);
  const [rule, setRule] = useState<RuleDraft>(() => ruleOf({ ...panel, leaderboardVisibility: round.leaderboardVisibility }));
  const [saved, setSaved] = useState(false);
  const { mutate, pending, error } = useMutation(UpdateRoundRuleDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await mutate({ id: round.id, input: { name: name.trim(), ...rule } })) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('round.settings')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.roundName')}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <RuleFields
          value={rule}
          onChange={(next) => {
            setRule(next);
            setSaved(false);
          }}
          criteria={panel.rubric.criteria}
          panelSize={round.judges.length}
        />
        {error ? <ErrorNote error={error} /> : null}
        {saved ? (
          <Note kind="ok" live>
            {t('org.saved')}
          </Note>
        ) : null}
        <button type="submit" className="button-primary" disabled={pending || !name.trim()}>
          {t('round.saveSettings')}
        </button>
      </form>
    </details>
  );
}
