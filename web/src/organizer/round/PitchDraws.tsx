import { useId, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { DrawPitchOrderDocument, RoundDrawsDocument } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { ConfirmAction } from './fields';
import { entrantName, type PitchDrawRecord } from './types';

/**
 * 抽签: draws the pitch order (DRAFT rounds) and lists every draw with who drew, when,
 * the seed, the resulting order and how the order follows from the seed, so the draw
 * can be checked by anyone afterwards.
 */
export function PitchDraws({ roundId, canDraw, entryCount, onDrawn }: { roundId: string; canDraw: boolean; entryCount: number; onDrawn: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [seed, setSeed] = useState('');
  const draws = useQuery(RoundDrawsDocument, { id: roundId });
  const draw = useMutation(DrawPitchOrderDocument);
  const run = async () => {
    if (await draw.mutate({ roundId, seed: seed.trim() || null })) {
      setSeed('');
      onDrawn();
      void draws.refetch();
    }
  };
  const list = draws.data?.round?.draws ?? [];
  return (
    <section className="draws" aria-labelledby={`${id}-title`} data-testid="draws">
      <h4 id={`${id}-title`}>{t('round.draw.title')}</h4>
      <p className="muted small">{t('round.draw.intro')}</p>
      {canDraw ? (
        <div className="draw-form">
          <div className="field">
            <label htmlFor={`${id}-seed`}>{t('round.draw.seed')}</label>
            <input id={`${id}-seed`} maxLength={100} value={seed} aria-describedby={`${id}-seed-hint`} onChange={(e) => setSeed(e.target.value)} />
            <span id={`${id}-seed-hint`} className="muted small">
              {t('round.draw.seedHint')}
            </span>
          </div>
          <ConfirmAction
            danger={false}
            label={t('round.draw.run')}
            question={t('round.draw.confirm', { n: entryCount })}
            disabled={draw.pending || entryCount < 2}
            onConfirm={run}
          />
        </div>
      ) : null}
      {draw.error ? <ErrorNote error={draw.error} /> : null}
      {draws.error ? <ErrorNote error={draws.error} onRetry={() => void draws.refetch()} /> : null}
      {!draws.data && !draws.error ? <Loading /> : null}
      {draws.data && list.length === 0 ? <Note>{t('round.draw.none')}</Note> : null}
      {list.length > 0 ? (
        <ol className="draw-list" reversed>
          {[...list].reverse().map((d, i) => (
            <DrawRecord key={`${d.drawnAt}-${d.seed}`} draw={d} number={list.length - i} latest={i === 0} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function DrawRecord({ draw, number, latest }: { draw: PitchDrawRecord; number: number; latest: boolean }) {
  const { t } = useI18n();
  const when = new Date(draw.drawnAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
  return (
    <li className="draw-record" data-testid="draw-record" data-seed={draw.seed}>
      <p>
        <strong>{t('round.draw.record', { n: number })}</strong> {t('round.draw.meta', { by: draw.drawnBy, time: when })}
        {latest ? <span className="tag tag-current">{t('round.draw.latest')}</span> : null}
      </p>
      <p>
        {t('round.draw.seedIs')} <code className="seed">{draw.seed}</code>
      </p>
      <details open={latest}>
        <summary>{t('round.draw.order', { n: draw.entries.length })}</summary>
        <ol className="draw-order">
          {draw.entries.map((e) => (
            <li key={e.id}>{entrantName(e)}</li>
          ))}
        </ol>
        <p className="small draw-algorithm">{t('round.draw.algorithm')}</p>
        <details className="draw-spec">
          <summary>{t('round.draw.spec')}</summary>
          <p className="mono small" lang="en">
            {draw.algorithm}
          </p>
        </details>
      </details>
    </li>
  );
}
