/**
 * The marks of the story's five judges, fixed per cadre and judge (not per pitch slot),
 * so that the expected totals do not depend on the draw. The rubric is the one the
 * organizer builds in the editor: 发展思路 30, 实绩成效 40, 现场答辩 30, step 0.5.
 */

export const RUBRIC_NAME = '年轻干部谈发展评分表（故事）';
export const CRITERIA = [
  { label: '发展思路', maxScore: 30 },
  { label: '实绩成效', maxScore: 40 },
  { label: '现场答辩', maxScore: 30 },
] as const;

/** The cadre's place in the sample roster: XS2026001 → 0 … XS2026063 → 62. */
export const cadreIndex = (cadreId: string) => Number(cadreId.slice(-3)) - 1;

/** Three half-point marks within each maximum; `judge` is 0…4. */
export function marksOf(cadreId: string, judge: number): [number, number, number] {
  const i = cadreIndex(cadreId);
  return [18 + ((i * 7 + judge * 3) % 21) * 0.5, 25 + ((i * 5 + judge * 11) % 29) * 0.5, 15 + ((i * 3 + judge * 7) % 25) * 0.5];
}

export const sheetTotal = (marks: readonly number[]) => marks.reduce((a, b) => a + b, 0);

/** The round's rule: drop the highest and the lowest sheet, average the other three. */
export function expectedTotal(cadreId: string, judges: number): number {
  const totals = Array.from({ length: judges }, (_, j) => sheetTotal(marksOf(cadreId, j))).sort((a, b) => a - b);
  const kept = totals.slice(1, -1);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}
