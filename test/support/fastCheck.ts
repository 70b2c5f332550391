import fc from 'fast-check';

/**
 * Property and fuzz tests run from a fixed seed so that CI is deterministic;
 * FC_SEED=<n> explores other inputs (a failure prints the seed that reproduces it).
 */
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261124) });
