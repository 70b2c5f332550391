import { useI18n } from '../../i18n';
import { cellKey, entryName, type IndicatorRecord, type IndicatorRoundRecord, type ValueRecord } from '../model';
import { StatusMark } from './StatusMark';
import { progressOf, valuesByCell, type Progress } from './values';

/** "12 个单位 × 5 项指标 = 60 个数据：已审核 40、已录入待审核 12、未录入 8", with a bar in three parts. */
export function ProgressSummary({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const total = progress.entries * progress.indicators;
  const part = (n: number) => (total ? `${(n / total) * 100}%` : '0');
  return (
    <div className="indicator-progress" data-testid="indicator-progress">
      <p>
        <strong>{t('indicators.progress.size', { units: progress.entries, indicators: progress.indicators, cells: total })}</strong>{' '}
        <span data-testid="progress-counts">
          {t('indicators.progress.counts', { verified: progress.verified, entered: progress.entered, missing: progress.missing })}
        </span>
      </p>
      <div
        className="stack-bar"
        role="img"
        aria-label={t('indicators.progress.counts', { verified: progress.verified, entered: progress.entered, missing: progress.missing })}
      >
        <span className="stack-verified" style={{ width: part(progress.verified) }} />
        <span className="stack-entered" style={{ width: part(progress.entered) }} />
      </div>
    </div>
  );
}

/** 进度: per indicator and per unit, how many values are verified, waiting, or missing. */
export function ProgressPanel({ round, values }: { round: IndicatorRoundRecord; values: readonly ValueRecord[] }) {
  const { t } = useI18n();
  const indicators = round.method.indicatorSet.indicators;
  const byCell = valuesByCell(values);
  const count = (entries: typeof round.entries, list: readonly IndicatorRecord[]) => progressOf(entries, list, values);
  const incomplete = round.entries.map((entry) => ({ entry, p: count([entry], indicators) })).filter(({ p }) => p.verified < p.indicators);
  return (
    <div className="progress-panel" data-testid="progress-panel">
      <h4>{t('indicators.progress.byIndicator')}</h4>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('indicators.progress.byIndicator')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicators.verify.indicator')}</th>
              <th scope="col" className="num">
                <StatusMark status="VERIFIED" />
              </th>
              <th scope="col" className="num">
                <StatusMark status="ENTERED" />
              </th>
              <th scope="col" className="num">
                <StatusMark status="missing" />
              </th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator) => {
              const p = count(round.entries, [indicator]);
              return (
                <tr key={indicator.key}>
                  <th scope="row">{indicator.label}</th>
                  <td className="num">{p.verified}</td>
                  <td className="num">{p.entered}</td>
                  <td className="num">{p.missing}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h4>{t('indicators.progress.byUnit', { n: incomplete.length })}</h4>
      {incomplete.length === 0 ? (
        <p className="muted">{t('indicators.progress.allVerified')}</p>
      ) : (
        <ul className="incomplete-list">
          {incomplete.map(({ entry }) => {
            const entered = indicators.filter((i) => byCell.get(cellKey(entry.id, i.key))?.status === 'ENTERED');
            const missing = indicators.filter((i) => !byCell.has(cellKey(entry.id, i.key)));
            return (
              <li key={entry.id}>
                <strong>{entryName(entry)}</strong>：
                {[
                  entered.length ? t('indicators.progress.unitEntered', { list: entered.map((i) => i.label).join('、') }) : null,
                  missing.length ? t('indicators.progress.unitMissing', { list: missing.map((i) => i.label).join('、') }) : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
