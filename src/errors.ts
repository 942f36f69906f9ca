// The catalogue of errors raised at the gateway's edges (configuration, CLI, start-up). Each has a
// stable code that operators can search for; the order path does not throw, it returns numeric
// result codes (see src/matcher/types.ts RejectReason) that are mapped to FIX reasons once.

export const ErrorCode = {
  ConfigUnreadable: 'GW_ERR_CONFIG_UNREADABLE',
  ConfigInvalid: 'GW_ERR_CONFIG_INVALID',
  NativeAddonMissing: 'GW_ERR_NATIVE_ADDON_MISSING',
  InstrumentRejected: 'GW_ERR_INSTRUMENT_REJECTED',
  StoreUnavailable: 'GW_ERR_STORE_UNAVAILABLE',
  StoreCommitFailed: 'GW_ERR_STORE_COMMIT_FAILED',
  StoreCorrupt: 'GW_ERR_STORE_CORRUPT',
  WalUnavailable: 'GW_ERR_WAL_UNAVAILABLE',
  WalWriteFailed: 'GW_ERR_WAL_WRITE_FAILED',
  WalCorrupt: 'GW_ERR_WAL_CORRUPT',
  WalGap: 'GW_ERR_WAL_GAP',
  SequencerStopped: 'GW_ERR_SEQUENCER_STOPPED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Exit codes of the `fixgate` command, one per failure family. */
export const ExitCode = {
  Ok: 0,
  Failure: 1,
  Usage: 2,
  Config: 3,
  Startup: 4,
} as const;

export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'GatewayError';
  }
}
