// Seed and run count of the fast-check properties: fixed by default so that CI is reproducible,
// overridable with FAST_CHECK_SEED / FAST_CHECK_RUNS to explore further or to replay a failure.
import type { ExecutionContext } from 'ava';
import fc from 'fast-check';

/** The default seed of every matcher property (any fixed value would do). */
export const DEFAULT_SEED = 0x5eed_f1c5;

export interface PropertyRun {
  readonly seed: number;
  readonly numRuns: number;
}

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  // A typo must not silently fall back to the default seed: that would hide that nothing new ran.
  if (!Number.isSafeInteger(value)) throw new Error(`${name}=${raw} is not an integer`);
  return value;
}

export function propertyRun(defaultRuns: number): PropertyRun {
  return { seed: intFromEnv('FAST_CHECK_SEED') ?? DEFAULT_SEED, numRuns: intFromEnv('FAST_CHECK_RUNS') ?? defaultRuns };
}

/**
 * Checks the property with the seed and runs of propertyRun(). A failure reports fast-check's
 * message (seed, path, shrunk counterexample, the error) and how to replay it.
 */
export function assertProperty<T>(t: ExecutionContext, property: fc.IProperty<T>, defaultRuns: number): void {
  const run = propertyRun(defaultRuns);
  t.log(`fast-check seed ${run.seed}, ${run.numRuns} runs (FAST_CHECK_SEED / FAST_CHECK_RUNS to change)`);
  const details = fc.check(property, { seed: run.seed, numRuns: run.numRuns, includeErrorInReport: true });
  const replay = `replay: FAST_CHECK_SEED=${run.seed} FAST_CHECK_RUNS=${run.numRuns} npx ava --match ${JSON.stringify(t.title)}`;
  t.false(details.failed, `${fc.defaultReportMessage(details) ?? ''}\n\n${replay}`);
  // Guards against a property that silently stops running (e.g. every stream filtered out).
  if (!details.failed) t.is(details.numRuns, run.numRuns, 'the property ran fewer times than asked');
}
