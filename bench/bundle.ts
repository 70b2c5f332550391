import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateDevKey } from '../src/auth/devIssuer.js';
import { bundleLambda, bundleWithLambdaSettings, largestInputs, largestPackages, PROJECT_ROOT } from '../scripts/lambdaBundle.js';
import { median } from './stats.js';

const BASELINE_ENTRY = fileURLToPath(new URL('./baseline/graphqlMinimal.ts', import.meta.url));
const SDK_ENTRY = fileURLToPath(new URL('./baseline/awsSdk.ts', import.meta.url));

/**
 * Runs in a fresh `node` and prints how long `import()` of the bundle took: module
 * loading, parsing and top-level code (for the Lambda: configuration, Apollo
 * Server and SDK client construction) — the part of a cold start the code controls.
 */
const IMPORT_PROBE = `
const started = performance.now();
const module = await import(process.env.BENCH_IMPORT_URL);
const ms = performance.now() - started;
if (typeof module.handler !== 'function') throw new Error('the bundle exports no handler');
process.stdout.write(JSON.stringify({ ms }));
process.exit(0);
`;

export interface BundleBenchResult {
  bytes: number;
  sourceMapExcluded: true;
  baselineBytes: number;
  importMs: { median: number; runs: number[] };
  baselineImportMs: { median: number; runs: number[] };
  /** The DynamoDB clients alone (SDK external): how much of the Lambda's import is the SDK's. */
  sdkImportMs: { median: number; runs: number[] };
  /** Median import time of the Lambda bundle over that of the baseline. */
  importRatio: number;
  largestInputs: { path: string; bytes: number }[];
  largestPackages: { name: string; bytes: number }[];
}

export async function benchBundle(workDir: string, runs: number): Promise<BundleBenchResult> {
  const lambda = await bundleLambda(join(workDir, 'lambda'));
  const baseline = await bundleWithLambdaSettings(BASELINE_ENTRY, join(workDir, 'baseline'));
  const sdk = await bundleWithLambdaSettings(SDK_ENTRY, join(workDir, 'sdk'));

  // What src/lambda.ts needs to start; the key is a throw-away public JWK.
  const env = {
    PATH: process.env.PATH ?? '',
    STAGE: 'dev',
    AWS_REGION: 'local',
    TABLE_PREFIX: 'x',
    AUTH_DEV_PUBLIC_JWK: JSON.stringify((await generateDevKey()).publicJwk),
    CURSOR_SIGNING_KEY: 'bench-cursor-signing-key-0123456789abcdef',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const files = [lambda.outfile, baseline.outfile, sdk.outfile];
  // One unmeasured import each, so that all are measured with their files in the page cache.
  for (const file of files) await timeImport(file, env);
  const timings: number[][] = files.map(() => []);
  for (let i = 0; i < runs; i++) {
    // Rotate the order, so that none always runs right after another.
    for (let k = 0; k < files.length; k++) {
      const which = (i + k) % files.length;
      timings[which]!.push(await timeImport(files[which]!, env));
    }
  }
  const [lambdaRuns, baselineRuns, sdkRuns] = timings as [number[], number[], number[]];
  return {
    bytes: lambda.bytes,
    sourceMapExcluded: true,
    baselineBytes: baseline.bytes,
    importMs: { median: median(lambdaRuns), runs: lambdaRuns },
    baselineImportMs: { median: median(baselineRuns), runs: baselineRuns },
    sdkImportMs: { median: median(sdkRuns), runs: sdkRuns },
    importRatio: median(lambdaRuns) / median(baselineRuns),
    largestInputs: largestInputs(lambda),
    largestPackages: largestPackages(lambda),
  };
}

function timeImport(file: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', IMPORT_PROBE], {
      cwd: PROJECT_ROOT,
      env: { ...env, BENCH_IMPORT_URL: pathToFileURL(file).href },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`importing ${file} failed (exit ${code}): ${err.trim()}`));
      try {
        resolve((JSON.parse(out) as { ms: number }).ms);
      } catch {
        reject(new Error(`importing ${file} printed no timing: ${out}${err}`));
      }
    });
  });
}
