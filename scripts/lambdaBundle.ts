import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';

/**
 * How the GraphQL Lambda is bundled, in one place, so that the benchmark measures
 * exactly what is deployed and the CDK stack can reuse the very same settings.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LAMBDA_ENTRY = join(PROJECT_ROOT, 'src/lambda.ts');
/** The Node.js runtime loads an ES module handler from a `.mjs` file. */
export const LAMBDA_OUTFILE = 'index.mjs';

/**
 * esbuild turns `require()` calls of bundled CommonJS packages into a shim that
 * throws inside an ES module unless a real `require` exists; this provides one.
 * The import is aliased so that it can never clash with a name in the bundle.
 */
export const CREATE_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Module substitutions, relative to the project root. The Lambda integration is
 * CommonJS: its require('@apollo/server') would bundle Apollo's CommonJS build
 * beside the ES module build src/ imports, and with it a second copy of most of
 * its dependencies; pointing both at the ES module build keeps one. Apollo's usage
 * reporting and inline tracing — disabled in src/handler.ts, loaded only when
 * enabled — are the only users of its protobuf code, which a throwing stub replaces.
 */
export const LAMBDA_ALIASES: Readonly<Record<string, string>> = {
  '@apollo/server': './node_modules/@apollo/server/dist/esm',
  '@apollo/usage-reporting-protobuf': './scripts/bundle-stubs/usage-reporting-protobuf.mjs',
};

/** `.mjs` before `.js`, so deep imports such as graphql/language/parser pick graphql's ES module files, like its root does. */
export const LAMBDA_RESOLVE_EXTENSIONS: readonly string[] = ['.ts', '.mjs', '.js', '.json'];

export const LAMBDA_BUNDLE_OPTIONS: Readonly<BuildOptions> = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The function runs on the nodejs22.x runtime.
  target: 'node22',
  // Prefer packages' ES module builds: they tree-shake better than their CommonJS ones.
  mainFields: ['module', 'main'],
  minify: true,
  // A separate .map file (linked), so stack traces stay readable without growing the code;
  // the mappings alone suffice for that, embedded sources would triple the map's size.
  sourcemap: 'linked',
  sourcesContent: false,
  // The Node.js 22 runtime provides AWS SDK v3.
  external: ['@aws-sdk/*'],
  banner: { js: CREATE_REQUIRE_BANNER },
  alias: { ...LAMBDA_ALIASES },
  resolveExtensions: [...LAMBDA_RESOLVE_EXTENSIONS],
  logLevel: 'warning',
};

export interface BundleResult {
  /** Absolute path of the emitted JavaScript file. */
  outfile: string;
  /** Size of the JavaScript file alone; the source map is not deployed code. */
  bytes: number;
  metafile: Metafile;
}

/** Bundles any entry point with the Lambda's settings into `outdir/index.mjs`. */
export async function bundleWithLambdaSettings(entry: string, outdir: string): Promise<BundleResult> {
  const outfile = join(outdir, LAMBDA_OUTFILE);
  const result = await build({ ...LAMBDA_BUNDLE_OPTIONS, entryPoints: [entry], outfile, metafile: true, absWorkingDir: PROJECT_ROOT });
  const { size } = await stat(outfile);
  return { outfile, bytes: size, metafile: result.metafile };
}

/** Bundles `src/lambda.ts` as it is deployed. */
export function bundleLambda(outdir: string): Promise<BundleResult> {
  return bundleWithLambdaSettings(LAMBDA_ENTRY, outdir);
}

/** The inputs that contribute most bytes to `outfile`, largest first. */
export function largestInputs(bundle: BundleResult, count = 10): { path: string; bytes: number }[] {
  const output = bundle.metafile.outputs[relative(PROJECT_ROOT, bundle.outfile).split('\\').join('/')];
  if (!output) throw new Error(`metafile has no output ${bundle.outfile}`);
  return Object.entries(output.inputs)
    .map(([path, input]) => ({ path, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** The same contributions summed per npm package (first-party code counts as `(project)`). */
export function largestPackages(bundle: BundleResult, count = 10): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const { path, bytes } of largestInputs(bundle, Number.MAX_SAFE_INTEGER)) {
    const name = packageOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  return [...totals.entries()]
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** The innermost package a bundled file belongs to (nested node_modules count as their own package). */
function packageOf(path: string): string {
  const matches = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  return matches.at(-1)?.[1] ?? '(project)';
}
