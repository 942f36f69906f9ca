// The session file's view of a session (src/config) adapted to the session layer's (fix/session),
// so neither depends on the other. Two meanings differ and are settled here: an empty IP allowlist
// allows any address in the file (the session layer's own list would allow none), and credentials
// "none" means the CompID pair and the allowlist are the only check.
import type { GatewayConfig, SessionConfig, TimestampPrecision as ConfigPrecision } from '../config/session-config-schema';
import type { IpAllowlist } from '../config/ip-allowlist';
import { TimestampPrecision } from '../fix/codec';
import { ScryptAuthenticator, type AcceptorDefinition, type SessionAuthenticator } from '../fix/session';

const PRECISIONS: Record<ConfigPrecision, TimestampPrecision> = {
  milliseconds: TimestampPrecision.Millis,
  microseconds: TimestampPrecision.Micros,
  nanoseconds: TimestampPrecision.Nanos,
};

export function acceptorDefinition(gateway: GatewayConfig, session: SessionConfig): AcceptorDefinition {
  const credentials = session.credentials === 'none' ? { username: '', passwordHash: '' } : session.credentials;
  return {
    name: session.name,
    role: session.role,
    firm: session.firm,
    beginString: session.beginString,
    peerCompId: session.targetCompId,
    ourCompId: session.senderCompId,
    username: credentials.username,
    passwordHash: credentials.passwordHash,
    allowedAddresses: session.allowedIps,
    heartbeat: session.heartbeat,
    throttle: {
      messagesPerSecond: session.throttle.messagesPerSecond,
      burst: session.throttle.burst,
      hardLimitPerSecond: session.throttle.hardLimitPerSecond,
    },
    timestampPrecision: PRECISIONS[session.timestampPrecision],
    nextExpectedMsgSeqNum: session.sendNextExpectedMsgSeqNum,
    resetOnLogon: session.resetOnLogon,
    cancelOnDisconnect: session.cancelOnDisconnect,
    sendingTimeToleranceMs: gateway.sendingTimeToleranceSeconds * 1000,
  };
}

/** Address and password checks with the session file's meanings (see the top of this file). */
export class ConfiguredAuthenticator implements SessionAuthenticator {
  private readonly allowlists = new Map<string, IpAllowlist>();
  private readonly passwordless = new Set<string>();
  private readonly scrypt = new ScryptAuthenticator();

  constructor(sessions: readonly SessionConfig[]) {
    for (const session of sessions) {
      this.allowlists.set(session.name, session.allowlist);
      if (session.credentials === 'none') this.passwordless.add(session.name);
    }
  }

  addressAllowed(definition: AcceptorDefinition, remoteAddress: string): boolean {
    return this.allowlists.get(definition.name)?.allows(remoteAddress) ?? false;
  }

  verifyPassword(definition: AcceptorDefinition, username: string, password: string): Promise<boolean> {
    if (this.passwordless.has(definition.name)) return Promise.resolve(true);
    return this.scrypt.verifyPassword(definition, username, password);
  }
}
