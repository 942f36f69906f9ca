// The counters the risk engine keeps per session and per firm, and the working orders it knows.
import type { SessionRiskLimits } from '../../config/session-config-schema';
import { amountOf, basisPointsOf } from './amounts';

export class SessionRisk {
  readonly maxOrderQty: bigint;
  readonly maxOrderNotional: bigint;
  readonly collarBasisPoints: number;
  readonly maxOpenOrders: number;
  readonly maxDailyOrders: number;
  /** Working orders plus orders admitted and not yet seen accepted or rejected. */
  openOrders = 0;
  dailyOrders = 0;
  killSwitch = false;

  constructor(
    readonly name: string,
    readonly firm: string,
    limits: SessionRiskLimits,
  ) {
    this.maxOrderQty = amountOf(limits.maxOrderQty);
    this.maxOrderNotional = amountOf(limits.maxOrderNotional);
    this.collarBasisPoints = basisPointsOf(limits.priceCollarPercent);
    this.maxOpenOrders = limits.maxOpenOrders;
    this.maxDailyOrders = limits.maxDailyOrders;
  }
}

export class FirmRisk {
  /** Gross open notional at scale 18: working orders and admitted ones not yet answered. */
  openNotional = 0n;
  killSwitch = false;

  constructor(
    readonly name: string,
    readonly creditLimit: bigint,
  ) {}
}

/** What the engine holds for one order: who owns it and the exposure it was counted with. */
export interface TrackedOrder {
  readonly session: SessionRisk;
  readonly firm: FirmRisk;
  exposure: bigint;
}
