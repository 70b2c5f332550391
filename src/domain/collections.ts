/** Items grouped by a key, groups and items in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T, index: number) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  items.forEach((item, index) => {
    const k = key(item, index);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  });
  return groups;
}
