/** The printable QR card sheet of a round's seats, or of one seat (`?seat=`). */
export function seatCardsPath(roundId: string, seatId?: string): string {
  const path = `/organizer/rounds/${encodeURIComponent(roundId)}/seats/print`;
  return seatId ? `${path}?seat=${encodeURIComponent(seatId)}` : path;
}

/** The round page on one of its hall tabs. */
export function roundTabPath(roundId: string, tab: string): string {
  return `/organizer/rounds/${encodeURIComponent(roundId)}?tab=${tab}`;
}
