/**
 * Options for fast-check property tests: a fixed seed so a run is reproducible, overridable with FC_SEED=n (and
 * FC_RUNS=n) to explore more cases. fast-check prints the seed and the shrunk counterexample when a property fails;
 * the seed is also repeated in the assertion message so a CI log says how to replay it.
 */
export function propertyOptions(runs = 200): { seed: number; numRuns: number; verbose: number } {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {}
  const seed = env.FC_SEED ? Number(env.FC_SEED) : 20260616
  return { seed, numRuns: env.FC_RUNS ? Number(env.FC_RUNS) : runs, verbose: 1 }
}
