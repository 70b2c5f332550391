import Papa from 'papaparse';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { useMutation, useQuery } from '../api/hooks';
import { ErrorNote, Note, StatusBadge } from '../components/ui';
import {
  AddEntriesDocument,
  AdvanceEntriesDocument,
  AssignJudgesDocument,
  CloseRoundDocument,
  OpenRoundDocument,
  PublishRoundDocument,
  RoundDetailDocument,
  SetLeaderboardVisibilityDocument,
  UpdateRoundDocument,
  type EntryInput,
  type LeaderboardVisibility,
} from '../gql/graphql';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { batches } from './csv';
import { NumberField, VISIBILITIES, type Competition, type RoundSummary } from './OrganizerConsole';
import { ProgressView } from './ProgressView';

/** addEntries takes at most this many per call. */
const ENTRY_BATCH = 99;

function rows(text: string): string[][] {
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data.map((r) => r.map((c) => c.trim()));
}

export function RoundPanel({ round, competition, onChanged }: { round: RoundSummary; competition: Competition; onChanged: () => void }) {
  const { t } = useI18n();
  const detail = useQuery(RoundDetailDocument, { id: round.id });
  const changed = () => {
    onChanged();
    void detail.refetch();
  };
  const status = detail.data?.round?.status ?? round.status;

  return (
    <section className="panel round-panel" aria-labelledby="round-title">
      <div className="panel-head">
        <div>
          <p className="muted small">{competition.name}</p>
          <h2 id="round-title">
            {round.name} <StatusBadge status={status} />
          </h2>
          <p className="muted small">
            {t('org.rubric', { name: round.rubric.name, version: round.rubric.version, max: round.rubric.maxTotal })}
            <br />
            {t('org.rule', { high: round.trimHighest, low: round.trimLowest, quorum: round.quorum })}
          </p>
        </div>
        <div className="panel-actions">
          <Lifecycle roundId={round.id} name={round.name} status={status} onChanged={changed} />
          <Link to={`/screen/${encodeURIComponent(round.id)}`} className="button">
            {t('org.screen')}
          </Link>
        </div>
      </div>
      {detail.data?.round?.amendmentCount ? <Amendments amendments={detail.data.round.amendments} count={detail.data.round.amendmentCount} /> : null}
      {status !== 'PUBLISHED' ? <Visibility roundId={round.id} value={round.leaderboardVisibility} onChanged={changed} /> : null}

      {status !== 'DRAFT' ? <ProgressView roundId={round.id} live={status === 'OPEN'} /> : null}

      {status === 'DRAFT' ? <Settings round={round} onChanged={changed} /> : null}
      {status === 'DRAFT' ? <Enrol roundId={round.id} nextOrder={round.entryCount + 1} onChanged={changed} /> : null}
      {status === 'DRAFT' || status === 'OPEN' ? (
        <Judges roundId={round.id} judges={detail.data?.round?.judges ?? []} onChanged={changed} />
      ) : null}
      {status === 'CLOSED' || status === 'PUBLISHED' ? <Advance round={round} competition={competition} onChanged={changed} /> : null}
    </section>
  );
}

type Amendment = { action: 'SHEET_VOIDED' | 'CONFLICT_SET'; judge: string; judgeLabel: string; actorId: string; reason: string; totalBefore?: number | null; totalAfter?: number | null; at: string; entry: { order: number; title: string } };

