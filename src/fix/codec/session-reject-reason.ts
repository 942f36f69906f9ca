// SessionRejectReason (373) codes, the answer a session Reject (35=3) carries. The decoder and the
// validator return these numbers directly so the session layer copies them into the Reject as is.
export const SessionRejectReason = {
  InvalidTagNumber: 0,
  RequiredTagMissing: 1,
  TagNotDefinedForMessageType: 2,
  UndefinedTag: 3,
  TagSpecifiedWithoutValue: 4,
  ValueIsIncorrect: 5,
  IncorrectDataFormat: 6,
  DecryptionProblem: 7,
  SignatureProblem: 8,
  CompIdProblem: 9,
  SendingTimeAccuracyProblem: 10,
  InvalidMsgType: 11,
  XmlValidationError: 12,
  TagAppearsMoreThanOnce: 13,
  TagSpecifiedOutOfRequiredOrder: 14,
  RepeatingGroupFieldsOutOfOrder: 15,
  IncorrectNumInGroupCount: 16,
  NonDataValueIncludesFieldDelimiter: 17,
  InvalidUnsupportedApplicationVersion: 18,
  Other: 99,
} as const;
export type SessionRejectReason = (typeof SessionRejectReason)[keyof typeof SessionRejectReason];

/** "No reject": what the validator returns for a message it accepts. */
export const NO_REJECT = -1;

/** Where a reject points: the reason and the tag for RefTagID (371). Reused across messages. */
export class RejectDetail {
  reason: number = NO_REJECT;
  refTagId = 0;
  /** Index of the offending field in the FixMessage, -1 when the problem is a missing tag. */
  fieldIndex = -1;

  set(reason: number, refTagId: number, fieldIndex: number): number {
    this.reason = reason;
    this.refTagId = refTagId;
    this.fieldIndex = fieldIndex;
    return reason;
  }

  clear(): void {
    this.reason = NO_REJECT;
    this.refTagId = 0;
    this.fieldIndex = -1;
  }
}
