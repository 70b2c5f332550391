import { useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { CompetitionsDocument } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link } from '../router';

/** Which round goes on the hall's screen. */
export function ScreenPicker() {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(CompetitionsDocument, {});
  const competitions = data?.competitions.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="picker-title">
      <h1 id="picker-title">{t('screen.pick')}</h1>
      {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && competitions.length === 0 ? <Note>{t('org.noCompetitions')}</Note> : null}
      {competitions.map((c) => (
        <div key={c.id} className="card">
          <h2 className="card-title">{c.name}</h2>
          <ul className="picker-list">
            {c.rounds
              .filter((r) => r.status !== 'DRAFT')
              .map((r) => (
                <li key={r.id}>
                  <Link to={`/screen/${encodeURIComponent(r.id)}`} className="button">
                    {r.name}
                  </Link>{' '}
                  <StatusBadge status={r.status} /> <span className="muted small">{t(`visibility.${r.leaderboardVisibility}`)}</span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
