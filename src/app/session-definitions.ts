// The session file's view of a session (src/config) adapted to the session layer's (fix/session),
// so neither depends on the other's shape. Who may log on travels as the file means it: the parsed
// allowlist (no entries = any address, which the loader permits only with a password) and the
// credential, absent for "none" (the CompID pair and the allowlist are then the only check).
import type { GatewayConfig, SessionConfig, TimestampPrecision as ConfigPrecision } from '../config/session-config-schema';
import { TimestampPrecision } from '../fix/codec';
import type { AcceptorDefinition } from '../fix/session';

const PRECISIONS: Record<ConfigPrecision, TimestampPrecision> = {
  milliseconds: TimestampPrecision.Millis,
  microseconds: TimestampPrecision.Micros,
  nanoseconds: TimestampPrecision.Nanos,
};

export function acceptorDefinition(gateway: GatewayConfig, session: SessionConfig): AcceptorDefinition {
  return {
    name: session.name,
    role: session.role,
    firm: session.firm,
    beginString: session.beginString,
    defaultApplVerId: session.defaultApplVerID,
    peerCompId: session.targetCompId,
    ourCompId: session.senderCompId,
    credentials: session.credentials === 'none' ? undefined : session.credentials,
    allowlist: session.allowlist,
    heartbeat: session.heartbeat,
    throttle: {
      messagesPerSecond: session.throttle.messagesPerSecond,
      burst: session.throttle.burst,
      hardLimitPerSecond: session.throttle.hardLimitPerSecond,
      rejectWith: session.throttle.rejectWith,
    },
    timestampPrecision: PRECISIONS[session.timestampPrecision],
    nextExpectedMsgSeqNum: session.sendNextExpectedMsgSeqNum,
    resetOnLogon: session.resetOnLogon,
    cancelOnDisconnect: session.cancelOnDisconnect,
    cancelOnLogout: session.cancelOnLogout,
    sendingTimeToleranceMs: gateway.sendingTimeToleranceSeconds * 1000,
  };
}
