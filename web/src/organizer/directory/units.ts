import type { UnitKind } from '../../gql/graphql';

/**
 * The unit directory as a tree, and unit references as HR writes them: a name (梅林一村)
 * or a path (瓜沥镇/梅林一村, or the full 萧山区/瓜沥镇/梅林一村). Pure functions, no DOM.
 */

export interface UnitRecord {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
}

export interface UnitIndex {
  byId: ReadonlyMap<string, UnitRecord>;
  /** Children by parent id ('' for the top level), sorted by name. */
  children: ReadonlyMap<string, readonly UnitRecord[]>;
  /** Names from the top down to the unit itself. */
  pathOf(id: string): readonly string[];
  /** The unit and everything below it. */
  subtree(id: string): ReadonlySet<string>;
}

const TOP = '';

/** The comparison form of a name: full-width folded (NFKC), without any white space. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** A path as the directory and the export write it. */
export function joinPath(names: readonly string[]): string {
  return names.join('/');
}

/** `瓜沥镇 / 梅林一村`, `瓜沥镇／梅林一村` and `瓜沥镇\梅林一村` all name the same two levels. */
export function splitPath(reference: string): string[] {
  return reference
    .normalize('NFKC')
    .split(/[/\\]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function indexUnits(units: readonly UnitRecord[]): UnitIndex {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string, UnitRecord[]>();
  for (const unit of units) {
    // A parent the caller cannot see (or a dangling one) puts the unit at the top.
    const parent = unit.parentId && byId.has(unit.parentId) ? unit.parentId : TOP;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  const paths = new Map<string, string[]>();
  const pathOf = (id: string): string[] => {
    const known = paths.get(id);
    if (known) return known;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let cursor = byId.get(id); cursor && !seen.has(cursor.id); cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined) {
      seen.add(cursor.id);
      names.unshift(cursor.name);
    }
    paths.set(id, names);
    return names;
  };
  const subtree = (id: string): Set<string> => {
    const out = new Set<string>();
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      if (out.has(next)) continue;
      out.add(next);
      for (const child of children.get(next) ?? []) stack.push(child.id);
    }
    return out;
  };
  return { byId, children, pathOf, subtree };
}

/** Units whose path ends with the given names (compared as nameKey). */
function unitsEndingWith(index: UnitIndex, names: readonly string[]): UnitRecord[] {
  const wanted = names.map(nameKey);
  const out: UnitRecord[] = [];
  for (const unit of index.byId.values()) {
    const path = index.pathOf(unit.id);
    if (path.length < wanted.length) continue;
    const tail = path.slice(path.length - wanted.length).map(nameKey);
    if (tail.every((name, i) => name === wanted[i])) out.push(unit);
  }
  return out;
}

/** A unit the import would create: `names` one below the other under `parentId`. */
export interface PlannedUnits {
  parentId: string;
  names: readonly string[];
}

export type UnitResolution =
  | { kind: 'found'; unitId: string }
  /** Not in the directory, but its parent is: it can be created there. */
  | { kind: 'missing'; plan: PlannedUnits }
  /** More than one unit answers to it; `paths` lists them so the row can be rewritten as a path. */
  | { kind: 'ambiguous'; name: string; paths: string[] }
  /** Not found, and no part of the path names a unit that exists. */
  | { kind: 'unknown'; name: string }
  | { kind: 'empty' };

/**
 * Resolves a name or path against the directory. A path matches the units whose own path
 * ends with it, so `梅林村` is enough when only one unit has that name, and `瓜沥镇/梅林村`
 * picks one of two. A missing unit is creatable when a unit above it is named and exists
 * (`瓜沥镇/新村` creates 新村 under 瓜沥镇); a bare unknown name never is, so a typo in a
 * name never creates a unit at the top.
 */
export function resolveUnit(index: UnitIndex, reference: string): UnitResolution {
  const names = splitPath(reference);
  if (names.length === 0) return { kind: 'empty' };
  const matches = unitsEndingWith(index, names);
  if (matches.length === 1) return { kind: 'found', unitId: matches[0]!.id };
  if (matches.length > 1) return { kind: 'ambiguous', name: joinPath(names), paths: matches.map((u) => joinPath(index.pathOf(u.id))).sort() };
  if (names.length === 1) return { kind: 'unknown', name: names[0]! };
  const parent = resolveUnit(index, joinPath(names.slice(0, -1)));
  const last = names[names.length - 1]!;
  switch (parent.kind) {
    case 'found':
      return { kind: 'missing', plan: { parentId: parent.unitId, names: [last] } };
    case 'missing':
      return { kind: 'missing', plan: { parentId: parent.plan.parentId, names: [...parent.plan.names, last] } };
    case 'unknown':
      return { kind: 'unknown', name: joinPath(names) };
    default:
      return parent;
  }
}

/** The kind a new unit's name suggests (梅林新村 → VILLAGE); OTHER when it says nothing. */
export function guessKind(name: string): UnitKind {
  const rules: [RegExp, UnitKind][] = [
    [/社区$/u, 'COMMUNITY'],
    [/街道$/u, 'STREET'],
    [/(村|村委会|村委)$/u, 'VILLAGE'],
    [/(镇|乡)$/u, 'TOWN'],
    [/县$/u, 'COUNTY'],
    [/(省|自治区)$/u, 'PROVINCE'],
    [/区$/u, 'DISTRICT'],
    [/(市|州|盟)$/u, 'CITY'],
    [/(公司|集团|企业|厂)$/u, 'ENTERPRISE'],
    [/(局|委|办|部|院|中心|所|站|队|室)$/u, 'DEPARTMENT'],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? 'OTHER';
}

export const UNIT_KINDS: readonly UnitKind[] = [
  'PROVINCE',
  'CITY',
  'DISTRICT',
  'COUNTY',
  'TOWN',
  'STREET',
  'VILLAGE',
  'COMMUNITY',
  'DEPARTMENT',
  'ENTERPRISE',
  'OTHER',
];
