import { useEffect, useState } from 'react';

/**
 * The server's clock as seen from this laptop. Pitch times are stamped by the server; a
 * laptop whose clock is a few seconds off would otherwise show a timer that starts at
 * 0:03 or below zero. The offset is estimated from an answer that carries a server time
 * stamped while the request was handled (the midpoint of sending and receiving).
 */
let offsetMs = 0;

export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Records the server time `iso` stamped during a request sent at `sentAt` and answered at `receivedAt`. */
export function observeServerTime(iso: string | null | undefined, sentAt: number, receivedAt: number): void {
  if (!iso) return;
  const stamped = Date.parse(iso);
  if (Number.isNaN(stamped)) return;
  offsetMs = stamped - (sentAt + receivedAt) / 2;
}

/** Re-renders every `everyMs` while `active`, returning the server's time now. */
export function useServerNow(active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    if (!active) return;
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return active ? now : serverNow();
}
