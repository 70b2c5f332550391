import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The QR code of an address as an image, drawn in the browser by the kept `qrcode` library
 * (nothing leaves the page). While it is drawn, an empty placeholder of the same class
 * holds its place; should drawing fail, the label stands in for it.
 */
export function QrImage({
  url,
  label,
  className,
  testId,
  errorCorrection = 'M',
  width = 480,
}: {
  url: string;
  label: string;
  /** Sizes the image and its placeholder; `${className}-missing` marks a failed one. */
  className: string;
  testId: string;
  /** M for a card handed out; Q for one taped to a counter, which gets scuffed. */
  errorCorrection?: 'M' | 'Q';
  width?: number;
}) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { errorCorrectionLevel: errorCorrection, margin: 1, width })
      .then((data) => {
        if (live) setSrc(data);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [url, errorCorrection, width]);
  if (failed) return <span className={`${className} ${className}-missing`}>{label}</span>;
  return src ? <img className={className} src={src} alt={label} data-testid={testId} /> : <span className={className} role="status" />;
}
