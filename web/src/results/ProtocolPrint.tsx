import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note } from '../components/ui';
import { ResultsAssessmentDocument, ResultsRoundDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { byLabel, entryName } from './format';
import { PrintHeader, PrintToolbar, Signatures } from './PrintSheet';
import { ProtocolHeading, ProtocolTable } from './Protocol';
import { resultsPath } from './ResultsPage';
import './results.css';
import './print.css';

/** One entry's scoring protocol as an A4 page: marks by judge label, what was dropped, means, totals, signatures. */
export function ProtocolPrint({ entryId }: { entryId: string }) {
  const { t } = useI18n();
  const assessment = useQuery(ResultsAssessmentDocument, { entryId });
  const roundId = assessment.data?.assessment.entry.round.id;
  const roundQuery = useQuery(ResultsRoundDocument, { id: roundId ?? '' }, { skip: !roundId });
  const round = roundQuery.data?.round;

  const error = (assessment.error && !assessment.data && assessment.error) || (roundQuery.error && !roundQuery.data && roundQuery.error);
  if (error) return <ErrorNote error={error} onRetry={() => void (assessment.data ? roundQuery.refetch() : assessment.refetch())} />;
  if (!assessment.data || !roundQuery.data) return <Loading />;
  if (!round) return <Note kind="warn">{t('results.notFound')}</Note>;

  const data = assessment.data.assessment;
  // Everyone on the panel signs, including a judge excused from this entry (回避).
  const labels = [...new Set([...round.judges.map((j) => j.label), ...data.sheets.map((s) => s.judgeLabel)])]
    .map((judgeLabel) => ({ judgeLabel }))
    .sort(byLabel)
    .map((s) => s.judgeLabel);
  return (
    <div className="print-doc" data-testid="print-protocol">
      <PrintToolbar back={`${resultsPath(round.id)}?entry=${encodeURIComponent(entryId)}`} backLabel={t('results.printout.back')} />
      <article className="print-page">
        <PrintHeader round={round} title={t('results.printout.protocolTitle', { round: round.name, name: entryName(data.entry) })} />
        <ProtocolHeading assessment={data} level={2} />
        <ProtocolTable assessment={data} showNames={false} />
        <Signatures labels={labels} />
      </article>
    </div>
  );
}
