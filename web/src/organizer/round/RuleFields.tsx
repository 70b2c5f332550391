import { useId, type ReactNode } from 'react';
import type { Aggregate, LeaderboardVisibility, Normalization, QuorumMode, TrimScope } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { NumberField } from './fields';

/** Every scoring rule of a round, as the create and edit forms hold it. */
export interface RuleDraft {
  trimHighest: number;
  trimLowest: number;
  trimScope: TrimScope;
  aggregate: Aggregate;
  normalization: Normalization;
  quorumMode: QuorumMode;
  quorum: number;
  tieBreakers: string[];
  leaderboardVisibility: LeaderboardVisibility;
}

/** What a new round proposes: every expected sheet before ranking (应评尽评), nothing trimmed. */
export const DEFAULT_RULE: RuleDraft = {
  trimHighest: 0,
  trimLowest: 0,
  trimScope: 'SHEET',
  aggregate: 'MEAN',
  normalization: 'NONE',
  quorumMode: 'ALL_EXPECTED',
  quorum: 1,
  tieBreakers: [],
  leaderboardVisibility: 'AFTER_CLOSE',
};

export const VISIBILITIES: LeaderboardVisibility[] = ['LIVE', 'AFTER_CLOSE', 'AFTER_PUBLISH'];
const SCOPES: TrimScope[] = ['SHEET', 'CRITERION'];
const AGGREGATES: Aggregate[] = ['MEAN', 'MEDIAN'];
const NORMALIZATIONS: Normalization[] = ['NONE', 'ZSCORE'];
const QUORUM_MODES: QuorumMode[] = ['ALL_EXPECTED', 'FIXED'];

export function ruleOf(round: RuleDraft): RuleDraft {
  const { trimHighest, trimLowest, trimScope, aggregate, normalization, quorumMode, quorum, tieBreakers, leaderboardVisibility } = round;
  return { trimHighest, trimLowest, trimScope, aggregate, normalization, quorumMode, quorum, tieBreakers: [...tieBreakers], leaderboardVisibility };
}

/**
 * The scoring rule, one fieldset per decision, each with a sentence saying what it does
 * and a worked example computed from the values chosen, so that an organizer can check
 * the rule against the contest's regulations without knowing the API.
 */
export function RuleFields({
  value,
  onChange,
  criteria,
  panelSize,
}: {
  value: RuleDraft;
  onChange: (next: RuleDraft) => void;
  criteria: { key: string; label: string }[];
  /** Judges on the panel, for the examples; 7 when not known yet. */
  panelSize?: number;
}) {
  const { t } = useI18n();
  const set = <K extends keyof RuleDraft>(key: K, v: RuleDraft[K]) => {
    const next = { ...value, [key]: v };
    // Z-scores work on sheet totals, so they need whole sheets trimmed (the API refuses otherwise).
    if (key === 'normalization' && v === 'ZSCORE') next.trimScope = 'SHEET';
    onChange(next);
  };
  const judges = Math.max(panelSize && panelSize > 0 ? panelSize : 7, value.trimHighest + value.trimLowest + 1);
  const kept = judges - value.trimHighest - value.trimLowest;
  const aggregateWord = t(`round.rule.aggregate.${value.aggregate}`);
  return (
    <div className="rule-fields">
      <RuleSet legend={t('round.rule.trim')} help={t('round.rule.trimHelp')}>
        <div className="rule-numbers">
          <NumberField label={t('org.trimHighest')} value={value.trimHighest} min={0} max={20} onChange={(n) => set('trimHighest', n)} />
          <NumberField label={t('org.trimLowest')} value={value.trimLowest} min={0} max={20} onChange={(n) => set('trimLowest', n)} />
        </div>
        <p className="rule-example">
          {value.trimHighest + value.trimLowest === 0
            ? t('round.rule.trimNone', { n: judges, aggregate: aggregateWord })
            : t('round.rule.trimExample', { n: judges, high: value.trimHighest, low: value.trimLowest, kept, aggregate: aggregateWord })}
        </p>
        {value.trimHighest + value.trimLowest > 0 ? <p className="muted small">{t('round.rule.trimTooFew')}</p> : null}
      </RuleSet>

      <RuleSet legend={t('round.rule.scope')} help={t('round.rule.scopeHelp')}>
        <Choices
          name="trimScope"
          options={SCOPES}
          value={value.trimScope}
          label={(o) => t(`round.rule.scope.${o}`)}
          disabled={(o) => o === 'CRITERION' && value.normalization === 'ZSCORE'}
          onChange={(o) => set('trimScope', o)}
        />
        <p className="rule-example">{t('round.rule.scopeExample')}</p>
      </RuleSet>

      <RuleSet legend={t('round.rule.aggregate')} help={t('round.rule.aggregateHelp')}>
        <Choices
          name="aggregate"
          options={AGGREGATES}
          value={value.aggregate}
          label={(o) => t(`round.rule.aggregateOption.${o}`)}
          onChange={(o) => set('aggregate', o)}
        />
        <p className="rule-example">{t('round.rule.aggregateExample')}</p>
      </RuleSet>

      <RuleSet legend={t('round.rule.normalization')} help={t('round.rule.normalizationHelp')}>
        <Choices
          name="normalization"
          options={NORMALIZATIONS}
          value={value.normalization}
          label={(o) => t(`round.rule.normalization.${o}`)}
          onChange={(o) => set('normalization', o)}
        />
        <p className="rule-example">{t('round.rule.normalizationExample')}</p>
        {value.normalization === 'ZSCORE' ? <p className="muted small">{t('round.rule.normalizationNeedsSheet')}</p> : null}
      </RuleSet>

      <RuleSet legend={t('round.rule.quorum')} help={t('round.rule.quorumHelp')}>
        <Choices
          name="quorumMode"
          options={QUORUM_MODES}
          value={value.quorumMode}
          label={(o) => t(`round.rule.quorumMode.${o}`)}
          onChange={(o) => set('quorumMode', o)}
        />
        {value.quorumMode === 'FIXED' ? (
          <div className="rule-numbers">
            <NumberField label={t('org.quorum')} value={value.quorum} min={1} max={99} onChange={(n) => set('quorum', n)} />
          </div>
        ) : null}
        <p className="rule-example">
          {value.quorumMode === 'ALL_EXPECTED'
            ? t('round.rule.quorumAllExample', { n: judges, rest: judges - 1 })
            : t('round.rule.quorumFixedExample', { n: judges, quorum: value.quorum })}
        </p>
      </RuleSet>

      <RuleSet legend={t('round.rule.tieBreakers')} help={t('round.rule.tieHelp')}>
        <TieBreakers value={value.tieBreakers} criteria={criteria} onChange={(list) => set('tieBreakers', list)} />
        <p className="rule-example">{t('round.rule.tieExample')}</p>
      </RuleSet>

      <RuleSet legend={t('org.visibility')} help={t('round.rule.visibilityHelp')}>
        <Choices
          name="visibility"
          options={VISIBILITIES}
          value={value.leaderboardVisibility}
          label={(o) => t(`round.rule.visibility.${o}`)}
          onChange={(o) => set('leaderboardVisibility', o)}
        />
      </RuleSet>
    </div>
  );
}