/** Changes to what counts made after the round closed: shown, not buried, so nobody publishes them unseen. */
function Amendments({ amendments, count }: { amendments: Amendment[]; count: number }) {
  const { t } = useI18n();
  const total = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));
  return (
    <div className="notice notice-warning" role="status" data-testid="amendments">
      <h3>{t('org.amended.title', { count })}</h3>
      <p className="small">{t('org.amended.intro')}</p>
      <ul>
        {amendments.map((a) => (
          <li key={`${a.at}-${a.entry.order}-${a.judgeLabel}`}>
            {t('org.amended.row', {
              order: a.entry.order,
              title: a.entry.title,
              action: t(`org.amended.${a.action}`),
              judge: a.judge,
              label: a.judgeLabel,
              actor: a.actorId,
              reason: a.reason,
              before: total(a.totalBefore),
              after: total(a.totalAfter),
              time: new Date(a.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Lifecycle({ roundId, name, status, onChanged }: { roundId: string; name: string; status: string; onChanged: () => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const open = useMutation(OpenRoundDocument);
  const close = useMutation(CloseRoundDocument);
  const publish = useMutation(PublishRoundDocument);
  const error = open.error ?? close.error ?? publish.error;
  const pending = open.pending || close.pending || publish.pending;
  const act = async () => {
    setConfirming(false);
    const done =
      status === 'DRAFT'
        ? await open.mutate({ id: roundId })
        : status === 'OPEN'
          ? await close.mutate({ id: roundId })
          : await publish.mutate({ id: roundId });
    if (done) onChanged();
  };
  if (status === 'PUBLISHED') return null;
  const label = status === 'DRAFT' ? t('org.open') : status === 'OPEN' ? t('org.close') : t('org.publish');
  return (
    <div className="lifecycle">
      {confirming ? (
        <div className="confirm" role="group" aria-label={label}>
          <span>{status === 'OPEN' ? t('org.confirmClose', { name }) : t('org.confirmPublish', { name })}</span>
          <button type="button" className="button-danger" onClick={() => void act()}>
            {label}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className={status === 'DRAFT' ? 'button-primary' : 'button-danger'}
          disabled={pending}
          onClick={() => (status === 'DRAFT' ? void act() : setConfirming(true))}
        >
          {label}
        </button>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function Visibility({ roundId, value, onChanged }: { roundId: string; value: LeaderboardVisibility; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { mutate, pending, error } = useMutation(SetLeaderboardVisibilityDocument);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('org.visibility')}</label>
      <select
        id={id}
        value={value}
        disabled={pending}
        onChange={async (e) => {
          if (await mutate({ roundId, visibility: e.target.value as LeaderboardVisibility })) onChanged();
        }}
      >
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t(`visibility.${v}`)}
          </option>
        ))}
      </select>
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function Settings({ round, onChanged }: { round: RoundSummary; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [name, setName] = useState(round.name);
  const [trimHighest, setTrimHighest] = useState(round.trimHighest);
  const [trimLowest, setTrimLowest] = useState(round.trimLowest);
  const [quorum, setQuorum] = useState(round.quorum);
  const [saved, setSaved] = useState(false);
  const { mutate, pending, error } = useMutation(UpdateRoundDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await mutate({ id: round.id, input: { name: name.trim(), trimHighest, trimLowest, quorum } })) {
      setSaved(true);
      onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('org.edit')}</summary>
      <form onSubmit={submit} className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('org.roundName')}</label>
          <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <NumberField label={t('org.trimHighest')} value={trimHighest} min={0} onChange={setTrimHighest} />
        <NumberField label={t('org.trimLowest')} value={trimLowest} min={0} onChange={setTrimLowest} />
        <NumberField label={t('org.quorum')} value={quorum} min={1} onChange={setQuorum} />
        {error ? <ErrorNote error={error} /> : null}
        {saved ? <Note kind="ok" live>{t('org.saved')}</Note> : null}
        <button type="submit" className="button-primary" disabled={pending}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

function Enrol({ roundId, nextOrder, onChanged }: { roundId: string; nextOrder: number; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    const entries: EntryInput[] = rows(text).map(([cadreId = '', title = '', group = ''], i) => ({
      cadreId,
      title: title || cadreId,
      group: group || null,
      order: nextOrder + i,
    }));
    let enrolled = 0;
    try {
      for (const batch of batches(entries, ENTRY_BATCH)) {
        enrolled += (await request(AddEntriesDocument, { roundId, entries: batch })).addEntries.length;
      }
      setText('');
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    } finally {
      setPending(false);
      setDone(enrolled);
      if (enrolled) onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>{t('org.enrol')}</summary>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('org.enrol')}</label>
          <textarea id={id} rows={4} className="mono" placeholder="XS0001,共富工坊带动村民增收,村书记" aria-describedby={`${id}-hint`} value={text} onChange={(e) => setText(e.target.value)} />
          <span id={`${id}-hint`} className="muted small">
            {t('org.enrolHint')}
          </span>
        </div>
        {error ? <ErrorNote error={error} /> : null}
        {done !== null ? <Note kind="ok" live>{t('org.enrolled', { n: done })}</Note> : null}
        <button type="submit" className="button-primary" disabled={pending || !text.trim()}>
          {t('org.enrolSubmit')}
        </button>
      </form>
    </details>
  );
}

function Judges({
  roundId,
  judges,
  onChanged,
}: {
  roundId: string;
  judges: { userId: string; name: string; label: string; unit: { name: string } | null }[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const { mutate, pending, error } = useMutation(AssignJudgesDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const list = rows(text).map(([userId = '', name = '', unitId = '']) => ({ userId, name: name || userId, unitId: unitId || null }));
    const result = await mutate({ roundId, judges: list });
    if (result) {
      setDone(result.assignJudges.length);
      setText('');
      onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>
        {t('org.judges')} ({judges.length})
      </summary>
      {judges.length ? (
        <ul className="inline-list">
          {judges.map((j) => (
            <li key={j.userId}>
              {j.label} {j.name}
              {j.unit ? ` · ${j.unit.name}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={id}>{t('org.assign')}</label>
          <textarea id={id} rows={3} className="mono" placeholder="judge-8,周明" aria-describedby={`${id}-hint`} value={text} onChange={(e) => setText(e.target.value)} />
          <span id={`${id}-hint`} className="muted small">
            {t('org.judgesHint')}
          </span>
        </div>
        {error ? <ErrorNote error={error} /> : null}
        {done !== null ? <Note kind="ok" live>{t('org.assigned', { n: done })}</Note> : null}
        <button type="submit" className="button-primary" disabled={pending || !text.trim()}>
          {t('org.assign')}
        </button>
      </form>
    </details>
  );
}

function Advance({ round, competition, onChanged }: { round: RoundSummary; competition: Competition; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const targets = competition.rounds.filter((r) => r.status === 'DRAFT' && r.id !== round.id);
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [top, setTop] = useState(10);
  const [perGroup, setPerGroup] = useState(false);
  const { mutate, pending, error, reset } = useMutation(AdvanceEntriesDocument);
  const [result, setResult] = useState<{ advanced: number; already: number } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const done = await mutate({ fromRoundId: round.id, toRoundId: to, top, perGroup });
    if (done) {
      setResult({ advanced: done.advanceEntries.advanced.length, already: done.advanceEntries.alreadyEnrolled.length });
      onChanged();
    }
  };
  return (
    <details className="subpanel" open>
      <summary>{t('org.advance')}</summary>
      <p className="muted small">{t('org.advanceHint')}</p>
      {targets.length === 0 ? (
        <Note>{t('org.noDraftRound')}</Note>
      ) : (
        <form onSubmit={submit} className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('org.advanceTo')}</label>
            <select id={`${id}-to`} value={to} onChange={(e) => (setTo(e.target.value), reset())}>
              {targets.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <NumberField label={t('org.advanceTop')} value={top} min={1} onChange={setTop} />
          <div className="field field-check">
            <input id={`${id}-per`} type="checkbox" checked={perGroup} onChange={(e) => setPerGroup(e.target.checked)} />
            <label htmlFor={`${id}-per`}>{t('org.advancePerGroup')}</label>
          </div>
          {error ? <ErrorNote error={error} /> : null}
          {result ? <Note kind="ok" live>{t('org.advanced', { n: result.advanced, already: result.already })}</Note> : null}
          <button type="submit" className="button-primary" disabled={pending || !to}>
            {t('org.advanceSubmit')}
          </button>
        </form>
      )}
    </details>
  );
}
