import QRCode from 'qrcode';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useI18n } from '../../i18n';
import { type BallotBatch, ballotRef, voteLink } from './batches';
import '../../results/print.css';
import './audience.css';

/** Each ballot's QR code as an SVG data URL (sharp on paper at any size); null until made. */
function useQrCodes(urls: readonly string[]): string[] | null | 'failed' {
  const [codes, setCodes] = useState<string[] | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    setCodes(null);
    Promise.all(urls.map((url) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })))
      .then((svgs) => {
        if (live) setCodes(svgs.map((svg) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`));
      })
      .catch(() => {
        if (live) setCodes('failed');
      });
    return () => {
      live = false;
    };
  }, [urls]);
  return codes;
}

/**
 * A batch of ballots as a sheet of QR cards, over the whole page and on A4 (twelve to a
 * page, to cut apart): the round, the audience class, the QR code of the ballot's link,
 * "扫码为选手打分" and a number and a piece of the code for staff. It is laid over the
 * console rather than on a page of its own because the ballots exist only in this page's
 * memory; on paper only the cards print. Esc or 返回 closes it.
 */
export function BallotSheet({
  batch,
  roundName,
  competitionName,
  classLabel,
  onClose,
}: {
  batch: BallotBatch;
  roundName: string;
  competitionName: string;
  classLabel: string;
  onClose: () => void;
}) {
  const { t, time } = useI18n();
  const id = useId();
  const [urls] = useState(() => batch.ballots.map((b) => voteLink(b.voteUrl)));
  const codes = useQrCodes(urls);
  const close = useRef<HTMLButtonElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // A dialog over the console: the page behind is inert while it is open, Esc closes it.
  useEffect(() => {
    const root = document.getElementById('root');
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    root?.setAttribute('inert', '');
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCloseRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      root?.removeAttribute('inert');
      opener?.focus();
    };
  }, []);

  const ready = Array.isArray(codes);
  return createPortal(
    <div className="ballot-sheet-layer print-doc" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="ballot-sheet">
      <div className="print-toolbar ballot-sheet-toolbar no-print">
        <button ref={close} type="button" onClick={onClose}>
          {t('audience.sheet.back')}
        </button>
        <div className="ballot-sheet-heading">
          <h2 id={`${id}-title`}>{t('audience.sheet.title', { n: batch.ballots.length, time: time(batch.createdAt) })}</h2>
          <p className="muted small">{t('audience.sheet.hint')}</p>
        </div>
        <button type="button" className="button-primary" disabled={!ready} onClick={() => window.print()}>
          {t('audience.sheet.print')}
        </button>
      </div>
      {codes === 'failed' ? (
        <p className="note note-error no-print" role="alert">
          {t('audience.sheet.qrFailed')}
        </p>
      ) : null}
      {codes === null ? (
        <p className="loading no-print" role="status">
          {t('audience.sheet.making', { n: batch.ballots.length })}
        </p>
      ) : null}
      {ready ? (
        <div className="ballot-cards">
          {batch.ballots.map((ballot, i) => (
            <article key={ballot.token} className="ballot-card" data-url={urls[i]} aria-label={t('audience.card.label', { n: i + 1 })}>
              <p className="ballot-card-round">
                <span className="ballot-card-competition">{competitionName}</span>
                <span>{roundName}</span>
              </p>
              <p className="ballot-card-class">{classLabel}</p>
              <img className="ballot-card-qr" src={codes[i]} alt={t('audience.card.qr', { n: i + 1 })} />
              <p className="ballot-card-how">{t('audience.card.how')}</p>
              <p className="ballot-card-ref">{t('audience.card.ref', { n: i + 1, code: ballotRef(ballot.token) })}</p>
            </article>
          ))}
        </div>
      ) : null}
    </div>,
    document.body,
  );
}
