// End to end: brokers' FIX sessions → gateway process → ExecutionReports, over 127.0.0.1.
//
// Targets, each a separate process with its own event loop:
// - durable: the real gateway (`fixgate start`, default durability) on a temp copy of sessions/demo
//   with N bench sessions added (FIX 4.4, known test passwords, one firm each, throttle and risk
//   limits raised so the benchmark measures the order path, not its refusals);
// - relaxed: the gateway with a relaxed durability option, when its configuration has one;
// - baseline: a jspurefix acceptor answering every order with one ExecutionReport and keeping no
//   log (bench/support/jspurefix-acceptor.ts).
//
// Method, per target (bench/support/load-generator.ts does the offering and counting):
// 1. maximum rate: flat out, every session keeping WINDOW requests in flight, after a warm-up;
//    requests completed (reply received) per second of wall time in the measured window.
// 2. latency: a fixed schedule at 50% of the durable maximum, offered to every target alike; the
//    latency of each request is first reply received − its scheduled send time (so a stall counts
//    against every request due during it), all of them in one histogram; p50/p99/p99.9 and the SVG
//    chart come from those histograms.
// The load generator runs in this process and shares the machine's cores with the target.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/config/password-hash';
import { freePort, startGateway, type GatewayUnderTest } from '../test/support/gateway-fixture';
import type { BenchOptions, BenchResult } from './run';
import { BASELINE_COMP_ID, startBaselineAcceptor, type BaselineAcceptor } from './support/jspurefix-acceptor';
import { writeLatencyChart, type ChartSeries } from './support/latency-chart';
import { LoadGenerator, type LoadTarget, type PhaseOptions, type PhaseResult, type SessionLogin } from './support/load-generator';
import { median, say } from './support/report';

const SESSIONS = 4;
/** Requests each session keeps in flight when finding the maximum rate. */
const WINDOW = 64;
/** ACME in sessions/demo/instruments.json: 2 price decimals, reference price 100.00. */
const SYMBOL = 'ACME';
const MID_TICKS = 10_000;
const PRICE_SCALE = 2;
const CHART = join(__dirname, 'results', 'e2e-latency.svg');
const RELAXED_UNAVAILABLE =
  'the sequencer has Durability.Relaxed, but the gateway configuration (src/config/session-config-schema.ts) has no option selecting it yet, so relaxed_orders_per_s is null';

interface Sizes {
  /** Rounds of the maximum-rate phase per target; the median is reported (the machine is shared and noisy). */
  maxRounds: number;
  maxPhase: PhaseOptions;
  latencyPhase: Omit<PhaseOptions, 'rate'>;
}

const QUICK: Sizes = {
  maxRounds: 1,
  maxPhase: { window: WINDOW, warmupS: 1, measureS: 2, drainS: 2 },
  latencyPhase: { warmupS: 1, measureS: 3, drainS: 2 },
};
const FULL: Sizes = {
  maxRounds: 3,
  maxPhase: { window: WINDOW, warmupS: 3, measureS: 10, drainS: 5 },
  latencyPhase: { warmupS: 3, measureS: 20, drainS: 5 },
};

function us(ns: number): number {
  return Math.round(ns / 100) / 10;
}

function describe(name: string, r: PhaseResult): void {
  const h = r.latency;
  const offered = r.offeredPerS === null ? 'flat out' : `offered ${Math.round(r.offeredPerS)}/s`;
  say(
    `  ${name}: ${offered}, completed ${Math.round(r.completedPerS)} requests/s (${Math.round(r.newOrdersPerS)} new orders/s); ` +
      `p50 ${us(h.percentile(50))} µs, p99 ${us(h.percentile(99))} µs, p99.9 ${us(h.percentile(99.9))} µs, max ${us(h.max)} µs; ` +
      `${r.fills} fills, ${r.orderRejects} orders rejected, ${r.cancelRejects} cancel/replace rejected, ${r.unanswered} unanswered, worst send lag ${r.maxSendLagMs.toFixed(1)} ms`,
  );
  if (r.firstCancelRejectText !== undefined) say(`  ${name}: first OrderCancelReject: ${r.firstCancelRejectText}`);
  if (r.offeredPerS !== null && r.completedPerS < 0.95 * r.offeredPerS) {
    say(`  ${name}: NOT sustained: completed ${Math.round(r.completedPerS)}/s is below 95% of the offered ${Math.round(r.offeredPerS)}/s`);
  }
}

