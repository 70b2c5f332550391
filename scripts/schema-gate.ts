/**
 * Schema stability gate (CI): compares schema/ with the previous commit's using
 * GraphQL Inspector. A breaking change fails unless CHANGELOG.md changes in the
 * same commit, where it must be explained to the clients it breaks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const SCHEMA = 'schema/schema.graphql';
const CHANGELOG = 'CHANGELOG.md';

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

const previous = git('show', `HEAD~1:${SCHEMA}`);
if (previous === null) {
  console.log(`schema gate: no previous ${SCHEMA} to compare with; nothing to check`);
  process.exit(0);
}
const changes = await diff(buildSchema(previous), buildSchema(readFileSync(SCHEMA, 'utf8')));
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
for (const change of changes) console.log(`schema gate: ${change.criticality.level.padEnd(13)} ${change.message}`);
if (breaking.length === 0) {
  console.log(`schema gate: ${changes.length} change(s), none breaking`);
  process.exit(0);
}
const changedInCommit = git('diff', '--name-only', 'HEAD~1', 'HEAD')?.split('\n') ?? [];
if (changedInCommit.includes(CHANGELOG)) {
  console.log(`schema gate: ${breaking.length} breaking change(s), recorded in ${CHANGELOG} in this commit`);
  process.exit(0);
}
console.error(`schema gate: ${breaking.length} breaking change(s) without a ${CHANGELOG} entry in the same commit`);
process.exit(1);
