// Who sends a message, as the gateway needs it: the session's and the firm's names (order state,
// risk) and numbers (the matcher's sessionId/firmId/stpId), and the session's default
// self-trade prevention mode. Numbers are assigned deterministically from the session file so a
// replay of the write-ahead log meets the same ids: sessions by their position in the file (1..n),
// firms by their names in sorted order (1..m).
import type { GatewayConfig, SelfTradePrevention } from '../config/session-config-schema';
import { StpMode } from '../matcher/types';

export interface SessionContext {
  readonly session: string;
  readonly sessionId: number;
  readonly firm: string;
  readonly firmId: number;
  /** Used when the order carries no STP_MODE_TAG. */
  readonly stpMode: StpMode;
}

/**
 * Venue tag overriding the session's self-trade prevention mode per order (FIX has no standard
 * tag). Values: 0 none, 1 cancel resting, 2 cancel aggressing, 3 cancel both, 4 decrement — the
 * matcher's StpMode numbers. The STP key is always the firm: one firm's orders never trade with
 * each other unless the order says 0.
 */
export const STP_MODE_TAG = 8000;

export const STP_MODES: Readonly<Record<SelfTradePrevention, StpMode>> = Object.freeze({
  none: StpMode.None,
  'cancel-resting': StpMode.CancelResting,
  'cancel-aggressing': StpMode.CancelAggressing,
  'cancel-both': StpMode.CancelBoth,
  decrement: StpMode.Decrement,
});

/** Contexts for every session of the file, by session name. */
export function sessionContexts(config: GatewayConfig): Map<string, SessionContext> {
  const firms = [...new Set(config.sessions.map((s) => s.firm))].sort();
  const firmIds = new Map(firms.map((f, i) => [f, i + 1]));
  const out = new Map<string, SessionContext>();
  config.sessions.forEach((s, i) => {
    out.set(s.name, {
      session: s.name,
      sessionId: i + 1,
      firm: s.firm,
      firmId: firmIds.get(s.firm) as number,
      stpMode: STP_MODES[s.risk.selfTradePrevention],
    });
  });
  return out;
}
