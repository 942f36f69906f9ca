// The states of an acceptor session (see the diagram in acceptor-session.ts).
export const SessionState = {
  /** No connection is logged on: the session waits for the next Logon. */
  AwaitingLogon: 'awaiting-logon',
  Active: 'active',
  /** We sent a Logout and wait for the peer's (or the timeout). */
  LogoutSent: 'logout-sent',
  /** A Logout was answered or a fatal problem found: the connection is being closed. */
  Closing: 'closing',
} as const;
export type SessionState = (typeof SessionState)[keyof typeof SessionState];
