// Drop copies: every ExecutionReport sent to an order's owner is copied, unchanged but for
// CopyMsgIndicator (797) = Y, to each drop-copy session of the owner's firm. 797 is FIX 4.4's and
// 5.0SP2's field for "this message is a copy sent to a party other than the original recipient";
// PossResend (97) is not set because the copy is the first sending to that session, not a possible
// duplicate. The ExecID stays the original's, so a consumer can reconcile copy and original.
import type { ExecutionReport, Outbound } from './reports';

export interface DropCopy {
  readonly session: string;
  readonly report: ExecutionReport;
}

/** Copies of the reports in `out`, in order, for the drop-copy sessions of each report's firm. */
export function dropCopies(out: readonly Outbound[], dropSessionsOf: (firm: string) => readonly string[]): DropCopy[] {
  const copies: DropCopy[] = [];
  for (const item of out) {
    if (item.kind !== 'report') continue;
    const sessions = dropSessionsOf(item.firm);
    if (sessions.length === 0) continue;
    const report: ExecutionReport = { ...item.report, copy: true };
    for (const session of sessions) copies.push({ session, report });
  }
  return copies;
}
