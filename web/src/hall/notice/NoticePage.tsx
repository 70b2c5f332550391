import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { LiveFileObjectionDocument, LiveNoticeBoardDocument, type LiveNoticeBoardQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { beijingMoment } from './beijing';
import './notice.css';

type Board = LiveNoticeBoardQuery['noticeBoard'];
type Field = 'entry' | 'name' | 'contact' | 'grounds';

/**
 * The public notice (公示) of a published round, for anyone with the link and no account,
 * phone first: the results in rank order, when the notice period ends (Beijing time), and
 * while it runs a form to file an objection (异议) about one entry.
 */
export function NoticePage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(LiveNoticeBoardDocument, { roundId }, { pollMs: 60_000 });
  const board = data?.noticeBoard ?? null;

  if (!board) return error ? <ErrorNote error={error} onRetry={() => void refetch()} /> : <Loading />;

  return (
    <article className="notice" aria-labelledby="notice-title">
      <header className="notice-head">
        <p className="notice-kicker">{t('live.notice.kicker')}</p>
        <h1 id="notice-title">{board.competitionName}</h1>
        <p className="notice-round">{t('live.notice.round', { round: board.roundName })}</p>
        <NoticePeriod board={board} />
      </header>
      <Results board={board} />
      {board.open ? <ObjectionForm board={board} /> : <ClosedNote board={board} />}
    </article>
  );
}

/** 「12月9日 10:32」 in Beijing time, whatever the reader's phone is set to. */
function beijingText(t: ReturnType<typeof useI18n>['t'], iso: string): string {
  const at = beijingMoment(iso);
  return `${t('live.notice.date', { month: at.month, day: at.day })} ${at.time}`;
}

function NoticePeriod({ board }: { board: Board }) {
  const { t } = useI18n();
  if (!board.noticeEndsAt) return null;
  const end = beijingMoment(board.noticeEndsAt);
  return (
    <p className="notice-period" data-testid="notice-period">
      <strong>{t('live.notice.until', { date: t('live.notice.date', { month: end.month, day: end.day }), time: end.time })}</strong>
      <span className="muted">{t('live.notice.beijing')}</span>
    </p>
  );
}

function ClosedNote({ board }: { board: Board }) {
  const { t } = useI18n();
  return (
    <p className="notice-closed" role="status" data-testid="notice-closed">
      {board.noticeEndsAt ? t('live.notice.closed') : t('live.notice.none')}
    </p>
  );
}

/** Who an entry is, as the notice names them: the cadre with their unit, or the unit. */
function whoOf(t: ReturnType<typeof useI18n>['t'], entry: Board['entries'][number]): string {
  return entry.unitName && entry.unitName !== entry.name ? t('live.objection.nameWithUnit', { name: entry.name, unit: entry.unitName }) : entry.name;
}

