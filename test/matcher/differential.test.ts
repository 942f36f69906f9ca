// The native matcher against the reference book on random command streams: identical events
// (deep equal) and identical l3()/l2() after every command, with the invariants checked on the
// native matcher after every command; the same through batches of commands; and native
// determinism. Every test here FAILS when the native matcher is not available: the native matcher
// is what these tests exist for, so its absence is a gap to see, not a reason to skip.
import test, { type ExecutionContext } from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { CommandType, type Command, type Matcher, type MatcherEvent } from '../../src/matcher/types';
import { commandStream } from '../support/command-gen';
import { InvariantChecker } from '../support/invariants';
import { nativeStatus, type MatcherImpl } from '../support/matchers';
import { assertProperty } from '../support/property-run';
import { ReferenceMatcher } from '../support/reference-book';

/** A symbol id no generated stream adds: l3/l2 of it must be undefined on both sides. */
const UNKNOWN_SYMBOL_ID = 4242;
const L2_DEPTH = 5;

function requireNative(t: ExecutionContext): MatcherImpl | undefined {
  const status = nativeStatus();
  if (status.kind === 'loaded') return status.impl;
  t.fail(
    status.kind === 'absent'
      ? `native matcher unavailable: ${status.why}`
      : `native matcher failed to load: ${status.error instanceof Error ? status.error.stack : String(status.error)}`,
  );
  return undefined;
}

/** The symbols a stream tries to add, plus one it never does. */
function symbolIdsOf(stream: readonly Command[]): number[] {
  const ids = new Set<number>([UNKNOWN_SYMBOL_ID]);
  for (const c of stream) if (c.type === CommandType.AddSymbol) ids.add(c.symbolId);
  return [...ids].sort((a, b) => a - b);
}

const show = (x: unknown): string => JSON.stringify(x);

/** Describes the stream up to and including command `upTo`, one command per line, for a failure report. */
function streamReport(stream: readonly Command[], upTo: number): string {
  return stream
    .slice(0, upTo + 1)
    .map((c, i) => `  ${i === upTo ? '>' : ' '} ${show(c)}`)
    .join('\n');
}

/** Names of the two sides of a comparison, padded alike, for reports. */
type Labels = readonly [string, string];
const REFERENCE_VS_NATIVE: Labels = ['reference', 'native   '];

/** Compares the books of two matchers; returns what differs (empty when identical). */
function bookDifferences(symbolIds: readonly number[], a: Matcher, b: Matcher, [la, lb]: Labels = REFERENCE_VS_NATIVE): string[] {
  const out: string[] = [];
  for (const id of symbolIds) {
    const a3 = a.l3(id);
    const b3 = b.l3(id);
    if (!isDeepStrictEqual(b3, a3)) out.push(`l3(${id}) differs:\n    ${la} ${show(a3)}\n    ${lb} ${show(b3)}`);
    const a2 = a.l2(id, L2_DEPTH);
    const b2 = b.l2(id, L2_DEPTH);
    if (!isDeepStrictEqual(b2, a2)) out.push(`l2(${id}, ${L2_DEPTH}) differs:\n    ${la} ${show(a2)}\n    ${lb} ${show(b2)}`);
  }
  return out;
}

/** Describes how two event lists differ, event by event; undefined when they are deep-equal. */
function eventDifference(a: readonly MatcherEvent[], b: readonly MatcherEvent[], [la, lb]: Labels = REFERENCE_VS_NATIVE): string | undefined {
  if (isDeepStrictEqual(b, a)) return undefined;
  const lines = ['events differ:'];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const same = isDeepStrictEqual(b[i], a[i]);
    lines.push(`  ${same ? ' ' : '≠'} ${la} ${show(a[i])}`);
    if (!same) lines.push(`    ${lb} ${show(b[i])}`);
  }
  return lines.join('\n');
}

test('differential: native and reference agree event for event and book for book, command by command', (t) => {
  const native = requireNative(t);
  if (native === undefined) return;
  const property = fc.property(commandStream({ minCommands: 1, maxCommands: 400 }), (stream) => {
    const reference = new ReferenceMatcher();
    const subject = native.create();
    const checker = new InvariantChecker();
    const symbolIds = symbolIdsOf(stream);
    for (let i = 0; i < stream.length; i++) {
      const command = stream[i]!;
      const referenceEvents = reference.process([command]);
      const nativeEvents = subject.process([command]);
      const problems: string[] = [];
      const events = eventDifference(referenceEvents, nativeEvents);
      if (events !== undefined) problems.push(events);
      else problems.push(...bookDifferences(symbolIds, reference, subject));
      if (problems.length === 0) problems.push(...checker.check(command, nativeEvents, subject).map((p) => `invariant (native): ${p}`));
      if (problems.length > 0) throw new Error(`at command #${i}:\n${streamReport(stream, i)}\n${problems.join('\n')}`);
    }
  });
  assertProperty(t, property, 1000);
});

test('differential: the same in batches of commands (one process() call per batch)', (t) => {
  const native = requireNative(t);
  if (native === undefined) return;
  const streamAndCuts = commandStream({ minCommands: 1, maxCommands: 300 }).chain((stream) =>
    fc.tuple(fc.constant(stream), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, stream.length - 1) }), { maxLength: 12 })),
  );
  const property = fc.property(streamAndCuts, ([stream, cuts]) => {
    const reference = new ReferenceMatcher();
    const subject = native.create();
    const symbolIds = symbolIdsOf(stream);
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
    for (let b = 0; b + 1 < bounds.length; b++) {
      const batch = stream.slice(bounds[b], bounds[b + 1]);
      if (batch.length === 0) continue;
      const problems: string[] = [];
      const events = eventDifference(reference.process(batch), subject.process(batch));
      if (events !== undefined) problems.push(events);
      else problems.push(...bookDifferences(symbolIds, reference, subject));
      if (problems.length > 0)
        throw new Error(`in the batch of commands #${bounds[b]}..#${bounds[b + 1]! - 1}:\n${streamReport(stream, bounds[b + 1]! - 1)}\n${problems.join('\n')}`);
    }
  });
  assertProperty(t, property, 500);
});

test('determinism: the same stream through two fresh native matchers gives identical events and books', (t) => {
  const native = requireNative(t);
  if (native === undefined) return;
  const property = fc.property(commandStream({ minCommands: 1, maxCommands: 400 }), (stream) => {
    const first = native.create();
    const second = native.create();
    // One call for the first, one call per command for the second: neither may matter.
    const firstEvents = first.process(stream);
    const secondEvents = stream.flatMap((c) => second.process([c]));
    const labels: Labels = ['first ', 'second'];
    const events = eventDifference(firstEvents, secondEvents, labels);
    if (events !== undefined) throw new Error(`${streamReport(stream, stream.length - 1)}\n${events}`);
    const books = bookDifferences(symbolIdsOf(stream), first, second, labels);
    if (books.length > 0) throw new Error(`${streamReport(stream, stream.length - 1)}\n${books.join('\n')}`);
  });
  assertProperty(t, property, 100);
});
