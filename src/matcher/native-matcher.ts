// The typed facade over the native matcher. Two ways in:
//
//  - the fast path (gateway, benchmark): write commands with `matcher.encoder.<command>(...)`,
//    call `matcher.flush()` — one native call for the whole batch, returning the event count —
//    then read the events in place with `matcher.events.<field>(i)`. Nothing is allocated per
//    command or per event; the events stay readable until the next flush.
//  - the convenient path (tests): `process(commands)` returns MatcherEvent objects, and `l2`/`l3`
//    return the snapshot shapes of types.ts.
//
// Both paths share one encoder: `process` also processes (and returns the events of) commands
// already written to the encoder and not yet flushed.
import { CONTROL_BYTES, ControlWord } from './buffer-layout';
import { CommandEncoder } from './command-buffer';
import { EventReader } from './event-buffer';
import { loadNativeAddon, type NativeMatcherHandle } from './native-addon';
import type {
  Command,
  L2Level,
  L2Snapshot,
  L3Order,
  L3Snapshot,
  Matcher,
  MatcherEvent,
  OrdType,
  Side,
  TradingState,
} from './types';

/** Local copy: an imported binding compiles to a property read on every flush. */
const CONTROL_GENERATION = ControlWord.eventGeneration;
/** `process` flushes every this many commands, bounding the command buffer it needs. */
const PROCESS_BATCH = 1024;
const L2_LEVEL_NUMBERS = 3;
const L3_ORDER_NUMBERS = 5;
const L3_STOP_NUMBERS = 6;

export interface NativeMatcherOptions {
  /** Initial command buffer capacity in commands (it grows when needed). Default 1024. */
  commandCapacity?: number;
}

export class NativeMatcher implements Matcher {
  /** Where the fast path writes commands; `flush()` processes them. */
  readonly encoder: CommandEncoder;
  /** The last flush's events, read in place. */
  readonly events = new EventReader();
  private readonly handle: NativeMatcherHandle;
  private readonly control: Uint32Array;
  private registeredBuffer: ArrayBuffer;
  private eventGeneration: number;

  constructor(options: NativeMatcherOptions = {}) {
    const addon = loadNativeAddon();
    this.encoder = new CommandEncoder(options.commandCapacity);
    this.registeredBuffer = this.encoder.buffer;
    const control = new ArrayBuffer(CONTROL_BYTES);
    this.control = new Uint32Array(control);
    this.handle = new addon.Matcher(this.registeredBuffer, control);
    this.eventGeneration = this.control[CONTROL_GENERATION];
    this.events.attach(this.handle.eventBuffer());
  }

  /** Processes every command written to the encoder since the last flush; returns the event count. */
  flush(): number {
    const buffer = this.encoder.buffer;
    if (buffer !== this.registeredBuffer) {
      this.handle.setCommandBuffer(buffer);
      this.registeredBuffer = buffer;
    }
    const count = this.handle.process(this.encoder.pending);
    this.encoder.reset();
    const generation = this.control[CONTROL_GENERATION];
    if (generation !== this.eventGeneration) {
      this.eventGeneration = generation;
      this.events.attach(this.handle.eventBuffer());
    }
    this.events.size = count;
    return count;
  }

  process(commands: readonly Command[]): MatcherEvent[] {
    const out: MatcherEvent[] = [];
    for (const command of commands) {
      this.encoder.command(command);
      if (this.encoder.pending >= PROCESS_BATCH) this.flushInto(out);
    }
    this.flushInto(out);
    return out;
  }

  l2(symbolId: number, depth: number): L2Snapshot | undefined {
    const flat = this.handle.l2(asNumber(symbolId), asNumber(depth));
    if (flat === undefined) return undefined;
    let at = 2;
    const levels = (n: number): L2Level[] => {
      const list: L2Level[] = [];
      for (let k = 0; k < n; k += 1, at += L2_LEVEL_NUMBERS) {
        list.push({ price: flat[at], qty: flat[at + 1], orders: flat[at + 2] });
      }
      return list;
    };
    const bids = levels(flat[0]);
    const asks = levels(flat[1]);
    return { symbolId, bids, asks };
  }

  l3(symbolId: number): L3Snapshot | undefined {
    const flat = this.handle.l3(asNumber(symbolId));
    if (flat === undefined) return undefined;
    let at = 5;
    const orders = (n: number): L3Order[] => {
      const list: L3Order[] = [];
      for (let k = 0; k < n; k += 1, at += L3_ORDER_NUMBERS) {
        list.push({
          orderId: flat[at],
          side: flat[at + 1] as Side,
          price: flat[at + 2],
          leaves: flat[at + 3],
          displayed: flat[at + 4],
        });
      }
      return list;
    };
    const bids = orders(flat[2]);
    const asks = orders(flat[3]);
    const stops: L3Snapshot['stops'] = [];
    for (let k = 0; k < flat[4]; k += 1, at += L3_STOP_NUMBERS) {
      stops.push({
        orderId: flat[at],
        side: flat[at + 1] as Side,
        ordType: flat[at + 2] as OrdType,
        stopPx: flat[at + 3],
        price: flat[at + 4],
        leaves: flat[at + 5],
      });
    }
    return { symbolId, state: flat[0] as TradingState, lastTradePrice: flat[1], bids, asks, stops };
  }

  private flushInto(out: MatcherEvent[]): void {
    const count = this.flush();
    for (let i = 0; i < count; i += 1) out.push(this.events.decode(i));
  }
}

/** The addon takes numbers only; anything else is a symbol nobody has. */
function asNumber(value: unknown): number {
  return typeof value === 'number' ? value : NaN;
}
