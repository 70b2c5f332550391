import { useId, useState, type FormEvent } from 'react';
import { describeIssue, type Issue } from '../../api/errors';
import { useMutation } from '../../api/hooks';
import { Note } from '../../components/ui';
import { CreateIndicatorSetDocument, UpdateIndicatorSetDocument, type IndicatorDirection, type IndicatorMethod } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from '../../organizer/round/fields';
import { ApiProblems } from '../ApiProblems';
import { METHODS, numberText, parseNumber, type IndicatorSetRecord } from '../model';
import {
  blankIndicator,
  blankSection,
  blankSet,
  fromSet,
  inSectionOrder,
  MEASURE_PARAMS,
  type IndicatorDraft,
  type Param,
  type SectionDraft,
  sectionSum,
  type SetDraft,
  setTotal,
  shownParams,
  toInput,
} from './draft';

const DIRECTIONS: IndicatorDirection[] = ['HIGHER_BETTER', 'LOWER_BETTER'];

/**
 * Creates an indicator set, or saves a revision of one as its next version: the set's
 * name, its sections (名称、满分、权重) with each one's points allotted so far against its
 * full mark, and per section its indicators with only the parameters their scoring
 * method uses, each method explained in one sentence with a worked example.
 */
export function SetEditor({ set, onSaved, onCancel }: { set: IndicatorSetRecord | null; onSaved: (saved: IndicatorSetRecord) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<SetDraft>(() => (set ? fromSet(set) : blankSet()));
  const [advanced, setAdvanced] = useState(false);
  const [local, setLocal] = useState<Issue[]>([]);
  const create = useMutation(CreateIndicatorSetDocument);
  const update = useMutation(UpdateIndicatorSetDocument);
  const error = create.error ?? update.error;
  const pending = create.pending || update.pending;

  const change = (next: (d: SetDraft) => SetDraft) => {
    setLocal([]);
    setDraft((d) => {
      const changed = next(d);
      return { ...changed, indicators: inSectionOrder(changed.sections, changed.indicators) };
    });
  };
  const changeSection = (uid: string, patch: Partial<SectionDraft>) =>
    change((d) => ({ ...d, sections: d.sections.map((s) => (s.uid === uid ? { ...s, ...patch } : s)) }));
  const changeIndicator = (uid: string, patch: Partial<IndicatorDraft>) =>
    change((d) => ({ ...d, indicators: d.indicators.map((i) => (i.uid === uid ? { ...i, ...patch } : i)) }));
  const moveIndicator = (uid: string, by: -1 | 1) =>
    change((d) => {
      const list = [...d.indicators];
      const from = list.findIndex((i) => i.uid === uid);
      const section = list[from]!.section;
      let to = from + by;
      while (to >= 0 && to < list.length && list[to]!.section !== section) to += by;
      if (to < 0 || to >= list.length) return d;
      [list[from], list[to]] = [list[to]!, list[from]!];
      return { ...d, indicators: list };
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = toInput(draft, advanced, { sections: set?.sections.map((s) => s.key) ?? [], indicators: set?.indicators.map((i) => i.key) ?? [] });
    if ('issues' in built) {
      setLocal(built.issues);
      return;
    }
    const saved = set
      ? (await update.mutate({ id: set.id, input: built.input }))?.updateIndicatorSet
      : (await create.mutate({ input: built.input }))?.createIndicatorSet;
    if (saved) onSaved(saved);
  };

  /** "第 1 个指标（GDP 增速）的「满意值」…": the API's sentence, with the item's name beside its number. */
  const namedIssue = (issue: Issue, d: SetDraft): string => {
    const sentence = describeIssue(t, issue);
    const m = /^input\.(sections|indicators)\.(\d+)/u.exec(issue.path);
    if (!m) return sentence;
    const n = Number(m[2]);
    const item = m[1] === 'sections' ? d.sections[n] : d.indicators[n];
    const name = item?.label.trim();
    if (!name) return sentence;
    const words = t(m[1] === 'sections' ? 'field.item.sections' : 'field.item.indicators', { n: n + 1 });
    return sentence.replace(words, t('indicators.set.namedItem', { item: words, name }));
  };
  const total = setTotal(draft.sections);
  const numbered = draft.indicators.map((i, n) => [i.uid, n + 1] as const);
  const numberOf = new Map(numbered);

  return (
    <form onSubmit={submit} className="set-form" noValidate data-testid="set-editor">
      {set ? <Note>{t('indicators.set.revisionHint', { name: set.name, version: set.version + 1 })}</Note> : null}
      <div className="field set-name">
        <label htmlFor={`${id}-name`}>{t('indicators.set.name')}</label>
        <input
          id={`${id}-name`}
          required
          maxLength={200}
          value={draft.name}
          placeholder={t('indicators.set.namePlaceholder')}
          onChange={(e) => change((d) => ({ ...d, name: e.target.value }))}
        />
      </div>

      <h3>{t('indicators.set.sections')}</h3>
      <p className="muted small">{t('indicators.set.sectionsHint')}</p>
      <div className="table-wrap">
        <table className="table sections-table">
          <caption className="visually-hidden">{t('indicators.set.sections')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('indicators.set.number')}
              </th>
              {advanced ? <th scope="col">{t('indicators.set.key')}</th> : null}
              <th scope="col">{t('indicators.set.sectionLabel')}</th>
              <th scope="col">{t('indicators.set.fullMark')}</th>
              <th scope="col">{t('indicators.set.sectionWeight')}</th>
              <th scope="col">{t('indicators.set.allotted')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('indicators.set.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.sections.map((s, i) => {
              const n = i + 1;
              const count = draft.indicators.filter((x) => x.section === s.uid).length;
              return (
                <tr key={s.uid}>
                  <td className="num">{n}</td>
                  {advanced ? (
                    <td>
                      <input
                        className="input-key"
                        aria-label={t('indicators.set.sectionField', { n, field: t('indicators.set.key') })}
                        value={s.key}
                        placeholder={t('indicators.set.keyAuto')}
                        onChange={(e) => changeSection(s.uid, { key: e.target.value })}
                      />
                    </td>
                  ) : null}
                  <td>
                    <input
                      aria-label={t('indicators.set.sectionField', { n, field: t('indicators.set.sectionLabel') })}
                      value={s.label}
                      maxLength={100}
                      placeholder={t('indicators.set.sectionPlaceholder')}
                      onChange={(e) => changeSection(s.uid, { label: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input-number"
                      inputMode="decimal"
                      aria-label={t('indicators.set.sectionField', { n, field: t('indicators.set.fullMark') })}
                      value={s.fullMark}
                      onChange={(e) => changeSection(s.uid, { fullMark: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input-number"
                      inputMode="decimal"
                      aria-label={t('indicators.set.sectionField', { n, field: t('indicators.set.sectionWeight') })}
                      value={s.weight}
                      onChange={(e) => changeSection(s.uid, { weight: e.target.value })}
                    />
                  </td>
                  <td data-testid={`section-sum-${n}`}>
                    <Allotted section={s} indicators={draft.indicators} />
                  </td>
                  <td>
                    {draft.sections.length > 1 ? (
                      <ConfirmAction
                        small
                        label={t('indicators.set.removeSection')}
                        question={
                          count
                            ? t('indicators.set.removeSectionWith', { label: s.label || t('indicators.set.unnamed'), n: count })
                            : t('indicators.set.removeSectionAsk', { label: s.label || t('indicators.set.unnamed') })
                        }
                        onConfirm={() =>
                          change((d) => ({
                            ...d,
                            sections: d.sections.filter((x) => x.uid !== s.uid),
                            indicators: d.indicators.filter((x) => x.section !== s.uid),
                          }))
                        }
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" className="button" onClick={() => change((d) => ({ ...d, sections: [...d.sections, blankSection()] }))}>
          {t('indicators.set.addSection')}
        </button>
        <p className="set-total" data-testid="set-total" aria-live="polite">
          {total === null
            ? t('indicators.set.totalIncomplete')
            : t('indicators.set.total', {
                total: numberText(total),
                formula: draft.sections
                  .map((s) => `${s.label || t('indicators.set.unnamed')} ${s.fullMark}${s.weight.trim() && s.weight.trim() !== '1' ? ` × ${s.weight}` : ''}`)
                  .join(' + '),
              })}
        </p>
      </div>

      {draft.sections.map((s, i) => {
        const mine = draft.indicators.filter((x) => x.section === s.uid);
        return (
          <section key={s.uid} className="set-section" aria-labelledby={`${id}-sec-${s.uid}`}>
            <div className="set-section-head">
              <h3 id={`${id}-sec-${s.uid}`}>{t('indicators.set.sectionHeading', { n: i + 1, label: s.label || t('indicators.set.unnamed') })}</h3>
              <span className="small">
                <Allotted section={s} indicators={draft.indicators} />
              </span>
            </div>
            {mine.length === 0 ? <p className="muted small">{t('indicators.set.noIndicators')}</p> : null}
            {mine.map((indicator, j) => (
              <IndicatorCard
                key={indicator.uid}
                n={numberOf.get(indicator.uid)!}
                indicator={indicator}
                sections={draft.sections}
                advanced={advanced}
                first={j === 0}
                last={j === mine.length - 1}
                onChange={(patch) => changeIndicator(indicator.uid, patch)}
                onMove={(by) => moveIndicator(indicator.uid, by)}
                onRemove={draft.indicators.length > 1 ? () => change((d) => ({ ...d, indicators: d.indicators.filter((x) => x.uid !== indicator.uid) })) : null}
              />
            ))}
            <button type="button" className="button" onClick={() => change((d) => ({ ...d, indicators: [...d.indicators, blankIndicator(s.uid)] }))}>
              {t('indicators.set.addIndicator', { label: s.label || t('indicators.set.unnamed') })}
            </button>
          </section>
        );
      })}

      <div className="field field-check set-advanced">
        <input id={`${id}-advanced`} type="checkbox" checked={advanced} onChange={(e) => setAdvanced(e.target.checked)} />
        <label htmlFor={`${id}-advanced`}>{t('indicators.set.advanced')}</label>
      </div>
      {advanced ? <p className="muted small">{t('indicators.set.advancedHint')}</p> : null}

      {local.length ? (
        <div className="note note-error" role="alert" data-testid="set-problems">
          <ul>
            {local.map((issue) => (
              <li key={issue.path}>{namedIssue(issue, draft)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ApiProblems error={error} word={(issue) => namedIssue(issue, draft)} /> : null}
      <div className="row form-actions">
        <button type="submit" className="button-primary" disabled={pending || !draft.name.trim()}>
          {set ? t('indicators.set.saveVersion', { version: set.version + 1 }) : t('indicators.set.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "40 + 30 + 30 = 100，与满分 100 相符" or how far the points are from the full mark. */
function Allotted({ section, indicators }: { section: SectionDraft; indicators: IndicatorDraft[] }) {
  const { t } = useI18n();
  const { sum, terms } = sectionSum(section, indicators);
  const full = parseNumber(section.fullMark);
  if (sum === null || typeof full !== 'number')
    return <span className="muted">{t('indicators.set.allottedIncomplete', { terms: terms.join(' + ') || '0' })}</span>;
  const formula = terms.length > 1 ? `${terms.join(' + ')} = ${numberText(sum)}` : numberText(sum);
  if (Math.abs(sum - full) < 1e-9)
    return (
      <span className="allot allot-ok">
        <span aria-hidden="true">✓ </span>
        {t('indicators.set.allottedOk', { formula, full: numberText(full) })}
      </span>
    );
  return (
    <span className="allot allot-off">
      <span aria-hidden="true">! </span>
      {sum < full
        ? t('indicators.set.allottedShort', { formula, full: numberText(full), gap: numberText(Math.round((full - sum) * 100) / 100) })
        : t('indicators.set.allottedOver', { formula, full: numberText(full), gap: numberText(Math.round((sum - full) * 100) / 100) })}
    </span>
  );
}

function IndicatorCard({
  n,
  indicator,
  sections,
  advanced,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  n: number;
  indicator: IndicatorDraft;
  sections: SectionDraft[];
  advanced: boolean;
  first: boolean;
  last: boolean;
  onChange: (patch: Partial<IndicatorDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: (() => void) | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const name = indicator.label.trim() || t('indicators.set.unnamedIndicator');
  const fixedDirection = indicator.method === 'PER_OCCURRENCE';
  const params = shownParams(indicator, advanced);
  const setParam = (p: Param, value: string) => onChange({ params: { ...indicator.params, [p]: value } });
  const unitSuffix = indicator.unit.trim() ? `（${indicator.unit.trim()}）` : '';
  const paramLabel = (p: Param) => {
    const base = t(`indicators.param.${p}`);
    return MEASURE_PARAMS.has(p) && indicator.method !== 'RANK_POINTS' ? `${base}${unitSuffix}` : base;
  };
  return (
    <fieldset className="indicator-card" data-testid={`indicator-${n}`}>
      <legend>
        {t('indicators.set.indicatorLegend', { n })}
        {indicator.label.trim() ? `：${indicator.label.trim()}` : ''}
      </legend>
      <div className="indicator-grid">
        {advanced ? (
          <div className="field">
            <label htmlFor={`${id}-key`}>{t('indicators.set.key')}</label>
            <input
              id={`${id}-key`}
              className="input-key"
              value={indicator.key}
              placeholder={t('indicators.set.keyAuto')}
              onChange={(e) => onChange({ key: e.target.value })}
            />
          </div>
        ) : null}
        <div className="field field-wide">
          <label htmlFor={`${id}-label`}>{t('indicators.set.indicatorLabel')}</label>
          <input
            id={`${id}-label`}
            maxLength={200}
            value={indicator.label}
            placeholder={t('indicators.set.indicatorPlaceholder')}
            onChange={(e) => onChange({ label: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-section`}>{t('indicators.set.section')}</label>
          <select id={`${id}-section`} value={indicator.section} onChange={(e) => onChange({ section: e.target.value })}>
            {sections.map((s, i) => (
              <option key={s.uid} value={s.uid}>
                {s.label || t('indicators.set.sectionHeading', { n: i + 1, label: t('indicators.set.unnamed') })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('indicators.set.unit')}</label>
          <input
            id={`${id}-unit`}
            maxLength={20}
            value={indicator.unit}
            placeholder={t('indicators.set.unitPlaceholder')}
            onChange={(e) => onChange({ unit: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t('indicators.set.points')}</label>
          <input
            id={`${id}-weight`}
            inputMode="decimal"
            value={indicator.weight}
            aria-describedby={`${id}-weight-hint`}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
          <span id={`${id}-weight-hint`} className="visually-hidden">
            {t('indicators.set.pointsHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('indicators.set.method')}</label>
          <select
            id={`${id}-method`}
            value={indicator.method}
            aria-describedby={`${id}-explain`}
            onChange={(e) => {
              const method = e.target.value as IndicatorMethod;
              onChange(method === 'PER_OCCURRENCE' ? { method, direction: 'LOWER_BETTER' } : { method });
            }}
          >
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`indicators.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-direction`}>{t('indicators.set.direction')}</label>
          <select
            id={`${id}-direction`}
            value={fixedDirection ? 'LOWER_BETTER' : indicator.direction}
            disabled={fixedDirection}
            aria-describedby={fixedDirection ? `${id}-direction-hint` : undefined}
            onChange={(e) => onChange({ direction: e.target.value as IndicatorDirection })}
          >
            {DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`indicators.direction.${d}`)}
              </option>
            ))}
          </select>
          {fixedDirection ? (
            <span id={`${id}-direction-hint`} className="muted small">
              {t('indicators.set.directionFixed')}
            </span>
          ) : null}
        </div>
      </div>

      <div className="method-explain" id={`${id}-explain`}>
        <p>
          <strong>{t(`indicators.method.${indicator.method}`)}：</strong>
          {t(`indicators.formula.${indicator.method}`)}
        </p>
        <p className="rule-example">{t(`indicators.example.${indicator.method}`)}</p>
        <LiveCheck indicator={indicator} />
      </div>

      {indicator.method === 'RANK_POINTS' ? (
        <fieldset className="plain-fieldset rank-mode">
          <legend className="field-legend">{t('indicators.set.rankMode')}</legend>
          <div className="choices">
            {(['step', 'lowest'] as const).map((mode) => (
              <label key={mode} className="choice" htmlFor={`${id}-rank-${mode}`}>
                <input
                  id={`${id}-rank-${mode}`}
                  type="radio"
                  name={`${id}-rank`}
                  checked={indicator.rankMode === mode}
                  onChange={() => onChange({ rankMode: mode })}
                />
                <span>{t(`indicators.set.rankMode.${mode}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {params.length ? (
        <div className="indicator-grid params">
          {params.map((p) => (
            <div className="field" key={p}>
              <label htmlFor={`${id}-${p}`}>{paramLabel(p)}</label>
              <input
                id={`${id}-${p}`}
                inputMode="decimal"
                value={indicator.params[p]}
                placeholder={t(`indicators.paramPlaceholder.${p}`)}
                aria-describedby={`${id}-${p}-hint`}
                onChange={(e) => setParam(p, e.target.value)}
              />
              <span id={`${id}-${p}-hint`} className="muted small">
                {t(`indicators.paramHint.${p}`)}
              </span>
            </div>
          ))}
        </div>
      ) : null}

      <div className="field field-check">
        <input
          id={`${id}-ratio`}
          type="checkbox"
          checked={indicator.ratio}
          aria-describedby={`${id}-ratio-hint`}
          onChange={(e) => onChange({ ratio: e.target.checked })}
        />
        <label htmlFor={`${id}-ratio`}>{t('indicators.set.ratio')}</label>
      </div>
      <p id={`${id}-ratio-hint`} className="muted small ratio-hint">
        {t('indicators.set.ratioHint')}
      </p>
      {indicator.ratio ? (
        <fieldset className="plain-fieldset zero-rule">
          <legend className="field-legend">{t('indicators.set.zeroDenominator')}</legend>
          <div className="choices choices-row">
            {(['ZERO', 'FULL'] as const).map((rule) => (
              <label key={rule} className="choice" htmlFor={`${id}-zero-${rule}`}>
                <input
                  id={`${id}-zero-${rule}`}
                  type="radio"
                  name={`${id}-zero`}
                  checked={indicator.zeroDenominator === rule}
                  onChange={() => onChange({ zeroDenominator: rule })}
                />
                <span>{t(`indicators.zero.${rule}`)}</span>
              </label>
            ))}
          </div>
          <p className="muted small">{t('indicators.set.zeroHint')}</p>
        </fieldset>
      ) : null}

      <div className="row card-actions">
        <button type="button" className="button-small" disabled={first} aria-label={t('indicators.set.upLabel', { n, name })} onClick={() => onMove(-1)}>
          {t('round.up')}
        </button>
        <button type="button" className="button-small" disabled={last} aria-label={t('indicators.set.downLabel', { n, name })} onClick={() => onMove(1)}>
          {t('round.down')}
        </button>
        {onRemove ? (
          <button type="button" className="button-small" aria-label={t('indicators.set.removeLabel', { n, name })} onClick={onRemove}>
            {t('indicators.set.removeIndicator')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

/** What the organizer's own numbers mean, in a sentence, once they are numbers. */
function LiveCheck({ indicator }: { indicator: IndicatorDraft }) {
  const { t } = useI18n();
  const p = (name: Param) => {
    const n = parseNumber(indicator.params[name]);
    return typeof n === 'number' ? numberText(n) : null;
  };
  const unit = indicator.unit.trim();
  const points = parseNumber(indicator.weight);
  let text: string | null = null;
  switch (indicator.method) {
    case 'EFFICACY': {
      const s = p('satisfactory');
      const d = p('disallowed');
      if (s !== null && d !== null) text = t('indicators.live.EFFICACY', { satisfactory: `${s}${unit}`, disallowed: `${d}${unit}` });
      break;
    }
    case 'TARGET_RATIO': {
      const target = p('target');
      if (target !== null) text = t('indicators.live.TARGET_RATIO', { target: `${target}${unit}`, cap: p('cap') ?? '100' });
      break;
    }
    case 'THRESHOLD': {
      const target = p('target');
      if (target !== null)
        text = t(indicator.direction === 'LOWER_BETTER' ? 'indicators.live.THRESHOLD.lower' : 'indicators.live.THRESHOLD', {
          target: `${target}${unit}`,
          partial: p('partial') ?? '0',
        });
      break;
    }
    case 'RANK_POINTS': {
      const value = p(indicator.rankMode);
      if (value !== null) text = t(indicator.rankMode === 'step' ? 'indicators.live.RANK_POINTS.step' : 'indicators.live.RANK_POINTS.lowest', { value });
      break;
    }
    case 'PER_OCCURRENCE': {
      const each = p('pointsEach');
      if (each !== null && Number(each) !== 0) {
        const per = Math.abs(Number(each));
        text = t('indicators.live.PER_OCCURRENCE', { each: numberText(per), three: numberText(Math.max(0, 100 - 3 * per)) });
      }
      break;
    }
  }
  return (
    <>
      {text ? <p className="live-check">{text}</p> : null}
      {typeof points === 'number' ? (
        <p className="muted small">{t('indicators.set.pointsExample', { points: numberText(points), part: numberText(Math.round(points * 58.73) / 100) })}</p>
      ) : null}
    </>
  );
}
