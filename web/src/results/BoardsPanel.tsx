import { useQuery } from '../api/hooks';
import { ErrorNote, Loading } from '../components/ui';
import { ResultsAlertsDocument, ResultsBoardsDocument, type ResultsBoardsQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { entryName } from './format';
import { two } from './indicatorFormat';
import { VetoReason } from './IndicatorTable';
import { changeOf, RankChange } from './RankChange';

type Row = ResultsBoardsQuery['boards']['red'][number];
type Kind = 'red' | 'black' | 'mostImproved';

/** 红黑榜: 红榜, 黑榜 and 进步最快 side by side, as the quarterly meeting announces them. */
export function BoardsPanel({
  roundId,
  sizes,
  percent = false,
  explain,
  sizeWords = {},
}: {
  roundId: string;
  sizes: { red: number; black: number; mostImproved: number };
  /** Totals are 满意率 in per cent (a ratings round). */
  percent?: boolean;
  /** Who the boards list, when the method has its own words for it. */
  explain?: string;
  /** A board's size in the method's words (a method without vetoes: 黑榜 "后 5 名"). */
  sizeWords?: Partial<Record<Kind, string>>;
}) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(ResultsBoardsDocument, { roundId });
  // ↑/↓ only when there is a previous round to compare with (never 新进 for everyone in the first).
  const compare = data ? [...data.boards.red, ...data.boards.black, ...data.boards.mostImproved].some((r) => r.previousRank !== null) : false;
  return (
    <section className="panel boards-panel" aria-labelledby="boards-title" data-testid="boards-panel">
      <h2 id="boards-title">{t('results.boards.title')}</h2>
      <p className="muted small">{explain ?? t('results.boards.explain')}</p>
      {error && !data ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <div className="boards-grid">
          <BoardList kind="red" rows={data.boards.red} size={sizes.red} compare={compare} percent={percent} sizeText={sizeWords.red} />
          <BoardList kind="black" rows={data.boards.black} size={sizes.black} compare={compare} percent={percent} sizeText={sizeWords.black} />
          <BoardList
            kind="mostImproved"
            rows={data.boards.mostImproved}
            size={sizes.mostImproved}
            compare={compare}
            percent={percent}
            sizeText={sizeWords.mostImproved}
          />
        </div>
      ) : null}
    </section>
  );
}

function BoardList({
  kind,
  rows,
  size,
  compare,
  percent,
  sizeText,
}: {
  kind: Kind;
  rows: Row[];
  size: number;
  compare: boolean;
  percent: boolean;
  sizeText: string | undefined;
}) {
  const { t } = useI18n();
  const titleId = `board-${kind}-title`;
  return (
    <div className={`board-list board-list-${kind}`} data-board={kind}>
      <h3 id={titleId}>
        {t(`results.boards.${kind}`)} <span className="muted small">{sizeText ?? t(`results.boards.${kind}Size`, { n: size })}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted small">{t(`results.boards.${kind}Empty`)}</p>
      ) : (
        <ol className="board-entries" aria-labelledby={titleId}>
          {rows.map((row) => (
            <li key={row.entry.id} data-entry={row.entry.id} data-rank={row.rank ?? ''} data-vetoed={row.vetoed ? 'true' : 'false'}>
              <span className="board-entry-rank">{row.vetoed || row.rank === null ? '—' : t('results.rank', { rank: row.rank })}</span>
              <span className="board-entry-who">
                <span className="board-entry-name">{entryName(row.entry)}</span>
                {row.vetoed ? (
                  <>
                    <span className="tag tag-veto">{t('results.ind.veto')}</span>
                    <VetoReason entryId={row.entry.id} />
                  </>
                ) : null}
                {kind === 'mostImproved' && row.previousRank !== null ? (
                  <span className="muted small board-entry-move">{t('results.boards.was', { n: row.previousRank })}</span>
                ) : null}
              </span>
              <span className="board-entry-total">{percent && row.total !== null ? `${two(row.total)}%` : two(row.total)}</span>
              {compare ? <RankChange change={changeOf(row)} /> : <span />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** 预警: who has been in the bottom N for K finished rounds running — to be called in for a talk (约谈). */
export function AlertsPanel({ competitionId }: { competitionId: string }) {
  const { t } = useI18n();
  const { data, error, refetch } = useQuery(ResultsAlertsDocument, { competitionId });
  const rule = data?.competition?.alertRule;
  return (
    <section className="panel alerts-panel" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <h2 id="alerts-title">{t('results.alerts.title')}</h2>
      {error && !data ? <ErrorNote error={error} onRetry={() => void refetch()} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && rule ? <p className="muted small">{t('results.alerts.rule', { k: rule.consecutive, n: rule.bottom })}</p> : null}
      {data && rule ? (
        data.alerts.length === 0 ? (
          <p className="note note-ok" data-testid="alerts-none">
            {t('results.alerts.none', { k: rule.consecutive, n: rule.bottom })}
          </p>
        ) : (
          <>
            <p className="note note-warn" data-testid="alerts-summary">
              {t('results.alerts.found', { count: data.alerts.length, k: rule.consecutive, n: rule.bottom })}
            </p>
            <ul className="alert-list">
              {data.alerts.map((alert) => (
                <li key={alert.entry.id} data-entry={alert.entry.id}>
                  <strong className="alert-name">{entryName(alert.entry)}</strong>
                  <span className="alert-rounds">
                    {alert.rounds.map((r) => r.name).join(t('results.rule.list'))}
                    {t('results.alerts.ranks', {
                      ranks: [alert.entry.previousRank, alert.entry.rank].map((r) => (r === null ? '—' : t('results.rank', { rank: r }))).join(' → '),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
