import { useQuery } from '../api/hooks';
import { ErrorNote, Loading } from '../components/ui';
import { ResultsIndicatorAssessmentDocument, type ResultsIndicatorAssessmentQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { figure, formulaInWords, measureText, methodName, methodParameters, pointsInWords, two, type IndicatorDef } from './indicatorFormat';
import { TableWrap } from './TableWrap';

type Assessment = ResultsIndicatorAssessmentQuery['indicatorAssessment'];

export interface ProtocolSet {
  fullMark: number;
  sections: { key: string; label: string; fullMark: number; weight: number }[];
  indicators: IndicatorDef[];
}

/**
 * One entry's 考核明细, asked for when its row is opened: every indicator's 实际值, 计分方法,
 * the formula with the entry's own numbers, 得分 (0–100) and 折算分 (weight × score ÷ 100),
 * per section with its subtotal; then the adjustments with their reasons and the total.
 */
export function IndicatorProtocol({ entryId, name, set }: { entryId: string; name: string; set: ProtocolSet }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(ResultsIndicatorAssessmentDocument, { entryId });
  if (error && !data) return <ErrorNote error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  const titleId = `ind-protocol-title-${entryId}`;
  return (
    <div className="ind-protocol" data-testid="ind-protocol" data-entry={entryId}>
      <h3 id={titleId} className="ind-protocol-title">
        {t('results.ind.protocol.title', { name })}
      </h3>
      <IndicatorLines assessment={data.indicatorAssessment} set={set} labelledBy={titleId} />
      <Adjustments assessment={data.indicatorAssessment} />
      <Summary assessment={data.indicatorAssessment} />
    </div>
  );
}

function IndicatorLines({ assessment, set, labelledBy }: { assessment: Assessment; set: ProtocolSet; labelledBy: string }) {
  const { t, lang } = useI18n();
  const lines = new Map(assessment.indicators.map((l) => [l.indicator.key, l]));
  const sectionScores = new Map(assessment.sections.map((s) => [s.section.key, s.score]));
  const columns = 7;
  return (
    <TableWrap label={t('results.ind.protocol.region')}>
      <table className="table ind-protocol-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('results.ind.protocol.indicator')}</th>
            <th scope="col" className="num">
              {t('results.ind.protocol.weight')}
            </th>
            <th scope="col">{t('results.ind.protocol.value')}</th>
            <th scope="col">{t('results.ind.protocol.method')}</th>
            <th scope="col">{t('results.ind.protocol.formula')}</th>
            <th scope="col" className="num">
              {t('results.ind.protocol.score')}
            </th>
            <th scope="col" className="num">
              {t('results.ind.protocol.points')}
              <span className="protocol-max">{t('results.ind.protocol.pointsHint')}</span>
            </th>
          </tr>
        </thead>
        {set.sections.map((section) => {
          const indicators = set.indicators.filter((i) => i.section === section.key);
          const score = sectionScores.get(section.key);
          return (
            <tbody key={section.key} data-section={section.key}>
              <tr className="ind-section-head">
                <th scope="colgroup" colSpan={columns}>
                  {section.weight === 1
                    ? t('results.ind.protocol.section', { label: section.label, points: figure(lang, section.fullMark) })
                    : t('results.ind.protocol.sectionWeighted', {
                        label: section.label,
                        points: figure(lang, section.fullMark),
                        weight: figure(lang, section.weight),
                      })}
                </th>
              </tr>
              {indicators.map((indicator) => {
                const line = lines.get(indicator.key) ?? { measured: null, score: null, points: null, value: null };
                const formula = formulaInWords(t, lang, indicator, line);
                const points = pointsInWords(indicator, line);
                const pending = line.value?.status === 'ENTERED';
                return (
                  <tr key={indicator.key} data-indicator={indicator.key} data-method={indicator.method}>
                    <th scope="row">{indicator.label}</th>
                    <td className="num">{figure(lang, indicator.weight)}</td>
                    <td className="ind-value" data-testid="ind-value">
                      {measureText(t, lang, indicator, line)}
                      {pending ? <span className="tag tag-warn">{t('results.ind.protocol.unverified')}</span> : null}
                    </td>
                    <td className="ind-method">
                      {methodName(t, indicator)}
                      <span className="ind-params">{methodParameters(t, lang, indicator)}</span>
                    </td>
                    <td className="ind-formula" data-testid="ind-formula">
                      {formula ?? '—'}
                    </td>
                    <td className="num" data-testid="ind-score">
                      {two(line.score)}
                    </td>
                    <td className="num" data-testid="ind-points">
                      <strong>{two(line.points)}</strong>
                      {points ? <span className="ind-points-sum">{points}</span> : null}
                    </td>
                  </tr>
                );
              })}
              <tr className="ind-section-total">
                <th scope="row" colSpan={columns - 1}>
                  {t('results.ind.protocol.subtotal', { label: section.label })}
                </th>
                <td className="num" data-testid="ind-section-score">
                  <strong>{two(score)}</strong>
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </TableWrap>
  );
}

function Adjustments({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  return (
    <div className="ind-adjustments">
      <h4>{t('results.ind.protocol.adjustments')}</h4>
      {assessment.adjustments.length === 0 ? (
        <p className="muted small">{t('results.ind.protocol.noAdjustments')}</p>
      ) : (
        <ul className="ind-adjustment-list">
          {assessment.adjustments.map((a) => (
            <li key={a.id} data-kind={a.kind} data-status={a.status}>
              <strong className={a.kind === 'BONUS' ? 'ind-bonus' : 'ind-penalty'}>
                {a.kind === 'VETO'
                  ? t('results.ind.veto')
                  : t(a.kind === 'BONUS' ? 'results.ind.protocol.bonusPoints' : 'results.ind.protocol.penaltyPoints', { points: two(a.points) })}
              </strong>{' '}
              {a.reason}
              {a.status === 'PENDING' ? <span className="tag tag-warn">{t('results.ind.protocol.pending')}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Summary({ assessment }: { assessment: Assessment }) {
  const { t } = useI18n();
  return (
    <dl className="protocol-summary ind-summary">
      <div>
        <dt>{t('results.ind.protocol.base')}</dt>
        <dd data-testid="ind-base">{two(assessment.base)}</dd>
      </div>
      <div>
        <dt>{t('results.ind.bonus')}</dt>
        <dd>{two(assessment.bonus)}</dd>
      </div>
      <div>
        <dt>{t('results.ind.penalty')}</dt>
        <dd>{two(assessment.penalty)}</dd>
      </div>
      <div>
        <dt>{t('results.protocol.total')}</dt>
        <dd data-testid="ind-total">
          <strong>{two(assessment.total)}</strong>
        </dd>
      </div>
      <div>
        <dt>{t('results.protocol.rank')}</dt>
        <dd data-testid="ind-rank">
          {assessment.vetoed ? t('results.ind.veto') : assessment.rank === null ? t('results.protocol.unranked') : t('results.rank', { rank: assessment.rank })}
        </dd>
      </div>
    </dl>
  );
}