/** Bench sessions: BENCH1..N, each its own firm (so their orders may trade with each other). */
/** The maximum-rate phase `rounds` times; each round printed, the median of completed/s returned. */
async function maximum(gen: LoadGenerator, sizes: Sizes): Promise<{ perS: number; newPerS: number }> {
  const rounds: PhaseResult[] = [];
  for (let i = 0; i < sizes.maxRounds; i++) {
    const r = await gen.runPhase(sizes.maxPhase);
    describe(sizes.maxRounds > 1 ? `maximum, round ${i + 1}` : 'maximum', r);
    rounds.push(r);
  }
  const perS = median(rounds.map((r) => r.completedPerS));
  if (sizes.maxRounds > 1) say(`  maximum (median of ${sizes.maxRounds}): ${Math.round(perS)} requests/s`);
  return { perS, newPerS: median(rounds.map((r) => r.newOrdersPerS)) };
}

function benchLogins(targetCompId: string): SessionLogin[] {
  return Array.from({ length: SESSIONS }, (_, i) => ({
    senderCompId: `BENCH${i + 1}`,
    targetCompId,
    username: `bench${i + 1}`,
    password: `bench-${i + 1}-password`,
  }));
}

function target(label: string, port: number, sessions: SessionLogin[]): LoadTarget {
  return { label, port, sessions, symbol: SYMBOL, midTicks: MID_TICKS, priceScale: PRICE_SCALE, heartBtIntS: 30 };
}