function Results({ board }: { board: Board }) {
  const { t, score } = useI18n();
  // A unit entry's name is its unit's: when no entry names a cadre, one 单位 column says who.
  const cadres = board.entries.some((e) => e.name !== e.unitName);
  return (
    <section aria-labelledby="notice-results">
      <h2 id="notice-results">{t('live.notice.results')}</h2>
      <table className="notice-table" aria-labelledby="notice-results">
        <thead>
          <tr>
            <th scope="col" className="notice-rank">
              {t('live.notice.rank')}
            </th>
            {cadres ? <th scope="col">{t('live.notice.name')}</th> : null}
            <th scope="col">{t('live.notice.unit')}</th>
            <th scope="col">{t('live.notice.title')}</th>
            <th scope="col" className="notice-num">
              {t('live.notice.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {board.entries.map((e) => (
            <tr key={e.id} data-entry={e.id}>
              <td className="notice-rank">{e.rank ?? '—'}</td>
              {cadres ? (
                <>
                  <th scope="row" className="notice-name">
                    {e.name}
                  </th>
                  <td className="notice-unit">{e.unitName ?? '—'}</td>
                </>
              ) : (
                <th scope="row" className="notice-name notice-name-unit">
                  {e.unitName ?? e.name}
                </th>
              )}
              <td className="notice-title">{e.title}</td>
              <td className="notice-num notice-total">{score(e.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ObjectionForm({ board }: { board: Board }) {
  const { t } = useI18n();
  const id = useId();
  const empty = { entry: '', name: '', contact: '', grounds: '' };
  const [values, setValues] = useState<Record<Field, string>>(empty);
  const [tried, setTried] = useState(false);
  const [filed, setFiled] = useState<{ id: string; filedAt: string; entry: string } | null>(null);
  const { mutate, pending, error, reset } = useMutation(LiveFileObjectionDocument);

  const problems: Partial<Record<Field, string>> = {};
  if (!values.entry) problems.entry = t('live.objection.entryMissing');
  if (!values.name.trim()) problems.name = t('live.objection.nameMissing');
  if (!values.contact.trim()) problems.contact = t('live.objection.contactMissing');
  if (!values.grounds.trim()) problems.grounds = t('live.objection.groundsMissing');
  const entryLabel = (entryId: string) => {
    const e = board.entries.find((x) => x.id === entryId);
    return e ? whoOf(t, e) : entryId;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0 || pending) {
      const first = (['entry', 'name', 'contact', 'grounds'] as const).find((f) => problems[f]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    const answer = await mutate({
      input: { roundId: board.roundId, entryId: values.entry, name: values.name.trim(), contact: values.contact.trim(), grounds: values.grounds.trim() },
    });
    if (answer) {
      setFiled({ id: answer.fileObjection.id, filedAt: answer.fileObjection.filedAt, entry: values.entry });
      setValues(empty);
      setTried(false);
    }
  };

  if (filed) {
    return (
      <section className="objection objection-filed" aria-labelledby={`${id}-done`} data-testid="objection-filed">
        <h2 id={`${id}-done`}>{t('live.objection.filedTitle')}</h2>
        <p role="status">{t('live.objection.filed', { entry: entryLabel(filed.entry), time: beijingText(t, filed.filedAt) })}</p>
        <p className="muted">{t('live.objection.filedHint')}</p>
        <button type="button" className="button" onClick={() => setFiled(null)}>
          {t('live.objection.another')}
        </button>
      </section>
    );
  }

  const set = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (error) reset();
  };
  const shown = (field: Field) => (tried ? problems[field] : undefined);
  const describedBy = (field: Field, hint?: string) => [hint, shown(field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const problem = (field: Field) =>
    shown(field) ? (
      <p className="field-error" id={`${id}-${field}-error`}>
        {shown(field)}
      </p>
    ) : null;

  return (
    <section className="objection" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('live.objection.title')}</h2>
      <p className="muted">{t('live.objection.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-entry`}>{t('live.objection.entry')}</label>
          <select
            id={`${id}-entry`}
            value={values.entry}
            required
            aria-invalid={!!shown('entry') || undefined}
            aria-describedby={describedBy('entry')}
            onChange={(e) => set('entry', e.target.value)}
          >
            <option value="">{t('live.objection.entryPick')}</option>
            {board.entries.map((e) => (
              <option key={e.id} value={e.id}>
                {e.rank ? `${t('live.objection.rankOf', { n: e.rank })} ` : ''}
                {entryLabel(e.id)}
              </option>
            ))}
          </select>
          {problem('entry')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('live.objection.name')}</label>
          <input
            id={`${id}-name`}
            value={values.name}
            maxLength={50}
            autoComplete="name"
            required
            aria-invalid={!!shown('name') || undefined}
            aria-describedby={describedBy('name')}
            onChange={(e) => set('name', e.target.value)}
          />
          {problem('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-contact`}>{t('live.objection.contact')}</label>
          <input
            id={`${id}-contact`}
            value={values.contact}
            maxLength={100}
            autoComplete="tel"
            inputMode="tel"
            required
            aria-invalid={!!shown('contact') || undefined}
            aria-describedby={describedBy('contact', `${id}-contact-hint`)}
            onChange={(e) => set('contact', e.target.value)}
          />
          <p className="muted small" id={`${id}-contact-hint`}>
            {t('live.objection.contactHint')}
          </p>
          {problem('contact')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-grounds`}>{t('live.objection.grounds')}</label>
          <textarea
            id={`${id}-grounds`}
            rows={5}
            maxLength={2000}
            value={values.grounds}
            required
            aria-invalid={!!shown('grounds') || undefined}
            aria-describedby={describedBy('grounds', `${id}-grounds-hint`)}
            onChange={(e) => set('grounds', e.target.value)}
          />
          <p className="muted small" id={`${id}-grounds-hint`}>
            {t('live.objection.groundsHint')}
          </p>
          {problem('grounds')}
        </div>
        {error ? <ErrorNote error={error} /> : null}
        {tried && Object.keys(problems).length > 0 ? <Note kind="warn">{t('live.objection.fix', { n: Object.keys(problems).length })}</Note> : null}
        <button type="submit" className="button-primary objection-submit" disabled={pending}>
          {pending ? t('live.objection.sending') : t('live.objection.submit')}
        </button>
      </form>
    </section>
  );
}
