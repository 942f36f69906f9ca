// The invariants of docs/matcher.md hold after every command of random streams through the
// reference book (the native matcher is held to them in differential.test.ts).
import test from 'ava';
import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { commandStream } from '../support/command-gen';
import { InvariantChecker } from '../support/invariants';
import { assertProperty } from '../support/property-run';
import { ReferenceMatcher } from '../support/reference-book';

test('reference: invariants hold after every command of random streams', (t) => {
  const property = fc.property(commandStream({ minCommands: 1, maxCommands: 400 }), (stream) => {
    const matcher = new ReferenceMatcher();
    const checker = new InvariantChecker();
    for (const command of stream) checker.assert(command, matcher.process([command]), matcher);
  });
  assertProperty(t, property, 500);
});

test('reference: processing a stream in one batch gives the events of processing it command by command', (t) => {
  const property = fc.property(commandStream({ minCommands: 1, maxCommands: 200 }), (stream) => {
    const oneByOne = new ReferenceMatcher();
    const expected = stream.flatMap((c) => oneByOne.process([c]));
    const actual = new ReferenceMatcher().process(stream);
    if (!isDeepStrictEqual(actual, expected)) throw new Error('batch and one-by-one events differ');
  });
  assertProperty(t, property, 100);
});
