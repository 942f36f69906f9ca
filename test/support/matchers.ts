// Which Matcher implementations the tests run against: always the reference book, and the native
// matcher once its addon has been built.
//
// "Built" is decided by the addon file alone (native/build/Release/fixgate_matcher.node). When it
// is absent the native matcher is reported as absent (rule tests then run on the reference only,
// and the differential test fails, saying so). When it is present, loading the TS facade
// (src/matcher/native-matcher.ts) must succeed: a load error is reported as `broken`, which the
// test files turn into a failing test, never a skip.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Matcher } from '../../src/matcher/types';
import { ReferenceMatcher } from './reference-book';

export interface MatcherImpl {
  readonly name: string;
  readonly create: () => Matcher;
}

export type NativeStatus =
  | { readonly kind: 'absent'; readonly why: string }
  | { readonly kind: 'broken'; readonly error: unknown }
  | { readonly kind: 'loaded'; readonly impl: MatcherImpl };

const repoRoot = join(__dirname, '..', '..');
export const NATIVE_ADDON_PATH = join(repoRoot, 'native', 'build', 'Release', 'fixgate_matcher.node');
const NATIVE_FACADE_PATH = join(repoRoot, 'src', 'matcher', 'native-matcher');

export const referenceImpl: MatcherImpl = { name: 'reference', create: () => new ReferenceMatcher() };

let cachedNative: NativeStatus | undefined;

export function nativeStatus(): NativeStatus {
  cachedNative ??= loadNative();
  return cachedNative;
}

function loadNative(): NativeStatus {
  if (!existsSync(NATIVE_ADDON_PATH)) {
    return { kind: 'absent', why: `native addon not built: ${NATIVE_ADDON_PATH} does not exist (run \`make setup\`)` };
  }
  try {
    // A computed path: the facade may not exist yet, and the type checker must not require it.
    const facade = require(NATIVE_FACADE_PATH) as { NativeMatcher?: unknown };
    const ctor = facade.NativeMatcher;
    if (typeof ctor !== 'function') throw new Error(`${NATIVE_FACADE_PATH} does not export a class NativeMatcher`);
    const NativeMatcher = ctor as new () => Matcher;
    // Construct one now so that a facade which loads but cannot start fails here, loudly.
    new NativeMatcher();
    return { kind: 'loaded', impl: { name: 'native', create: () => new NativeMatcher() } };
  } catch (error) {
    return { kind: 'broken', error };
  }
}

/** The implementations every rule test runs against. */
export function availableImpls(): MatcherImpl[] {
  const native = nativeStatus();
  return native.kind === 'loaded' ? [referenceImpl, native.impl] : [referenceImpl];
}
