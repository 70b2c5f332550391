import { useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * The hall's screen times a pitch from the server's `pitchStartedAt`, but the PC behind the
 * screen may be minutes off (an intranet machine without NTP). Every liveState answer carries
 * the server's clock (`serverTime`), stamped while the request was handled: between sending it
 * and the answer arriving. So each answer tells how far this device's clock is from the
 * server's, to within half the round trip, whether or not a pitch has been seen starting — a
 * screen loaded (or reloaded) mid-pitch times it right from its first answer.
 */

/** Local clock minus the server's, as one answer tells it, and the round trip it is good to half of. */
export interface OffsetSample {
  offset: number;
  roundTrip: number;
}

/** The sample of an answer stamped `serverTime`, whose request was sent at `sentAt` and answered at `answerAt` (this device's clock). */
export function offsetSample(serverTime: string, sentAt: number, answerAt: number): OffsetSample | null {
  const stamped = Date.parse(serverTime);
  if (Number.isNaN(stamped) || answerAt < sentAt) return null;
  // The server stamped it somewhere in the round trip: midway is off by at most half of it.
  return { offset: (sentAt + answerAt) / 2 - stamped, roundTrip: answerAt - sentAt };
}

/** Samples kept: the last few seconds of polls, of which the quickest answer is trusted. */
const SAMPLES = 10;
/** A better estimate closer than this to the one in use is not worth moving the timer for. */
const SETTLE_MS = 120;

/** The estimate from recent samples: the one with the shortest round trip (the least uncertain). */
export function bestOffset(samples: readonly OffsetSample[]): number | null {
  let best: OffsetSample | null = null;
  for (const sample of samples) if (!best || sample.roundTrip < best.roundTrip) best = sample;
  return best ? best.offset : null;
}

/**
 * This device's clock minus the server's (0 until the first answer), learnt from each answer's
 * `serverTime`. It changes only by more than SETTLE_MS, so that the timer does not jitter by a
 * second at a boundary with each poll's latency.
 */
export function useServerOffset(serverTime: string | null | undefined, sentAt: number | undefined, answerAt: number | undefined): number {
  const [offset, setOffset] = useState(0);
  const samples = useRef<OffsetSample[]>([]);
  /** The estimate in use; null before the first answer. */
  const applied = useRef<number | null>(null);
  // Before the paint: a screen loaded mid-pitch never shows its own clock's reading, even for a frame.
  useLayoutEffect(() => {
    if (!serverTime || sentAt === undefined || answerAt === undefined) return;
    const sample = offsetSample(serverTime, sentAt, answerAt);
    if (!sample) return;
    samples.current = [...samples.current.slice(1 - SAMPLES), sample];
    const best = bestOffset(samples.current);
    if (best === null || (applied.current !== null && Math.abs(best - applied.current) < SETTLE_MS)) return;
    applied.current = best;
    setOffset(best);
  }, [serverTime, sentAt, answerAt]);
  return offset;
}

/** The time now, re-rendering every `everyMs` while `running`. */
export function useNow(running: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [running, everyMs]);
  return now;
}

/** 0:07, 4:59, 12:30 — minutes and seconds of a pitch. */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
