import { useEffect, useRef, useState } from 'react';
import type { ScreenLiveStateQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import './hallScreen.css';

export type Reveal = NonNullable<ScreenLiveStateQuery['liveState']['reveal']>;

/** The 亮分 in the hall's rhythm: one judge's total every 400 ms, then the strikes, the score, the rank, held ~6 s. */
export const REVEAL_TIMING = {
  perSheetMs: 400,
  strikeAfterMs: 700,
  totalAfterMs: 1500,
  rankAfterMs: 1500,
  holdMs: 6000,
} as const;

export type RevealPhase = 'sheets' | 'dropped' | 'total' | 'rank';

/** Where a reveal of `sheets` judges' totals is `elapsed` ms after it began; null once it is over. */
export function revealPhase(sheets: number, elapsed: number, timing = REVEAL_TIMING): { phase: RevealPhase; shown: number } | null {
  const sheetsEnd = sheets * timing.perSheetMs;
  const dropped = sheetsEnd + timing.strikeAfterMs;
  const total = dropped + timing.totalAfterMs;
  const rank = total + timing.rankAfterMs;
  if (elapsed >= rank + timing.holdMs) return null;
  const shown = Math.min(sheets, Math.floor(elapsed / timing.perSheetMs) + 1);
  if (elapsed < dropped) return { phase: 'sheets', shown };
  if (elapsed < total) return { phase: 'dropped', shown: sheets };
  if (elapsed < rank) return { phase: 'total', shown: sheets };
  return { phase: 'rank', shown: sheets };
}

/**
 * Plays each new reveal once: the one showing when the screen starts is not replayed; a
 * higher `sequence` starts a new play (cutting short one still running).
 */
export function useRevealPlayer(reveal: Reveal | null | undefined, loaded: boolean): { reveal: Reveal; phase: RevealPhase; shown: number } | null {
  const seen = useRef<number | null>(null);
  const [playing, setPlaying] = useState<{ reveal: Reveal; startedAt: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const sequence = reveal?.sequence ?? 0;
  useEffect(() => {
    if (!loaded) return;
    if (seen.current === null) {
      seen.current = sequence;
      return;
    }
    if (sequence > seen.current && reveal) {
      seen.current = sequence;
      setPlaying({ reveal, startedAt: Date.now() });
      setNow(Date.now());
    }
    // Dependencies: a reveal is played once, when its sequence first appears.
  }, [loaded, sequence]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setNow(Date.now()), 100);
    return () => clearInterval(timer);
  }, [playing]);

  const state = playing ? revealPhase(playing.reveal.sheets.length, now - playing.startedAt) : null;
  useEffect(() => {
    if (playing && !state) setPlaying(null);
  }, [playing, state]);
  return playing && state ? { reveal: playing.reveal, ...state } : null;
}

/** Sheets in label order (J2 before J10). */
function byLabel(sheets: Reveal['sheets']): Reveal['sheets'] {
  return [...sheets].sort((a, b) => a.judgeLabel.localeCompare(b.judgeLabel, 'zh-CN', { numeric: true }));
}

/** Whether a dropped sheet went as the highest or the lowest: against the sheets that were kept. */
function droppedAs(sheet: Reveal['sheets'][number], sheets: Reveal['sheets']): 'high' | 'low' {
  const kept = sheets.filter((s) => !s.dropped).map((s) => s.total);
  if (kept.length === 0) return sheet.total >= sheets.reduce((a, s) => a + s.total, 0) / sheets.length ? 'high' : 'low';
  return sheet.total >= Math.max(...kept) ? 'high' : 'low';
}

