import { useId, type ReactNode } from 'react';
import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { IndicatorSetListDocument, type LeaderboardVisibility, type RoundMethodInput } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { numberText, parseNumber } from '../model';
import { lastEndedQuarter, periodLabel, periodsOf, type PeriodOption } from './period';

export { periodLabel } from './period';
import '../indicators.css';

/** What a new indicator round's form holds. */
export interface IndicatorRoundDraft {
  setId: string;
  period: string;
  bonusCap: string;
  penaltyCap: string;
  red: string;
  black: string;
  mostImproved: string;
  visibility: LeaderboardVisibility;
}

export const newIndicatorRound = (now = new Date()): IndicatorRoundDraft => ({
  setId: '',
  period: lastEndedQuarter(now),
  bonusCap: '',
  penaltyCap: '',
  red: '10',
  black: '5',
  mostImproved: '5',
  visibility: 'AFTER_PUBLISH',
});

const optional = (text: string) => {
  const n = parseNumber(text);
  return typeof n === 'number' ? n : null;
};
const whole = (text: string, fallback: number) => {
  const n = parseNumber(text);
  return typeof n === 'number' ? Math.trunc(n) : fallback;
};

/** The round's method as createRound takes it, pinning the version the organizer saw. */
export function indicatorMethodInput(draft: IndicatorRoundDraft, set: { version: number } | undefined): RoundMethodInput {
  return {
    kind: 'INDICATORS',
    indicatorSetId: draft.setId,
    indicatorSetVersion: set?.version ?? null,
    period: draft.period,
    bonusCap: optional(draft.bonusCap),
    penaltyCap: optional(draft.penaltyCap),
    boards: { red: whole(draft.red, 10), black: whole(draft.black, 5), mostImproved: whole(draft.mostImproved, 5) },
  };
}

const VISIBILITIES: LeaderboardVisibility[] = ['AFTER_PUBLISH', 'AFTER_CLOSE', 'LIVE'];

/** The sets to choose from, for the new-round form to name the version it pins. */
export function useIndicatorSets() {
  return useQuery(IndicatorSetListDocument, {});
}

/**
 * The INDICATORS part of the new-round form: the indicator set (its latest version),
 * the period assessed, caps on bonuses and penalties, the boards' sizes and who sees
 * the scores when.
 */
export function IndicatorRoundFields({
  value,
  onChange,
  sets,
}: {
  value: IndicatorRoundDraft;
  onChange: (next: IndicatorRoundDraft) => void;
  sets: ReturnType<typeof useIndicatorSets>;
}) {
  const { t } = useI18n();
  const id = useId();
  const set = <K extends keyof IndicatorRoundDraft>(key: K, v: IndicatorRoundDraft[K]) => onChange({ ...value, [key]: v });
  const list = sets.data?.indicatorSets.edges.map((e) => e.node) ?? [];
  const chosen = list.find((s) => s.id === value.setId);
  const year = new Date().getFullYear();
  const groups: { year: number; options: PeriodOption[] }[] = [year, year - 1].map((y) => ({ year: y, options: periodsOf(y) }));
  const known = groups.some((g) => g.options.some((o) => o.value === value.period));

  return (
    <div className="rule-fields indicator-round-fields">
      <Group legend={t('indicators.newRound.set')} help={t('indicators.newRound.setHelp')}>
        {sets.error ? <ErrorNote error={sets.error} onRetry={() => void sets.refetch()} /> : null}
        {!sets.data && !sets.error ? <Loading /> : null}
        {sets.data && list.length === 0 ? (
          <Note kind="warn">
            {t('indicators.newRound.noSets')} <Link to="/organizer/indicator-sets">{t('indicators.newRound.manageSets')}</Link>
          </Note>
        ) : null}
        {list.length ? (
          <div className="field">
            <label htmlFor={`${id}-set`}>{t('indicators.newRound.pickSet')}</label>
            <select id={`${id}-set`} required value={value.setId} onChange={(e) => set('setId', e.target.value)}>
              <option value="">{t('indicators.newRound.pickSetNone')}</option>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('indicators.newRound.setOption', { name: s.name, version: s.version, total: numberText(s.fullMark) })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {chosen ? (
          <p className="rule-example" data-testid="set-summary">
            {t('indicators.newRound.setSummary', {
              sections: chosen.sections.map((s) => `${s.label} ${numberText(s.fullMark)}`).join('、'),
              n: chosen.indicators.length,
              total: numberText(chosen.fullMark),
            })}
          </p>
        ) : null}
        <p className="small">
          <Link to="/organizer/indicator-sets">{t('indicators.newRound.manageSets')}</Link>
        </p>
      </Group>

      <Group legend={t('indicators.newRound.period')} help={t('indicators.newRound.periodHelp')}>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('indicators.newRound.pickPeriod')}</label>
          <select id={`${id}-period`} value={value.period} onChange={(e) => set('period', e.target.value)}>
            {known ? null : <option value={value.period}>{periodLabel(t, value.period)}</option>}
            {groups.map((g) => (
              <optgroup key={g.year} label={t('indicators.period.year', { year: g.year })}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {periodLabel(t, o.value)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </Group>

      <Group legend={t('indicators.newRound.caps')} help={t('indicators.newRound.capsHelp')}>
        <div className="rule-numbers">
          <CapField label={t('indicators.newRound.bonusCap')} value={value.bonusCap} onChange={(v) => set('bonusCap', v)} />
          <CapField label={t('indicators.newRound.penaltyCap')} value={value.penaltyCap} onChange={(v) => set('penaltyCap', v)} />
        </div>
        <p className="rule-example">{t('indicators.newRound.capsExample')}</p>
      </Group>

      <Group legend={t('indicators.newRound.boards')} help={t('indicators.newRound.boardsHelp')}>
        <div className="rule-numbers">
          <CapField label={t('indicators.newRound.red')} value={value.red} whole onChange={(v) => set('red', v)} />
          <CapField label={t('indicators.newRound.black')} value={value.black} whole onChange={(v) => set('black', v)} />
          <CapField label={t('indicators.newRound.mostImproved')} value={value.mostImproved} whole onChange={(v) => set('mostImproved', v)} />
        </div>
        <p className="rule-example">{t('indicators.newRound.boardsExample')}</p>
      </Group>

      <Group legend={t('org.visibility')} help={t('indicators.newRound.visibilityHelp')}>
        <div className="choices">
          {VISIBILITIES.map((v) => (
            <label key={v} className="choice" htmlFor={`${id}-vis-${v}`}>
              <input id={`${id}-vis-${v}`} type="radio" name={`${id}-vis`} checked={value.visibility === v} onChange={() => set('visibility', v)} />
              <span>{t(`round.rule.visibility.${v}`)}</span>
            </label>
          ))}
        </div>
      </Group>
    </div>
  );
}

function Group({ legend, help, children }: { legend: string; help: string; children: ReactNode }) {
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

function CapField({ label, value, whole: isWhole = false, onChange }: { label: string; value: string; whole?: boolean; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode={isWhole ? 'numeric' : 'decimal'}
        min={0}
        step={isWhole ? 1 : 0.5}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
