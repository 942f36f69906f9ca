// ExecID (17): unique and deterministic, derived only from the sequenced stream so that a replay of
// the WAL gives every report the same ExecID again.
//
//   <seq in base 36>-<n in base 36>   n = 0, 1, 2, … : the reports caused by command `seq`, in the
//                                     order the matcher emitted their events (a Trade gives two:
//                                     the aggressor's first, then the resting order's)
//   e.g. seq 1000, third report → "rs-2"
//
// Status answers (150=I, to OrderStatusRequest/OrderMassStatusRequest) are not caused by a
// sequenced command; they take "<last applied seq in base 36>.<k in base 36>" with k counting the
// status answers given since that seq, so they never collide with the event form ('.' vs '-').

export function execIdOf(seq: number, index: number): string {
  return `${seq.toString(36)}-${index.toString(36)}`;
}

export function statusExecIdOf(lastSeq: number, k: number): string {
  return `${lastSeq.toString(36)}.${k.toString(36)}`;
}
