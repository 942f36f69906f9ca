// Matcher throughput and latency on an exchange-core-like stream (bench/support/exchange-mix.ts):
// (a) the C++ core alone, timed inside the addon on a pre-encoded buffer;
// (b) through the TypeScript facade's fast path, encoding each command and reading every event,
//     one native call per batch, as the sequencer will;
// (c) the TypeScript reference book on the same stream: the in-run baseline.
// All three must produce the same number of events, or the run is refused.
import { loadNativeAddon } from '../src/matcher/native-addon';
import { NativeMatcher } from '../src/matcher/native-matcher';
import { encodeCommands } from '../src/matcher/command-buffer';
import { CommandType, type Command } from '../src/matcher/types';
import { ReferenceMatcher } from '../test/support/reference-book';
import type { BenchOptions, BenchResult } from './run';
import { DEFAULT_MIX, generateExchangeMix } from './support/exchange-mix';
import { median, say } from './support/report';

/** Commands per native call: 512 keeps both shared buffers in cache (measured faster than 4096). */
const BATCH = 512;

/** One pass through the facade's fast path; returns [elapsedNs, events, checksum of event fields read]. */
function runFacade(stream: readonly Command[]): [number, number, number] {
  const matcher = new NativeMatcher();
  const enc = matcher.encoder;
  const events = matcher.events;
  let eventCount = 0;
  let checksum = 0;
  const drain = (): void => {
    const n = matcher.flush();
    for (let i = 0; i < n; i++) checksum = (checksum + events.type(i) + events.orderId(i)) % 1_000_000_007;
    eventCount += n;
  };
  const start = process.hrtime.bigint();
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    switch (c.type) {
      case CommandType.NewOrder:
        enc.newOrder(c.seq, c.ts, c.orderId, c.symbolId, c.side, c.ordType, c.tif, c.flags, c.stpMode, c.price, c.stopPx, c.qty, c.minQty, c.displayQty, c.expireTime, c.sessionId, c.firmId, c.stpId);
        break;
      case CommandType.Cancel:
        enc.cancel(c.seq, c.ts, c.orderId);
        break;
      case CommandType.Replace:
        enc.replace(c.seq, c.ts, c.orderId, c.price, c.stopPx, c.qty);
        break;
      default:
        enc.command(c);
    }
    if (enc.pending === BATCH) drain();
  }
  drain();
  return [Number(process.hrtime.bigint() - start), eventCount, checksum];
}

function runReference(stream: readonly Command[]): [number, number] {
  const matcher = new ReferenceMatcher();
  let eventCount = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < stream.length; i += BATCH) eventCount += matcher.process(stream.slice(i, i + BATCH)).length;
  return [Number(process.hrtime.bigint() - start), eventCount];
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const mix = { ...DEFAULT_MIX, commands: options.quick ? 200_000 : DEFAULT_MIX.commands };
  const rounds = options.quick ? 3 : 7;
  const referenceRounds = options.quick ? 1 : 3;

  say(`generating ${mix.commands} commands (seed ${mix.seed}, ~${mix.restingTarget} resting orders on ~${mix.levels} levels)`);
  const stream = generateExchangeMix(new ReferenceMatcher(), mix);
  const n = stream.length;
  const { buffer, count } = encodeCommands(stream);
  const addon = loadNativeAddon();

  // (a) the C++ core alone: warm-up, then one fresh engine per round.
  addon.benchCore(buffer, count, 1, BATCH);
  const core = addon.benchCore(buffer, count, rounds, BATCH);
  const coreEventsPerRun = core.eventCount / rounds;
  const coreRate = n / (median(core.runsNs) / 1e9);
  const latency = addon.benchCoreLatency(buffer, count);
  say(`core alone:  ${(coreRate / 1e6).toFixed(2)} M cmds/s (median of ${rounds}), p50 ${latency.p50Ns} ns, p99 ${latency.p99Ns} ns, p99.9 ${latency.p999Ns} ns`);

  // (b) the facade fast path.
  runFacade(stream);
  const facadeRuns: number[] = [];
  let facadeEvents = 0;
  for (let r = 0; r < rounds; r++) {
    const [ns, events] = runFacade(stream);
    facadeRuns.push(ns);
    facadeEvents = events;
  }
  const facadeRate = n / (median(facadeRuns) / 1e9);
  say(`facade:      ${(facadeRate / 1e6).toFixed(2)} M cmds/s (median of ${rounds}, batches of ${BATCH}, every event read)`);

  // (c) the reference book, same stream.
  const referenceRuns: number[] = [];
  let referenceEvents = 0;
  for (let r = 0; r < referenceRounds; r++) {
    const [ns, events] = runReference(stream);
    referenceRuns.push(ns);
    referenceEvents = events;
  }
  const referenceRate = n / (median(referenceRuns) / 1e9);
  say(`reference:   ${(referenceRate / 1e6).toFixed(2)} M cmds/s (median of ${referenceRounds})`);

  if (coreEventsPerRun !== facadeEvents || facadeEvents !== referenceEvents) {
    throw new Error(`event counts differ: core ${coreEventsPerRun}, facade ${facadeEvents}, reference ${referenceEvents}`);
  }
  say(`events per run: ${facadeEvents}; core/reference ${(coreRate / referenceRate).toFixed(1)}x, facade/reference ${(facadeRate / referenceRate).toFixed(1)}x`);

  return {
    bench: 'matcher',
    commands: n,
    events: facadeEvents,
    core_cmds_per_s: Math.round(coreRate),
    facade_cmds_per_s: Math.round(facadeRate),
    reference_cmds_per_s: Math.round(referenceRate),
    core_ratio: Number((coreRate / referenceRate).toFixed(2)),
    facade_ratio: Number((facadeRate / referenceRate).toFixed(2)),
    core_p50_ns: latency.p50Ns,
    core_p99_ns: latency.p99Ns,
    core_p999_ns: latency.p999Ns,
    batch: BATCH,
    rounds,
  };
}
