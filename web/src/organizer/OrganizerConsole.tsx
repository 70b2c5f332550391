import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../api/hooks';
import { ErrorNote, Loading, Note, StatusBadge } from '../components/ui';
import { CompetitionsDocument, CreateCompetitionDocument, CreateRoundDocument, RubricsDocument, type CompetitionsQuery, type LeaderboardVisibility } from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { CadreImport } from './CadreImport';
import { RoundPanel } from './RoundPanel';
import { RubricEditor, type RubricSummary } from './RubricEditor';

export type Competition = CompetitionsQuery['competitions']['edges'][number]['node'];
export type RoundSummary = Competition['rounds'][number];

export function OrganizerConsole({ roundId }: { roundId: string | undefined }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(CompetitionsDocument, {}, { pollMs: 30_000 });
  const rubricsQuery = useQuery(RubricsDocument, {});
  const rubrics = rubricsQuery.data?.rubrics.edges.map((e) => e.node) ?? [];
  const competitions = data?.competitions.edges.map((e) => e.node) ?? [];
  const allRounds = competitions.flatMap((c) => c.rounds.map((r) => ({ round: r, competition: c })));
  // Without a round in the address, show the first round being scored.
  const chosen =
    allRounds.find((x) => x.round.id === roundId) ?? (roundId ? undefined : (allRounds.find((x) => x.round.status === 'OPEN') ?? allRounds[0]));

  return (
    <div className="console">
      <h1 className="visually-hidden">{t('org.title')}</h1>
      <aside className="console-side" aria-labelledby="competitions-title">
        <h2 id="competitions-title">{t('org.competitions')}</h2>
        {error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
        {!data && !error ? <Loading /> : null}
        {data && competitions.length === 0 ? <Note>{t('org.noCompetitions')}</Note> : null}
        {competitions.map((competition) => (
          <article key={competition.id} className="competition">
            <h3>{competition.name}</h3>
            {competition.description ? <p className="muted small">{competition.description}</p> : null}
            {competition.rounds.length === 0 ? <p className="muted small">{t('org.noRounds')}</p> : null}
            <ul className="round-list">
              {competition.rounds.map((round) => {
                const active = chosen?.round.id === round.id;
                return (
                  <li key={round.id} className={active ? 'round-item round-active' : 'round-item'}>
                    <Link
                      to={`/organizer/rounds/${encodeURIComponent(round.id)}`}
                      aria-current={active ? 'page' : undefined}
                      className="round-link"
                    >
                      <span>{round.name}</span>
                      <StatusBadge status={round.status} />
                    </Link>
                    <span className="muted small">
                      {t('org.entries', { n: round.entryCount })} · {t(`visibility.${round.leaderboardVisibility}`)}
                    </span>
                  </li>
                );
              })}
            </ul>
            <NewRound competition={competition} rubrics={rubrics} onCreated={(id) => (void refetch(), navigate(`/organizer/rounds/${encodeURIComponent(id)}`))} />
          </article>
        ))}
        <NewCompetition onCreated={() => void refetch()} />
      </aside>

      <div className="console-main">
        {chosen ? (
          <RoundPanel
            key={chosen.round.id}
            round={chosen.round}
            competition={chosen.competition}
            onChanged={() => void refetch()}
          />
        ) : null}
        <RubricEditor rubrics={rubrics} onSaved={() => void rubricsQuery.refetch()} />
        <CadreImport />
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
        {done ? <Note kind="ok" live>{done}</Note> : null}
        <button type="submit" className="button-primary" disabled={pending || !name.trim()}>
          {t('org.create')}
        </button>
      </form>
    </details>
  );
}

const VISIBILITIES: LeaderboardVisibility[] = ['LIVE', 'AFTER_CLOSE', 'AFTER_PUBLISH'];

function NewRound({ competition, rubrics, onCreated }: { competition: Competition; rubrics: RubricSummary[]; onCreated: (roundId: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const last = competition.rounds.at(-1);
  const [name, setName] = useState('');
  const [rubricId, setRubricId] = useState(last?.rubric.id ?? rubrics[0]?.id ?? '');
  const [trimHighest, setTrimHighest] = useState(last?.trimHighest ?? 0);
  const [trimLowest, setTrimLowest] = useState(last?.trimLowest ?? 0);
  const [quorum, setQuorum] = useState(last?.quorum ?? 1);
  const [visibility, setVisibility] = useState<LeaderboardVisibility>(last?.leaderboardVisibility ?? 'AFTER_CLOSE');
  const { mutate, pending, error } = useMutation(CreateRoundDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await mutate({
      input: { competitionId: competition.id, name: name.trim(), rubricId: rubricId.trim(), trimHighest, trimLowest, quorum, leaderboardVisibility: visibility },
    });
    if (created) {
      setName('');
      onCreated(created.createRound.id);
    }
  };
  return (
    <details className="create">
      <summary>{t('org.newRound')}</summary>
      <form onSubmit={submit} className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.roundName')}</label>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-rubric`}>{t('rubric.pick')}</label>
          <select id={`${id}-rubric`} required value={rubricId} aria-describedby={`${id}-rubric-hint`} onChange={(e) => setRubricId(e.target.value)}>
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
        <NumberField label={t('org.trimHighest')} value={trimHighest} min={0} onChange={setTrimHighest} />
        <NumberField label={t('org.trimLowest')} value={trimLowest} min={0} onChange={setTrimLowest} />
        <NumberField label={t('org.quorum')} value={quorum} min={1} onChange={setQuorum} />
        <div className="field">
          <label htmlFor={`${id}-vis`}>{t('org.visibility')}</label>
          <select id={`${id}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value as LeaderboardVisibility)}>
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`visibility.${v}`)}
              </option>
            ))}
          </select>
        </div>
        {error ? <ErrorNote error={error} /> : null}
        <button type="submit" className="button-primary" disabled={pending || !name.trim() || !rubricId.trim()}>
          {t('org.create')}
        </button>
      </form>
    </details>
  );
}

export function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max?: number; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        onChange={(e) => onChange(Math.max(min, Math.trunc(Number(e.target.value) || 0)))}
      />
    </div>
  );
}

export { VISIBILITIES };
