import { useId, type ReactNode } from 'react';
import type {
  Aggregate,
  ClassSource,
  CreateRoundInput,
  LeaderboardVisibility,
  MissingClassRule,
  Normalization,
  QuorumMode,
  Rounding,
  TrimScope,
} from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { NumberField } from './fields';
import '../../hall/console/hall.css';

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

export const VISIBILITIES: LeaderboardVisibility[] = ['LIVE', 'ON_REVEAL', 'AFTER_CLOSE', 'AFTER_PUBLISH'];
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

function RuleSet({ legend, help, children, wide = false }: { legend: string; help: string; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <fieldset className={wide ? 'rule rule-wide' : 'rule'} aria-describedby={`${id}-help`}>
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

/** One evaluator class as the form holds it: its weight in percent (60 for 0.6). */
export interface PanelClassDraft {
  key: string;
  label: string;
  percent: number;
  trimHighest: number;
  trimLowest: number;
  aggregate: Aggregate;
  /** Judges' sheets, or the audience's ballots (群众评委 voting by QR code). */
  source: ClassSource;
}

/** The judged panel's newer choices: where rounding happens, evaluator classes and what a missing class means. */
export interface PanelExtrasDraft {
  rounding: Rounding;
  classes: PanelClassDraft[];
  missingClass: MissingClassRule;
}

export const DEFAULT_EXTRAS: PanelExtrasDraft = { rounding: 'FINAL', classes: [], missingClass: 'UNRANKED' };
const ROUNDINGS: Rounding[] = ['FINAL', 'PER_CRITERION'];
const SOURCES: ClassSource[] = ['JUDGES', 'AUDIENCE'];
const MISSING_CLASS: MissingClassRule[] = ['UNRANKED', 'RENORMALIZE'];

/** Percent in hundredths, so 33.33 + 33.33 + 33.34 sums to exactly 100. */
const hundredths = (percent: number) => Math.round(percent * 100);
export const classWeightsSum = (classes: readonly PanelClassDraft[]) => classes.reduce((sum, c) => sum + hundredths(c.percent), 0) / 100;
/**
 * What the API would refuse about the audience class: a second one, or an audience class
 * without a class of judges beside it (the ballots' mean alone is no panel).
 */
export function audienceProblem(classes: readonly PanelClassDraft[]): 'twoAudience' | 'noJudges' | null {
  const audience = classes.filter((c) => c.source === 'AUDIENCE').length;
  if (audience > 1) return 'twoAudience';
  if (audience > 0 && audience === classes.length) return 'noJudges';
  return null;
}
export const extrasValid = (extras: PanelExtrasDraft) =>
  extras.classes.length === 0 ||
  (classWeightsSum(extras.classes) === 100 && extras.classes.every((c) => c.label.trim() && c.percent > 0) && !audienceProblem(extras.classes));

/** The fields of CreateRoundInput for the extras; defaults are left to the API. */
export function extrasInput(extras: PanelExtrasDraft): Pick<CreateRoundInput, 'rounding' | 'panelClasses' | 'missingClass'> {
  return {
    ...(extras.rounding !== 'FINAL' ? { rounding: extras.rounding } : {}),
    ...(extras.classes.length
      ? {
          panelClasses: extras.classes.map((c) =>
            c.source === 'AUDIENCE'
              ? // The mean of all ballots: nothing to trim, no median.
                { key: c.key, label: c.label.trim(), weight: hundredths(c.percent) / 10000, source: c.source }
              : {
                  key: c.key,
                  label: c.label.trim(),
                  weight: hundredths(c.percent) / 10000,
                  trimHighest: c.trimHighest,
                  trimLowest: c.trimLowest,
                  aggregate: c.aggregate,
                },
          ),
          missingClass: extras.missingClass,
        }
      : {}),
  };
}

/**
 * Rounding (总分保留两位 or 每项先保留两位), evaluator classes with weights (领导评委 60 %,
 * 群众评委 40 %, each trimmed and averaged on its own) and what counts when a class has not
 * scored an entry — each with a worked example, as the other rule fields.
 */
export function PanelExtraFields({ value, onChange }: { value: PanelExtrasDraft; onChange: (next: PanelExtrasDraft) => void }) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof PanelExtrasDraft>(key: K, v: PanelExtrasDraft[K]) => onChange({ ...value, [key]: v });
  const setClass = (index: number, patch: Partial<PanelClassDraft>) =>
    set(
      'classes',
      value.classes.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    );
  const addClass = () => {
    const used = new Set(value.classes.map((c) => c.key));
    let n = value.classes.length + 1;
    while (used.has(`class${n}`)) n++;
    const first = value.classes.length === 0;
    const added: PanelClassDraft[] = first
      ? [
          { key: 'class1', label: t('round.rule.classes.leader'), percent: 60, trimHighest: 0, trimLowest: 0, aggregate: 'MEAN', source: 'JUDGES' },
          { key: 'class2', label: t('round.rule.classes.public'), percent: 40, trimHighest: 0, trimLowest: 0, aggregate: 'MEAN', source: 'JUDGES' },
        ]
      : [{ key: `class${n}`, label: '', percent: 0, trimHighest: 0, trimLowest: 0, aggregate: 'MEAN', source: 'JUDGES' }];
    set('classes', [...value.classes, ...added]);
  };
  // An audience class takes the plain mean of its ballots; only one class may be the audience.
  const setSource = (index: number, source: ClassSource) =>
    setClass(index, source === 'AUDIENCE' ? { source, trimHighest: 0, trimLowest: 0, aggregate: 'MEAN' } : { source });
  const audienceAt = value.classes.findIndex((c) => c.source === 'AUDIENCE');
  const problem = audienceProblem(value.classes);
  const sum = classWeightsSum(value.classes);
  const [a, b] = value.classes;
  return (
    <div className="rule-fields">
      <RuleSet legend={t('round.rule.rounding')} help={t('round.rule.roundingHelp')}>
        <Choices name="rounding" options={ROUNDINGS} value={value.rounding} label={(o) => t(`round.rule.rounding.${o}`)} onChange={(o) => set('rounding', o)} />
        <p className="rule-example">{t('round.rule.roundingExample')}</p>
      </RuleSet>

      <RuleSet legend={t('round.rule.classes')} help={t('round.rule.classesHelp')} wide={value.classes.length > 0}>
        {value.classes.length === 0 ? <p className="muted small">{t('round.rule.classes.none')}</p> : null}
        {value.classes.length > 0 ? (
          <ol className="class-list">
            {value.classes.map((c, i) => (
              <li key={c.key} className="class-row">
                <div className="field">
                  <label htmlFor={`${id}-${c.key}-label`}>{t('round.rule.classes.label', { n: i + 1 })}</label>
                  <input id={`${id}-${c.key}-label`} maxLength={50} value={c.label} onChange={(e) => setClass(i, { label: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${c.key}-weight`}>{t('round.rule.classes.weight')}</label>
                  <input
                    id={`${id}-${c.key}-weight`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step={0.01}
                    value={c.percent}
                    onChange={(e) => setClass(i, { percent: Math.max(0, Number(e.target.value) || 0) })}
                  />
                </div>
                <fieldset className="class-source" aria-label={t('round.rule.classes.sourceLabel', { n: i + 1 })}>
                  <legend>{t('round.rule.classes.source')}</legend>
                  {SOURCES.map((o) => (
                    <label key={o} className="choice" htmlFor={`${id}-${c.key}-source-${o}`}>
                      <input
                        id={`${id}-${c.key}-source-${o}`}
                        type="radio"
                        name={`${id}-${c.key}-source`}
                        value={o}
                        checked={c.source === o}
                        disabled={o === 'AUDIENCE' && audienceAt >= 0 && audienceAt !== i}
                        onChange={() => setSource(i, o)}
                      />
                      <span>{t(`round.rule.classes.source.${o}`)}</span>
                    </label>
                  ))}
                </fieldset>
                {c.source === 'AUDIENCE' ? (
                  <p className="class-audience-rule">{t('round.rule.classes.audienceRule')}</p>
                ) : (
                  <>
                    <NumberField
                      label={t('round.rule.classes.trimHighest')}
                      value={c.trimHighest}
                      min={0}
                      max={20}
                      onChange={(n) => setClass(i, { trimHighest: n })}
                    />
                    <NumberField
                      label={t('round.rule.classes.trimLowest')}
                      value={c.trimLowest}
                      min={0}
                      max={20}
                      onChange={(n) => setClass(i, { trimLowest: n })}
                    />
                    <div className="field">
                      <label htmlFor={`${id}-${c.key}-agg`}>{t('round.rule.aggregate')}</label>
                      <select id={`${id}-${c.key}-agg`} value={c.aggregate} onChange={(e) => setClass(i, { aggregate: e.target.value as Aggregate })}>
                        {AGGREGATES.map((o) => (
                          <option key={o} value={o}>
                            {t(`round.rule.aggregate.${o}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </>
                )}
                <button
                  type="button"
                  className="button-small"
                  aria-label={t('round.rule.classes.removeLabel', { label: c.label || String(i + 1) })}
                  onClick={() =>
                    set(
                      'classes',
                      value.classes.filter((_, j) => j !== i),
                    )
                  }
                >
                  {t('round.remove')}
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        <div className="row">
          <button type="button" className="button-small" onClick={addClass}>
            {value.classes.length === 0 ? t('round.rule.classes.addTwo') : t('round.rule.classes.add')}
          </button>
          {value.classes.length > 0 ? (
            <span className={sum === 100 ? 'muted small' : 'field-error'} role={sum === 100 ? undefined : 'alert'}>
              {t(sum === 100 ? 'round.rule.classes.sum' : 'round.rule.classes.sumWrong', { sum })}
            </span>
          ) : null}
        </div>
        {a && b ? (
          <p className="rule-example">
            {t('round.rule.classes.example', {
              a: a.label || '1',
              b: b.label || '2',
              pa: a.percent,
              pb: b.percent,
              total: ((90 * hundredths(a.percent) + 80 * hundredths(b.percent)) / 10000).toFixed(2),
            })}
          </p>
        ) : null}
        {problem === 'noJudges' ? (
          <p className="field-error" role="alert">
            {t('round.rule.classes.audienceNeedsJudges')}
          </p>
        ) : null}
        {audienceAt >= 0 ? (
          <p className="rule-example" data-testid="class-audience-help">
            {t('round.rule.classes.audienceHelp', { label: value.classes[audienceAt]!.label || String(audienceAt + 1) })}
          </p>
        ) : null}
        {value.classes.length > 0 ? <p className="muted small">{t('round.rule.classes.seats')}</p> : null}
      </RuleSet>

      {value.classes.length > 0 ? (
        <RuleSet legend={t('round.rule.missingClass')} help={t('round.rule.missingClassHelp')}>
          <Choices
            name="missingClass"
            options={MISSING_CLASS}
            value={value.missingClass}
            label={(o) => t(`round.rule.missingClass.${o}`)}
            onChange={(o) => set('missingClass', o)}
          />
        </RuleSet>
      ) : null}
    </div>
  );
}