/** The reveal, full screen over the board: each judge's total by label, the strikes, the final score, the rank. */
export function RevealShow({ reveal, phase, shown }: { reveal: Reveal; phase: RevealPhase; shown: number }) {
  const { t, score } = useI18n();
  const { entry } = reveal;
  const sheets = byLabel(reveal.sheets);
  const struck = phase !== 'sheets';
  const showTotal = phase === 'total' || phase === 'rank';
  const name = entry.cadre?.name ?? entry.unit?.name ?? entry.title;
  const unit = [entry.cadre ? entry.unit?.name : null, entry.cadre?.position].filter(Boolean).join(' · ');
  const classLabels = new Map(reveal.classResults.map((c) => [c.key, c.label]));
  // Up to 8 judges on one row, more on two; the fewer per row, the larger the figures.
  const rows = sheets.length > 8 ? 2 : 1;
  const columns = Math.max(1, Math.ceil(sheets.length / rows));
  const scoreSize = columns <= 5 ? 7 : columns === 6 ? 6 : columns === 7 ? 5.2 : 4.6;

  return (
    <section
      className={`reveal${rows > 1 ? ' reveal-dense' : ''}`}
      aria-label={t('live.reveal.title')}
      data-testid="reveal"
      data-phase={phase}
      data-entry={entry.id}
    >
      <header className="reveal-head">
        <p className="reveal-kicker">{t('live.reveal.title')}</p>
        <h2 className="reveal-name">
          <span className="reveal-order">{t('live.screen.order', { n: entry.order })}</span>
          {name}
        </h2>
        {unit ? <p className="reveal-unit">{unit}</p> : null}
      </header>

      <ol
        className={`reveal-sheets${rows > 1 ? ' reveal-sheets-compact' : ''}`}
        style={{
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          ['--reveal-score' as string]: `max(${Math.round(scoreSize * 9)}px, ${scoreSize}vh)`,
        }}
        aria-label={t('live.reveal.sheets')}
      >
        {sheets.map((sheet, i) => {
          const visible = i < shown;
          const out = struck && sheet.dropped;
          return (
            <li
              key={`${sheet.judgeLabel}-${i}`}
              className={`reveal-sheet${visible ? ' reveal-sheet-in' : ''}${out ? ' reveal-sheet-dropped' : ''}`}
              data-dropped={out || undefined}
              aria-hidden={!visible || undefined}
            >
              <span className="reveal-label">
                {sheet.judgeLabel}
                {sheet.classKey && classLabels.get(sheet.classKey) ? <span className="reveal-class">{classLabels.get(sheet.classKey)}</span> : null}
              </span>
              <span className="reveal-score">{visible ? score(sheet.total) : ''}</span>
              {out ? (
                <span className="reveal-dropped-why">{droppedAs(sheet, sheets) === 'high' ? t('live.reveal.droppedHigh') : t('live.reveal.droppedLow')}</span>
              ) : null}
            </li>
          );
        })}
      </ol>

      <div className={`reveal-result${showTotal ? ' reveal-result-in' : ''}`} aria-live="polite">
        {showTotal ? (
          <>
            {reveal.classResults.length > 0 ? (
              <ul className="reveal-classes">
                {reveal.classResults.map((c) => (
                  <li key={c.key} data-testid="reveal-class" data-source={c.source}>
                    <span>{t('live.reveal.classWeight', { label: c.label, weight: Math.round(c.weight * 1000) / 10 })}</span>
                    <strong>{score(c.result)}</strong>
                    {/* The audience's result rests on ballots, not judges' sheets: say how many. */}
                    {c.source === 'AUDIENCE' ? <span className="reveal-class-count">{t('live.reveal.ballots', { n: c.sheetCount })}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {reveal.overtimeDeduction > 0 ? (
              <p className="reveal-overtime" data-testid="reveal-overtime">
                {t('live.reveal.overtime', { points: score(reveal.overtimeDeduction) })}
              </p>
            ) : null}
            <p className="reveal-total">
              <span className="reveal-total-label">{t('live.reveal.total')}</span>
              <span className="reveal-total-value" data-testid="reveal-total">
                {score(reveal.total)}
              </span>
            </p>
            {phase === 'rank' ? (
              <p className="reveal-rank" data-testid="reveal-rank">
                {reveal.rank !== null ? t('live.reveal.rank', { n: reveal.rank }) : t('live.reveal.unranked')}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
