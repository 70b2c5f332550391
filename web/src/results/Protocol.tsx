import type { ReactNode } from 'react';
import type { ResultsAssessmentQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { byLabel, entryName, twoDecimals } from './format';
import { TableWrap } from './TableWrap';

export type Assessment = ResultsAssessmentQuery['assessment'];
type Sheet = Assessment['sheets'][number];

/** A value trimming dropped: struck through, and said in words for screen readers. */
function Dropped({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <del className="dropped">
      {children}
      <span className="visually-hidden">{t('results.protocol.droppedSr')}</span>
    </del>
  );
}

/** Who pitched, as a protocol names them. */
export function ProtocolHeading({ assessment, level = 3 }: { assessment: Assessment; level?: 2 | 3 }) {
  const { t } = useI18n();
  const { entry } = assessment;
  const Heading = level === 2 ? 'h2' : 'h3';
  const facts = [entry.cadre ? entry.unit?.name : null, entry.cadre?.position, entry.group, t('results.protocol.order', { n: entry.order })].filter(Boolean);
  return (
    <div className="protocol-heading">
      <Heading id={`protocol-title-${entry.id}`}>{t('results.protocol.title', { name: entryName(entry) })}</Heading>
      <p className="muted">
        {entry.title}
        {facts.length ? ` · ${facts.join(' · ')}` : ''}
      </p>
    </div>
  );
}

/**
 * One entry's scoring protocol: every judge's marks by label, what trimming dropped
 * struck through, the per-criterion means, the raw and official totals and the rank.
 * `showNames` adds the judge's name beside the label (organizers on screen; printouts
 * carry labels only, since they end up on notice boards).
 */
export function ProtocolTable({ assessment, showNames }: { assessment: Assessment; showNames: boolean }) {
  const { t } = useI18n();
  const sheets = [...assessment.sheets].sort(byLabel);
  const zscore = assessment.normalization === 'ZSCORE';
  return (
    <div className="protocol">
      {!assessment.sheetsVisible ? <p className="note note-info">{t('results.protocol.hidden')}</p> : null}
      <TableWrap label={t('results.protocol.region')}>
        <table className="table protocol-table" aria-labelledby={`protocol-title-${assessment.entry.id}`}>
          <thead>
            <tr>
              <th scope="col">{t('results.protocol.judge')}</th>
              {assessment.criteria.map((c) => (
                <th scope="col" className="num" key={c.criterion}>
                  {c.label}
                  <span className="protocol-max">{t('results.protocol.max', { max: twoDecimals(c.maxScore) })}</span>
                </th>
              ))}
              <th scope="col" className="num">
                {t('results.protocol.sheetTotal')}
              </th>
              {zscore ? (
                <th scope="col" className="num">
                  {t('results.protocol.normalized')}
                </th>
              ) : null}
              <th scope="col">{t('results.protocol.counted')}</th>
            </tr>
          </thead>
          <tbody>
            {sheets.map((sheet) => (
              <SheetRow key={sheet.id} sheet={sheet} criteria={assessment.criteria} showName={showNames} zscore={zscore} />
            ))}
            {sheets.length === 0 ? (
              <tr>
                <td colSpan={assessment.criteria.length + (zscore ? 4 : 3)} className="muted">
                  {t('results.protocol.noSheets')}
                </td>
              </tr>
            ) : null}
          </tbody>
          <tfoot>
            <tr className="protocol-means">
              <th scope="row">{t('results.protocol.means')}</th>
              {assessment.criteria.map((c) => (
                <td className="num" key={c.criterion}>
                  {twoDecimals(c.mean)}
                </td>
              ))}
              <td className="num">
                <strong>{twoDecimals(assessment.total)}</strong>
              </td>
              {zscore ? <td /> : null}
              <td>{t('results.protocol.official')}</td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <dl className="protocol-summary">
        <div>
          <dt>{t('results.protocol.rawTotal')}</dt>
          <dd data-testid="protocol-raw">{twoDecimals(assessment.rawTotal)}</dd>
        </div>
        <div>
          <dt>{t('results.protocol.total')}</dt>
          <dd data-testid="protocol-total">
            <strong>{twoDecimals(assessment.total)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('results.protocol.rank')}</dt>
          <dd data-testid="protocol-rank">{assessment.rank === null ? t('results.protocol.unranked') : t('results.rank', { rank: assessment.rank })}</dd>
        </div>
        <div>
          <dt>{t('results.protocol.sheetCount')}</dt>
          <dd>{assessment.sheetCount}</dd>
        </div>
        {assessment.entry.classResults.map((c) => (
          <div key={c.key} data-testid="protocol-class">
            <dt>{t('results.protocol.class', { label: c.label, weight: Math.round(c.weight * 1000) / 10 })}</dt>
            <dd>
              {c.source === 'AUDIENCE'
                ? t('results.protocol.classBallots', { result: twoDecimals(c.result), n: c.sheetCount })
                : t('results.protocol.classResult', { result: twoDecimals(c.result), n: c.sheetCount })}
            </dd>
          </div>
        ))}
        {assessment.entry.bonus > 0 ? (
          <div>
            <dt>{t('results.protocol.bonus')}</dt>
            <dd>+{twoDecimals(assessment.entry.bonus)}</dd>
          </div>
        ) : null}
        {assessment.entry.overtimeDeduction > 0 ? (
          <div>
            <dt>{t('results.protocol.overtime')}</dt>
            <dd>−{twoDecimals(assessment.entry.overtimeDeduction)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="muted small protocol-legend">{t('results.protocol.legend')}</p>
    </div>
  );
}

function SheetRow({ sheet, criteria, showName, zscore }: { sheet: Sheet; criteria: Assessment['criteria']; showName: boolean; zscore: boolean }) {
  const { t } = useI18n();
  const marks = new Map(sheet.marks.map((m) => [m.criterion, m.score]));
  const droppedMarks = new Set(sheet.trimmedMarks);
  const cell = (value: string, dropped: boolean) => (dropped ? <Dropped>{value}</Dropped> : value);
  return (
    <tr className={sheet.trimmed ? 'protocol-dropped' : undefined} data-judge={sheet.judgeLabel} data-trimmed={sheet.trimmed ? 'true' : 'false'}>
      <th scope="row">
        {sheet.judgeLabel}
        {showName && sheet.judge !== sheet.judgeLabel ? <span className="protocol-judge-name"> {sheet.judge}</span> : null}
      </th>
      {criteria.map((c) => {
        const dropped = sheet.trimmed || droppedMarks.has(c.criterion);
        return (
          <td className="num" key={c.criterion} data-criterion={c.criterion} data-dropped={dropped ? 'true' : 'false'}>
            {cell(twoDecimals(marks.get(c.criterion)), dropped)}
          </td>
        );
      })}
      <td className="num">{cell(twoDecimals(sheet.total), sheet.trimmed)}</td>
      {zscore ? <td className="num">{cell(twoDecimals(sheet.normalizedTotal), sheet.trimmed)}</td> : null}
      <td>
        {sheet.trimmed
          ? t('results.protocol.droppedSheet')
          : droppedMarks.size
            ? t('results.protocol.droppedSome', { n: droppedMarks.size })
            : t('results.protocol.kept')}
      </td>
    </tr>
  );
}
