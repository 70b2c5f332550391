import { useState } from 'react';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';
import { useI18n, type MessageKey } from '../i18n';
import { downloadExport } from './download';

type Kind = 'leaderboard' | 'sheets' | 'standings';
type Format = 'xlsx' | 'csv';

const KINDS: { kind: Kind; label: MessageKey; hint: MessageKey }[] = [
  { kind: 'leaderboard', label: 'results.download.leaderboard', hint: 'results.download.leaderboardHint' },
  { kind: 'sheets', label: 'results.download.sheets', hint: 'results.download.sheetsHint' },
  { kind: 'standings', label: 'results.download.standings', hint: 'results.download.standingsHint' },
];
const FORMATS: Format[] = ['xlsx', 'csv'];

interface Props {
  roundId: string;
  roundName: string;
  competitionId: string;
  competitionName: string;
  /** The group tab open on the page: the leaderboard download is of that group. */
  group: string | null;
  /** The round's method: judge-level sheets exist for a judged panel only. */
  method?: 'PANEL' | 'INDICATORS' | 'PUBLIC_RATING';
}

type Outcome = { kind: 'ok'; text: string } | { kind: 'error'; text: string };

/**
 * CSV and XLSX downloads with the signed-in session. A refusal (the judge-level sheets
 * before publication, a format the server does not offer yet) is explained in words
 * beside the buttons instead of saving an error page as a spreadsheet.
 */
export function Downloads({ roundId, roundName, competitionId, competitionName, group, method = 'PANEL' }: Props) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Partial<Record<Kind, Outcome>>>({});

  const pathOf = (kind: Kind, format: Format) => {
    const params = new URLSearchParams({ lang: lang === 'en' ? 'en' : 'zh-CN' });
    if (kind === 'leaderboard' && group) params.set('group', group);
    const scope = kind === 'standings' ? `competitions/${encodeURIComponent(competitionId)}` : `rounds/${encodeURIComponent(roundId)}`;
    return `/export/${scope}/${kind}.${format}?${params}`;
  };
  const humanName = (kind: Kind, format: Format) => {
    const owner = kind === 'standings' ? competitionName : [roundName, kind === 'leaderboard' ? group : null].filter(Boolean).join('-');
    return `${owner}-${t(`results.download.file.${kind}`)}.${format}`;
  };

  const run = async (kind: Kind, format: Format) => {
    setPending(`${kind}.${format}`);
    setOutcomes((o) => ({ ...o, [kind]: undefined }));
    try {
      const saved = await downloadExport(pathOf(kind, format), humanName(kind, format));
      setOutcomes((o) => ({ ...o, [kind]: { kind: 'ok', text: t('results.download.saved', { name: saved }) } }));
    } catch (error) {
      setOutcomes((o) => ({ ...o, [kind]: { kind: 'error', text: refusalText(kind, format, error) } }));
    } finally {
      setPending(null);
    }
  };

  const refusalText = (kind: Kind, format: Format, error: unknown) => {
    const what = t(`results.download.${kind}`);
    if (error instanceof ApiError) {
      if (kind === 'sheets' && error.reason === 'RESULTS_NOT_VISIBLE') return t('results.download.sheetsBeforePublication');
      if (error.code === 'NOT_FOUND' && error.status === 404) return t('results.download.unavailable', { what, format: format.toUpperCase() });
    }
    return t('results.download.failed', { what, format: format.toUpperCase(), reason: describeError(t, error) });
  };

  return (
    <section className="panel results-downloads no-print" aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('results.download.title')}</h2>
      <ul className="download-list">
        {KINDS.filter(({ kind }) => method === 'PANEL' || kind !== 'sheets').map(({ kind, label, hint }) => {
          const outcome = outcomes[kind];
          const shownHint =
            kind === 'leaderboard' && group
              ? t(method === 'INDICATORS' ? 'results.download.groupOnlyIndicators' : 'results.download.groupOnly', { group })
              : kind === 'leaderboard' && method === 'INDICATORS'
                ? t('results.download.leaderboardHintIndicators')
                : kind === 'leaderboard' && method === 'PUBLIC_RATING'
                  ? t('ratings.results.downloadHint')
                  : t(hint);
          return (
            <li key={kind} className="download-item" data-kind={kind}>
              <div className="download-text">
                <strong>{t(label)}</strong>
                <span className="muted small">{shownHint}</span>
              </div>
              <div className="row">
                {FORMATS.map((format) => (
                  <button
                    key={format}
                    type="button"
                    className="button-small"
                    disabled={pending !== null}
                    aria-busy={pending === `${kind}.${format}` ? true : undefined}
                    onClick={() => void run(kind, format)}
                    aria-label={t('results.download.button', { what: t(label), format: format.toUpperCase() })}
                  >
                    {pending === `${kind}.${format}` ? t('results.download.pending') : format.toUpperCase()}
                  </button>
                ))}
              </div>
              <div className="download-outcome" role="status">
                {outcome ? <p className={outcome.kind === 'ok' ? 'note note-ok' : 'note note-error'}>{outcome.text}</p> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
