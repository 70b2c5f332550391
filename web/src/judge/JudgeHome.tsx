import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { MyAssignmentsDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { OutboxPanel } from './OutboxPanel';

export function JudgeHome() {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(MyAssignmentsDocument, {}, { pollMs: 30_000 });
  return (
    <section aria-labelledby="judge-title">
      <h1 id="judge-title">{t('judge.title')}</h1>
      <OutboxPanel />
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.myAssignments.length === 0 ? <Note>{t('judge.none')}</Note> : null}
      <ul className="card-list">
        {data?.myAssignments.map((round) => (
          <li key={round.id} className="card">
            <div className="card-head">
              <h2 className="card-title">{round.name}</h2>
              <StatusBadge status={round.status} />
            </div>
            <p className="muted">{round.competition.name}</p>
            <p>{t('judge.progress', { done: round.mySheets.length, total: round.entryCount })}</p>
            <Link to={`/judge/rounds/${encodeURIComponent(round.id)}`} className="button button-primary">
              {t('judge.open')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