/** The gateway on a temp copy of sessions/demo, with the bench sessions and raised limits. */
async function startBenchGateway(logins: SessionLogin[]): Promise<GatewayUnderTest> {
  const hashes = await Promise.all(logins.map((l) => hashPassword(l.password as string)));
  return startGateway({
    edit(config) {
      const sessions = config.sessions as Array<Record<string, unknown>>;
      const firms = (config.firms ?? {}) as Record<string, unknown>;
      logins.forEach((l, i) => {
        const firm = l.senderCompId;
        firms[firm] = { creditLimit: '1000000000000' };
        sessions.push({
          name: `${l.senderCompId}-OE`,
          beginString: 'FIX.4.4',
          senderCompId: l.targetCompId,
          targetCompId: l.senderCompId,
          role: 'order-entry',
          credentials: { username: l.username, passwordHash: hashes[i] },
          allowedIps: ['127.0.0.1'],
          firm,
          throttle: { messagesPerSecond: 1_000_000, burst: 1_000_000, hardLimitPerSecond: 1_000_000 },
          maxOutboundQueueBytes: 1_073_741_824,
          risk: {
            maxOrderQty: '1000000',
            maxOrderNotional: '1000000000',
            priceCollarPercent: '10',
            maxOpenOrders: 10_000_000,
            maxDailyOrders: 1_000_000_000,
            selfTradePrevention: 'none',
          },
        });
      });
      config.firms = firms;
    },
  });
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const sizes = options.quick ? QUICK : FULL;
  say(`e2e: ${SESSIONS} FIX 4.4 sessions over 127.0.0.1, mix 50% new / 30% cancel / 20% replace on ${SYMBOL}, priced around ${MID_TICKS / 10 ** PRICE_SCALE}`);
  say(
    `e2e: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}): the load generator runs in this process and shares them with the target, ` +
      'so absolute figures are lower than on a machine where the brokers are elsewhere',
  );
  say(
    `e2e: maximum = flat out with ${WINDOW} requests in flight per session, completed requests (reply received) per second over ${sizes.maxPhase.measureS} s after ${sizes.maxPhase.warmupS} s warm-up, median of ${sizes.maxRounds}; ` +
      `latency = fixed schedule at 50% of the durable maximum, first reply − scheduled send, over ${sizes.latencyPhase.measureS} s after ${sizes.latencyPhase.warmupS} s warm-up`,
  );

  const stops: Array<() => Promise<unknown>> = [];
  try {
    // Baseline first: its figures are printed even when the gateway then fails.
    const basePort = await freePort();
    const acceptor: BaselineAcceptor = await startBaselineAcceptor(basePort);
    stops.push(() => acceptor.stop());
    const baseGen = await LoadGenerator.connect(target('the jspurefix baseline', basePort, benchLogins(BASELINE_COMP_ID)));
    stops.unshift(() => baseGen.close());
    say('baseline (jspurefix acceptor, no log):');
    const baseMax = await maximum(baseGen, sizes);

    const logins = benchLogins('FIXGATE');
    const gateway = await startBenchGateway(logins);
    stops.push(() => gateway.stop());
    const gwGen = await LoadGenerator.connect(target('the gateway', gateway.port, logins));
    stops.unshift(() => gwGen.close());
    say('durable (fixgate, default durability):');
    const durableMax = await maximum(gwGen, sizes);

    say(`relaxed: ${RELAXED_UNAVAILABLE}`);

    const rate = Math.max(1, Math.round(durableMax.perS / 2));
    say(`latency at ${rate} requests/s (50% of the durable maximum), fixed schedule:`);
    const durableLat = await gwGen.runPhase({ ...sizes.latencyPhase, rate });
    describe('durable', durableLat);
    const baseLat = await baseGen.runPhase({ ...sizes.latencyPhase, rate });
    describe('baseline', baseLat);

    const series: ChartSeries[] = [
      { label: `fixgate durable @ ${rate}/s`, histogram: durableLat.latency },
      { label: `jspurefix baseline @ ${rate}/s`, histogram: baseLat.latency },
    ];
    writeLatencyChart(
      CHART,
      'fixgate e2e: first ExecutionReport latency',
      `${SESSIONS} FIX 4.4 sessions, fixed schedule at 50% of the durable maximum; generator shares ${cpus().length} cores with the target${options.quick ? ' (--quick)' : ''}`,
      series,
    );
    say(`chart: ${CHART}`);

    const ratio = durableMax.perS / baseMax.perS;
    say(`durable / baseline: ${ratio.toFixed(2)}`);
    return {
      bench: 'e2e',
      durable_orders_per_s: Math.round(durableMax.perS),
      relaxed_orders_per_s: null,
      baseline_orders_per_s: Math.round(baseMax.perS),
      ratio: Math.round(ratio * 1000) / 1000,
      durable_p50_us: us(durableLat.latency.percentile(50)),
      durable_p99_us: us(durableLat.latency.percentile(99)),
      durable_p999_us: us(durableLat.latency.percentile(99.9)),
      chart: 'bench/results/e2e-latency.svg',
      latency_rate_per_s: rate,
      baseline_p50_us: us(baseLat.latency.percentile(50)),
      baseline_p99_us: us(baseLat.latency.percentile(99)),
      baseline_p999_us: us(baseLat.latency.percentile(99.9)),
      durable_new_orders_per_s: Math.round(durableMax.newPerS),
      durable_latency_sustained: durableLat.completedPerS >= 0.95 * rate,
      relaxed_note: RELAXED_UNAVAILABLE,
      sessions: SESSIONS,
      method:
        `maximum: flat out, ${WINDOW} in flight per session, completed requests (D/F/G, reply received) per wall second after warm-up; ` +
        'latency: fixed schedule at 50% of the durable maximum, first reply minus scheduled send, HdrHistogram-style (2 significant digits)',
      note: 'load generator in the same process tree shares the cores with the target',
    };
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}
