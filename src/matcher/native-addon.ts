// The one place that loads the native matcher addon (native/build/Release/fixgate_matcher.node)
// and states what it exports. A missing addon or one built from another buffer layout is refused
// here with GW_ERR_NATIVE_ADDON_MISSING, before any command is encoded.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ErrorCode, GatewayError } from '../errors';
import { COMMAND_RECORD_BYTES, EVENT_RECORD_BYTES, LAYOUT_VERSION } from './buffer-layout';

const ADDON_RELATIVE_PATH = join('native', 'build', 'Release', 'fixgate_matcher.node');

/** One native matcher (its C++ engine). */
export interface NativeMatcherHandle {
  /** Runs the first `count` records of the command buffer; returns how many events it wrote. */
  process(count: number): number;
  /** Registers a new (larger) command buffer. */
  setCommandBuffer(buffer: ArrayBuffer): void;
  /** The ArrayBuffer holding the last batch's events (changes when the control generation does). */
  eventBuffer(): ArrayBuffer;
  /** [bidLevels, askLevels, (price, qty, orders)...]; undefined for an unknown symbol. */
  l2(symbolId: number, depth: number): Float64Array | undefined;
  /** [state, lastTradePrice, bids, asks, stops, (orderId, side, price, leaves, displayed)..., (orderId, side, ordType, stopPx, price, leaves)...]. */
  l3(symbolId: number): Float64Array | undefined;
}

export interface CoreThroughput {
  /** Sum over all repeats of the time spent processing (engine construction excluded). */
  elapsedNs: number;
  /** Sum over all repeats of the events written. */
  eventCount: number;
  /** Each repeat's time. */
  runsNs: number[];
}

export interface CoreLatency {
  p50Ns: number;
  p99Ns: number;
  p999Ns: number;
  maxNs: number;
  /** One sample per command, ascending. */
  samplesNs: Float64Array;
}

export interface NativeAddon {
  Matcher: new (commandBuffer: ArrayBuffer, control: ArrayBuffer) => NativeMatcherHandle;
  /**
   * Times the C++ core alone: `repeats` fresh engines each run the first `count` records of
   * `commandBuffer` (encoded by CommandEncoder) in batches of `batchSize` (default 4096).
   */
  benchCore(commandBuffer: ArrayBuffer, count: number, repeats: number, batchSize?: number): CoreThroughput;
  /** Times each command on its own on a fresh engine (steady_clock around every command). */
  benchCoreLatency(commandBuffer: ArrayBuffer, count: number): CoreLatency;
  layout: { version: number; commandRecordBytes: number; eventRecordBytes: number };
}

/** Walks up from this file (src/matcher or dist/src/matcher) to the repository's native/ build. */
function findAddon(): string | undefined {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, ADDON_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

let loaded: NativeAddon | undefined;

export function loadNativeAddon(): NativeAddon {
  if (loaded) return loaded;
  const path = findAddon();
  if (path === undefined) {
    throw new GatewayError(
      ErrorCode.NativeAddonMissing,
      `the native matcher addon (${ADDON_RELATIVE_PATH}) is not built; run \`make build\``,
    );
  }
  const addon = require(path) as NativeAddon;
  const { version, commandRecordBytes, eventRecordBytes } = addon.layout;
  if (version !== LAYOUT_VERSION || commandRecordBytes !== COMMAND_RECORD_BYTES || eventRecordBytes !== EVENT_RECORD_BYTES) {
    throw new GatewayError(
      ErrorCode.NativeAddonMissing,
      `${path} was built for buffer layout ${version} and this code expects ${LAYOUT_VERSION}; run \`make build\``,
    );
  }
  loaded = addon;
  return addon;
}
