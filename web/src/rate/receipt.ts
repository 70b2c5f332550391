/**
 * A rating's receipt number as people read it out: its own part of the id (after the
 * round's), in groups of four, e.g. `01M9 371W 4RCQ JVCV JXR0 V60N DQ`. The rating page
 * shows it to the citizen; the case console shows the same number on the case.
 */
export function receiptNumber(ratingId: string): string {
  const own = ratingId.slice(ratingId.lastIndexOf('~') + 1);
  return own.match(/.{1,4}/gu)?.join(' ') ?? own;
}
