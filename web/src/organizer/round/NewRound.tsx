import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { panelOf } from '../../api/method';
import { ErrorNote } from '../../components/ui';
import { CreateRoundWithRuleDocument, type CreateRoundInput, type RubricsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import {
  IndicatorRoundFields,
  indicatorMethodInput,
  newIndicatorRound,
  periodLabel,
  useIndicatorSets,
  type IndicatorRoundDraft,
} from '../../indicators/round/IndicatorRoundFields';
import { newRatingRound, RatingRoundFields, ratingDraftProblems, ratingMethodInput, type RatingRoundDraft } from '../../ratings/RatingRoundFields';
import { Link } from '../../router';
import { DEFAULT_EXTRAS, DEFAULT_RULE, extrasInput, extrasValid, PanelExtraFields, RuleFields, type PanelExtrasDraft, type RuleDraft } from './RuleFields';
import type { CompetitionSummary } from './types';

type RubricOption = RubricsQuery['rubrics']['edges'][number]['node'];
type Kind = 'PANEL' | 'INDICATORS' | 'PUBLIC_RATING';
const KINDS: Kind[] = ['PANEL', 'INDICATORS', 'PUBLIC_RATING'];
const kindOf = (typename: string | undefined): Kind =>
  typename === 'IndicatorsMethod' ? 'INDICATORS' : typename === 'RatingsMethod' ? 'PUBLIC_RATING' : 'PANEL';
const LIVE_DEFAULTS = { scoringGate: 'PITCHED', requireSignOff: true } as const;

/**
 * A new round of a competition: judged on a stage (评委打分) with its whole scoring rule,
 * proposing 应评尽评 (every expected sheet before ranking) and the previous round's
 * rubric; or assessed on measured indicators (实绩指标) with a set, a period, caps and
 * the boards' sizes; or rated by citizens (群众评议) with a period, a scale, the reasons
 * for a 差评, the ranking rule and the follow-up's deadlines. The previous round's method
 * is proposed.
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
  const [extras, setExtras] = useState<PanelExtrasDraft>(DEFAULT_EXTRAS);
  const [live, setLive] = useState(true);
  const [kind, setKind] = useState<Kind>(kindOf(last?.method.__typename));
  const [indicators, setIndicators] = useState<IndicatorRoundDraft>(() => newIndicatorRound());
  const [ratings, setRatings] = useState<RatingRoundDraft>(() => newRatingRound());
  const sets = useIndicatorSets();
  const { mutate, pending, error } = useMutation(CreateRoundWithRuleDocument);
  const rubric = rubrics.find((r) => r.id === rubricId);
  const criteria = rubric?.criteria ?? [];
  const chooseRubric = (next: string) => {
    setRubricId(next);
    // Tie-breakers name criteria of the rubric; another rubric's keys would be refused.
    const keys = new Set(rubrics.find((r) => r.id === next)?.criteria.map((c) => c.key) ?? []);
    setRule((r) => ({ ...r, tieBreakers: r.tieBreakers.filter((k) => keys.has(k)) }));
  };
  const chosenSet = sets.data?.indicatorSets.edges.find((e) => e.node.id === indicators.setId)?.node;
  // A name follows the period until the organizer types one (2026年第三季度实绩考核).
  const suggested = (draft: IndicatorRoundDraft) => t('indicators.newRound.nameSuggestion', { period: periodLabel(t, draft.period) });
  const changeIndicators = (next: IndicatorRoundDraft) => {
    if (!name.trim() || name === suggested(indicators)) setName(suggested(next));
    setIndicators(next);
  };
  // 2026年5月群众满意度评议, following the period in the same way.
  const suggestedRating = (draft: RatingRoundDraft) => t('ratings.newRound.nameSuggestion', { period: periodLabel(t, draft.period) });
  const changeRatings = (next: RatingRoundDraft) => {
    if (!name.trim() || name === suggestedRating(ratings)) setName(suggestedRating(next));
    setRatings(next);
  };
  const chooseKind = (next: Kind) => {
    setKind(next);
    const untouched = !name.trim() || name === suggested(indicators) || name === suggestedRating(ratings);
    if (next === 'INDICATORS' && untouched) setName(suggested(indicators));
    if (next === 'PUBLIC_RATING' && untouched) setName(suggestedRating(ratings));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input: CreateRoundInput =
      kind === 'PUBLIC_RATING'
        ? { competitionId: competition.id, name: name.trim(), leaderboardVisibility: ratings.visibility, method: ratingMethodInput(ratings) }
        : kind === 'INDICATORS'
          ? {
              competitionId: competition.id,
              name: name.trim(),
              leaderboardVisibility: indicators.visibility,
              method: indicatorMethodInput(indicators, chosenSet),
            }
          : {
              competitionId: competition.id,
              name: name.trim(),
              rubricId,
              rubricVersion: rubric?.version ?? null,
              ...rule,
              ...extrasInput(extras),
              // Run live in the hall (the default): judges score those who have pitched, and sign off before publication.
              // Unchecked, no `live` is sent and the API's defaults hold: any entry, no sign-off.
              ...(live ? { live: LIVE_DEFAULTS } : {}),
            };
    const created = await mutate({ input });
    if (created) {
      setName('');
      onCreated(created.createRound.id);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <p className="muted small">{competition.name}</p>
      <h2 id={`${id}-title`}>{t('round.new.title')}</h2>
      <p className="muted small">
        {kind === 'PUBLIC_RATING' ? t('ratings.newRound.intro') : kind === 'INDICATORS' ? t('indicators.newRound.intro') : t('round.new.intro')}
      </p>
      <form onSubmit={submit} className="new-round">
        <fieldset className="rule method-choice">
          <legend>{t('indicators.newRound.kind')}</legend>
          <div className="choices">
            {KINDS.map((k) => (
              <label key={k} className="choice" htmlFor={`${id}-kind-${k}`}>
                <input id={`${id}-kind-${k}`} type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => chooseKind(k)} />
                {k === 'PUBLIC_RATING' ? (
                  <span>
                    <strong>{t('ratings.newRound.kind')}</strong>
                    <span className="muted small"> {t('ratings.newRound.kindHelp')}</span>
                  </span>
                ) : (
                  <span>
                    <strong>{t(`indicators.newRound.kind.${k}`)}</strong>
                    <span className="muted small"> {t(`indicators.newRound.kindHelp.${k}`)}</span>
                  </span>
                )}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.roundName')}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        {kind === 'PUBLIC_RATING' ? (
          <RatingRoundFields value={ratings} onChange={changeRatings} />
        ) : kind === 'INDICATORS' ? (
          <IndicatorRoundFields value={indicators} onChange={changeIndicators} sets={sets} />
        ) : (
          <>
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
            <PanelExtraFields
              value={extras}
              onChange={(next) => {
                setExtras(next);
                // Classes are aggregated on raw marks: the API refuses them with z-scores.
                if (next.classes.length > 0 && rule.normalization === 'ZSCORE') setRule((r) => ({ ...r, normalization: 'NONE' }));
              }}
            />
            <div className="choice">
              <input id={`${id}-live`} type="checkbox" checked={live} aria-describedby={`${id}-live-help`} onChange={(e) => setLive(e.target.checked)} />
              <div>
                <label htmlFor={`${id}-live`}>
                  <strong>{t('round.new.live')}</strong>
                </label>
                <p id={`${id}-live-help`} className="muted small">
                  {t('round.new.liveHelp')}
                </p>
              </div>
            </div>
          </>
        )}
        {error ? <ErrorNote error={error} /> : null}
        <div className="row">
          <button
            type="submit"
            className="button-primary"
            disabled={
              pending ||
              !name.trim() ||
              (kind === 'PANEL' ? !rubricId || !extrasValid(extras) : kind === 'INDICATORS' ? !indicators.setId : ratingDraftProblems(ratings).length > 0)
            }
          >
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
