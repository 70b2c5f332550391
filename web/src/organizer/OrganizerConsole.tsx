import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import {
  ArchivedListingDocument,
  ConsoleCompetitionsDocument,
  CreateCompetitionDocument,
  RubricsDocument,
  type ArchivedListingQuery,
  type ConsoleCompetitionsQuery,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, navigate, useLocation } from '../router';
import { RoundPanel } from './RoundPanel';
import { RubricEditor } from './RubricEditor';
import { CompetitionHousekeeping } from './round/Housekeeping';
import { NewRound } from './round/NewRound';
import { roundPath, type CompetitionSummary, type RoundSummary } from './round/types';

const byCreation = (a: { createdAt: string }, b: { createdAt: string }) => a.createdAt.localeCompare(b.createdAt);

/**
 * The side list: active competitions with their active rounds and, when asked for, the
 * archived competitions and every archived round merged in (the API lists archived ones
 * only under `archived: true`).
 */
function listing(active: ConsoleCompetitionsQuery | undefined, archived: ArchivedListingQuery | undefined): CompetitionSummary[] {
  if (!active) return [];
  const extraRounds = new Map<string, RoundSummary[]>();
  for (const { node } of [...(archived?.active.edges ?? []), ...(archived?.archived.edges ?? [])]) extraRounds.set(node.id, node.archivedRounds);
  const competitions: CompetitionSummary[] = [...active.competitions.edges, ...(archived?.archived.edges ?? [])].map(({ node }) => ({
    id: node.id,
    name: node.name,
    description: node.description,
    archivedAt: node.archivedAt,
    createdAt: node.createdAt,
    rounds: [...node.rounds, ...(extraRounds.get(node.id) ?? [])].sort(byCreation),
  }));
  return competitions.sort((a, b) => byCreation(b, a));
}

export function OrganizerConsole({ roundId }: { roundId: string | undefined }) {
  const { t } = useI18n();
  const toggleId = useId();
  const [showArchived, setShowArchived] = useState(false);
  const newRoundFor = useLocation().query.get('newRound');
  const { data, error, refetch: refetchActive } = useQuery(ConsoleCompetitionsDocument, {}, { pollMs: 30_000 });
  const archived = useQuery(ArchivedListingDocument, {}, { skip: !showArchived });
  const refetch = async () => {
    await Promise.all([refetchActive(), showArchived ? archived.refetch() : undefined]);
  };
  const rubricsQuery = useQuery(RubricsDocument, {});
  const rubrics = rubricsQuery.data?.rubrics.edges.map((e) => e.node) ?? [];
  const competitions = listing(data, showArchived ? archived.data : undefined);
  const allRounds = competitions.flatMap((c) => c.rounds);
  const creatingIn = roundId ? undefined : competitions.find((c) => c.id === newRoundFor);
  // Without a round in the address, show the first round being scored.
  const chosen = roundId ?? (allRounds.find((r) => r.status === 'OPEN' && !r.archivedAt) ?? allRounds.find((r) => !r.archivedAt))?.id;

  return (
    <div className="console">
      <h1 className="visually-hidden">{t('org.title')}</h1>
      <aside className="console-side" aria-labelledby="competitions-title">
        <div className="side-head">
          <h2 id="competitions-title">{t('org.competitions')}</h2>
          <div className="field field-check">
            <input id={toggleId} type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            <label htmlFor={toggleId}>{t('round.showArchived')}</label>
          </div>
        </div>
        {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
        {showArchived && archived.error ? <ErrorNote error={archived.error} onRetry={() => void archived.refetch()} /> : null}
        {!data && !error ? <Loading /> : null}
        {data && competitions.length === 0 ? <Note>{t('org.noCompetitions')}</Note> : null}
        {competitions.map((competition) => (
          <article key={competition.id} className={competition.archivedAt ? 'competition competition-archived' : 'competition'}>
            <h3>
              {competition.name}
              {competition.archivedAt ? <span className="tag">{t('round.archived')}</span> : null}
            </h3>
            {competition.description ? <p className="muted small">{competition.description}</p> : null}
            {competition.rounds.length === 0 ? <p className="muted small">{t('org.noRounds')}</p> : null}
            <ul className="round-list">
              {competition.rounds.map((round) => {
                const active = chosen === round.id;
                return (
                  <li key={round.id} className={active ? 'round-item round-active' : 'round-item'}>
                    <Link to={roundPath(round.id)} aria-current={active ? 'page' : undefined} className="round-link">
                      <span>{round.name}</span>
                      <span className="round-badges">
                        {round.archivedAt ? <span className="tag">{t('round.archived')}</span> : null}
                        <StatusBadge status={round.status} measured={round.method.__typename !== 'PanelMethod'} />
                      </span>
                    </Link>
                    <span className="muted small">
                      {round.method.__typename === 'PanelMethod' ? t('org.entries', { n: round.entryCount }) : t('org.units', { n: round.entryCount })} ·{' '}
                      {t(`visibility.${round.leaderboardVisibility}`)}
                    </span>
                  </li>
                );
              })}
            </ul>
            {competition.archivedAt ? null : (
              <Link
                to={`/organizer?newRound=${encodeURIComponent(competition.id)}`}
                className="summary-link new-round-link"
                aria-current={newRoundFor === competition.id ? 'page' : undefined}
              >
                {t('org.newRound')}
              </Link>
            )}
            <CompetitionHousekeeping competition={competition} onChanged={() => void refetch()} />
          </article>
        ))}
        <NewCompetition onCreated={() => void refetch()} />
      </aside>

      <div className="console-main">
        {creatingIn ? (
          <NewRound
            key={creatingIn.id}
            competition={creatingIn}
            rubrics={rubrics}
            onCreated={(id) => {
              void refetch();
              navigate(roundPath(id));
            }}
          />
        ) : chosen ? (
          <RoundPanel key={chosen} roundId={chosen} onChanged={() => void refetch()} />
        ) : null}
        <RubricEditor rubrics={rubrics} onSaved={() => void rubricsQuery.refetch()} />
      </div>
    </div>
  );
}

function NewCompetition({ onCreated }: { onCreated: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { mutate, pending, error } = useMutation(CreateCompetitionDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mutate({ input: { name: name.trim(), description: description.trim() || null } });
    if (created) {
      setDone(t('org.created', { name: created.createCompetition.name }));
      setName('');
      setDescription('');
      onCreated();
    }
  };
  return (
    <details className="create">
      <summary>{t('org.newCompetition')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.competitionName')}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>{t('org.description')}</label>
          <textarea id={`${id}-desc`} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {error ? <ErrorNote error={error} /> : null}
        {done ? (
          <Note kind="ok" live>
            {done}
          </Note>
        ) : null}
        <button type="submit" className="button-primary" disabled={pending || !name.trim()}>
          {t('org.create')}
        </button>
      </form>
    </details>
  );
}