function RuleSet({ legend, help, children }: { legend: string; help: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className="rule" aria-describedby={`${id}-help`}>
      <legend>{legend}</legend>
      <p id={`${id}-help`} className="rule-help">
        {help}
      </p>
      {children}
    </fieldset>
  );
}

function Choices<T extends string>({
  name,
  options,
  value,
  label,
  onChange,
  disabled,
}: {
  name: string;
  options: T[];
  value: T;
  label: (option: T) => string;
  onChange: (option: T) => void;
  disabled?: (option: T) => boolean;
}) {
  const id = useId();
  return (
    <div className="choices">
      {options.map((option) => (
        <label key={option} className="choice" htmlFor={`${id}-${option}`}>
          <input
            id={`${id}-${option}`}
            type="radio"
            name={`${id}-${name}`}
            value={option}
            checked={value === option}
            disabled={disabled?.(option) ?? false}
            onChange={() => onChange(option)}
          />
          <span>{label(option)}</span>
        </label>
      ))}
    </div>
  );
}

/** The ordered criteria that break ties: add from the rubric, move up or down, remove. */
function TieBreakers({ value, criteria, onChange }: { value: string[]; criteria: { key: string; label: string }[]; onChange: (list: string[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  const labelOf = (key: string) => criteria.find((c) => c.key === key)?.label ?? key;
  const remaining = criteria.filter((c) => !value.includes(c.key));
  const move = (index: number, by: -1 | 1) => {
    const list = [...value];
    const [item] = list.splice(index, 1);
    list.splice(index + by, 0, item!);
    onChange(list);
  };
  if (criteria.length === 0) return <p className="muted small">{t('round.rule.tieNoRubric')}</p>;
  return (
    <div>
      {value.length === 0 ? (
        <p className="muted small">{t('round.rule.tieNone')}</p>
      ) : (
        <ol className="tie-list">
          {value.map((key, i) => (
            <li key={key}>
              <span className="tie-label">{t('round.rule.tieItem', { n: i + 1, label: labelOf(key) })}</span>
              <button
                type="button"
                className="button-small"
                disabled={i === 0}
                aria-label={t('round.rule.tieUp', { label: labelOf(key) })}
                onClick={() => move(i, -1)}
              >
                {t('round.up')}
              </button>
              <button
                type="button"
                className="button-small"
                disabled={i === value.length - 1}
                aria-label={t('round.rule.tieDown', { label: labelOf(key) })}
                onClick={() => move(i, 1)}
              >
                {t('round.down')}
              </button>
              <button
                type="button"
                className="button-small"
                aria-label={t('round.rule.tieRemove', { label: labelOf(key) })}
                onClick={() => onChange(value.filter((k) => k !== key))}
              >
                {t('round.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {remaining.length > 0 ? (
        <div className="field field-inline">
          <label htmlFor={id}>{t('round.rule.tieAdd')}</label>
          <select
            id={id}
            value=""
            onChange={(e) => {
              if (e.target.value) onChange([...value, e.target.value]);
            }}
          >
            <option value="">{t('round.rule.tiePick')}</option>
            {remaining.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
