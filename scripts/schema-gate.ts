/**
 * Schema stability gate (CI): compares schema/ (every .graphql file under it: the
 * core contract and each assessment method's extension) with the previous commit's using
 * GraphQL Inspector. A breaking change fails unless CHANGELOG.md changes in the
 * same commit, where it must be explained to the clients it breaks.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

const SCHEMA_DIR = 'schema';
const CHANGELOG = 'CHANGELOG.md';

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** The SDL of every schema file at a commit (or in the work tree), in path order. */
function sdlAt(commit: string | null): string | null {
  const listed = commit ? git('ls-tree', '-r', '--name-only', commit, '--', SCHEMA_DIR) : git('ls-files', '--', SCHEMA_DIR);
  const paths = (listed ?? '')
    .split('\n')
    .filter((p) => p.endsWith('.graphql'))
    .sort();
  if (paths.length === 0) return null;
  return paths.map((p) => (commit ? (git('show', `${commit}:${p}`) ?? '') : readFileSync(p, 'utf8'))).join('\n');
}

const previous = sdlAt('HEAD~1');
if (previous === null) {
  console.log(`schema gate: no previous ${SCHEMA_DIR}/ to compare with; nothing to check`);
  process.exit(0);
}
const changes = await diff(buildSchema(previous), buildSchema(sdlAt(null)!));
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
