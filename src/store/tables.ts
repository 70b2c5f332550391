/**
 * The one description of the DynamoDB tables. CDK (`infra/`), the local bootstrap
 * and the tests all derive their tables from here, so they cannot drift apart.
 *
 * Every table uses generic key names (`pk`/`sk`, `gsiNpk`/`gsiNsk`) overloaded by
 * several entities; `src/store/keys.ts` says which entity puts what in them.
 */

export interface KeySchema {
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface IndexDefinition extends KeySchema {
  readonly name: string;
}

export interface TableDefinition extends KeySchema {
  /** Logical name; the physical name comes from configuration. */
  readonly logicalName: TableName;
  readonly description: string;
  readonly indexes: readonly IndexDefinition[];
}

export const TABLE_NAMES = ['directory', 'rubrics', 'competitions'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const INDEX = { gsi1: 'gsi1', gsi2: 'gsi2' } as const;

const gsi = (name: string): IndexDefinition => ({ name, partitionKey: `${name}pk`, sortKey: `${name}sk` });

export const TABLES: Readonly<Record<TableName, TableDefinition>> = {
  directory: {
    logicalName: 'directory',
    description: 'Units and cadres',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi(INDEX.gsi1), gsi(INDEX.gsi2)],
  },
  rubrics: {
    logicalName: 'rubrics',
    description: 'Rubrics and indicator sets: one immutable item per version, and a head item naming the latest',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi(INDEX.gsi1)],
  },
  competitions: {
    logicalName: 'competitions',
    description: 'Competitions, rounds, entries, judge panels, score sheets and their history, indicator values and adjustments',
    partitionKey: 'pk',
    sortKey: 'sk',
    indexes: [gsi(INDEX.gsi1), gsi(INDEX.gsi2)],
  },
};

export type TableNames = Readonly<Record<TableName, string>>;

/** Physical names for a deployment prefix, e.g. `bxgc-dev` → `bxgc-dev-competitions`. */
export function tableNamesFor(prefix: string): TableNames {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, `${prefix}-${t}`])) as Record<TableName, string>;
}

/** Attributes a table's keys and indexes use; all are strings. */
export function keyAttributes(def: TableDefinition): string[] {
  const names = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  return [...new Set(names)];
}
