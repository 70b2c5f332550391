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
  sheets: number;
  expected: number;
}

export function BoardRow({
  line,
  scoresShown,
  progress,
  tied,
  flash,
}: {
  line: BoardLine;
  scoresShown: boolean;
  progress: boolean;
  tied: boolean;
  flash: boolean;
}) {
  const { t, score } = useI18n();
  const podium = scoresShown && line.rank !== null && line.rank <= 3 ? ` hall-podium-${line.rank}` : '';
  const details = [line.unit, line.group].filter(Boolean).join(' · ');
  return (
    <li
      className={`board-row hall-row${podium}${flash ? ' hall-flash' : ''}${scoresShown ? '' : ' hall-row-plain'}`}
      data-entry={line.id}
      data-rank={line.rank ?? ''}
      data-total={line.total ?? ''}
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
        <span className="hall-name">{line.name}</span>
        {details ? <span className="hall-unit">{details}</span> : null}
      </span>
      {progress ? (
        <span className={`hall-progress${line.sheets >= line.expected && line.expected > 0 ? ' hall-progress-done' : ''}`}>
          {t('screen.progress', { done: line.sheets, total: line.expected })}
        </span>
      ) : null}
      {scoresShown ? <span className="board-total hall-total">{line.total === null ? '—' : score(line.total)}</span> : null}
    </li>
  );
}
