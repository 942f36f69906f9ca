// The FIX session layer: the acceptor's registry (the transport's entry), the per-session state
// machine, and the ports the transport and the gateway implement.
export type {
  ApplicationHandler,
  ConnectionBinding,
  LogonRefusalListener,
  SessionAcceptor,
  SessionHandle,
  SessionLink,
} from './session-ports';
export { LogonRefusal } from './session-ports';
export { SessionRegistry, LOGON_REFUSED_TEXT, type SessionRegistryOptions } from './session-registry';
export { AcceptorSession } from './acceptor-session';
export { SessionState } from './session-state';
export type { AcceptorDefinition, HeartbeatBounds, LogonCredentials, ThrottleLimits, ThrottleRejectWith } from './session-definition';
export { DefinitionAuthenticator, type SessionAuthenticator } from './session-authenticator';
export { systemClock, VirtualClock, type Clock, type TimerHandle } from './clock';
export { UnavailableApplication } from './unavailable-application';
export { BusinessRejectReason, businessRejectRefIdOf, writeBusinessMessageReject } from './admin-messages';
