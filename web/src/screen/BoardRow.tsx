import { useI18n } from '../i18n';

/** One entry as the hall's screen shows it. */
export interface BoardLine {
  id: string;
  order: number;
  name: string;
  /** The cadre's unit (a unit entry's name is already its name). */
  unit: string | null;
  group: string | null;
  rank: number | null;
  total: number | null;
  /** Sheets received (a panel) or values verified (indicators). */
  sheets: number;
  expected: number;
  /** Rank in the previous finished round of the competition; null: not there (新进) or not ranked. */
  previousRank: number | null;
  /** previousRank − rank: positive when the entry climbed. */
  rankChange: number | null;
  /** 一票否决: after everyone, unranked. */
  vetoed: boolean;
}

/**
 * ↑3 / ↓2 / 持平 / 新进 for the hall: arrow and number large, the words for screen readers;
 * 一票否决 in its place for a vetoed entry. Colour is never the only cue.
 */
export function HallChange({ line }: { line: Pick<BoardLine, 'rank' | 'previousRank' | 'rankChange' | 'vetoed'> }) {
  const { t } = useI18n();
  if (line.vetoed) return <span className="hall-change hall-veto">{t('screen.veto')}</span>;
  const change = line.rankChange;
  const [kind, shown, words] =
    change !== null && change > 0
      ? ['up', `↑${change}`, t('screen.change.up', { n: change })]
      : change !== null && change < 0
        ? ['down', `↓${-change}`, t('screen.change.down', { n: -change })]
        : change === 0
          ? ['same', t('screen.change.same'), t('screen.change.same')]
          : line.rank !== null && line.previousRank === null
            ? ['new', t('screen.change.new'), t('screen.change.new')]
            : ['none', '', ''];
  return (
    <span className={`hall-change hall-change-${kind}`} data-change={kind}>
      <span aria-hidden="true">{shown}</span>
      {words ? <span className="visually-hidden">{words}</span> : null}
    </span>
  );
}

export function BoardRow({
  line,
  scoresShown,
  progress,
  progressKey = 'screen.progress',
  percent = false,
  showChange = false,
  tied,
  flash,
  onStage = false,
}: {
  line: BoardLine;
  scoresShown: boolean;
  progress: boolean;
  /** 已评 3/5 (sheets) or 已核实 4/5 项 (indicator values). */
  progressKey?: 'screen.progress' | 'screen.ind.progress' | 'ratings.screen.count';
  /** The total is 满意率 in per cent (a ratings round). */
  percent?: boolean;
  /** A previous round exists: each row says how it moved. */
  showChange?: boolean;
  tied: boolean;
  flash: boolean;
  /** The cadre on stage in the hall (台上赛): outlined. */
  onStage?: boolean;
}) {
  const { t, score } = useI18n();
  const podium = scoresShown && line.rank !== null && line.rank <= 3 ? ` hall-podium-${line.rank}` : '';
  const details = [line.unit, line.group].filter(Boolean).join(' · ');
  const change = scoresShown && (showChange || line.vetoed);
  return (
    <li
      className={`board-row hall-row${podium}${flash ? ' hall-flash' : ''}${scoresShown ? '' : ' hall-row-plain'}${change ? ' hall-row-change' : ''}${onStage ? ' hall-row-on-stage' : ''}`}
      data-entry={line.id}
      data-rank={line.rank ?? ''}
      data-total={line.total ?? ''}
      data-change={line.rankChange ?? ''}
      data-vetoed={line.vetoed ? 'true' : 'false'}
    >
      <span className="hall-rank">
        {scoresShown ? (
          <>
            <span className="hall-rank-number">{line.rank ?? '—'}</span>
            {tied ? <span className="hall-tied">{t('screen.tied')}</span> : null}
          </>
        ) : (
          <span className="hall-order">
            <span className="visually-hidden">{t('screen.orderOf', { n: line.order })}</span>
            <span aria-hidden="true">{line.order}</span>
          </span>
        )}
      </span>
      <span className="hall-who">
        <span className="hall-name">
          {line.name}
          {onStage ? <span className="visually-hidden">{t('live.screen.onStage')}</span> : null}
        </span>
        {details ? <span className="hall-unit">{details}</span> : null}
      </span>
      {progress ? (
        <span className={`hall-progress${line.sheets >= line.expected && line.expected > 0 ? ' hall-progress-done' : ''}`}>
          {t(progressKey, { done: line.sheets, total: line.expected })}
        </span>
      ) : null}
      {change ? <HallChange line={line} /> : null}
      {scoresShown ? (
        <span className="board-total hall-total">
          {line.total === null ? '—' : score(line.total)}
          {percent && line.total !== null ? <span className="hall-total-unit">%</span> : null}
        </span>
      ) : null}
    </li>
  );
}
