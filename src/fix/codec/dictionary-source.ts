// The shape of the tables that scripts/generate-dictionaries.ts writes into
// src/fix/dictionary/generated/ from the QuickFIX XML in fix-dictionaries/. They are plain data
// (tuples, so the generated files stay compact); dictionary.ts turns them into the lookup
// structures the decoder and the validator use.

/** [tag, name, FIX type, enum values (empty when the field has none), LENGTH tag of a DATA field or 0]. */
export type FieldRow = readonly [tag: number, name: string, type: string, values: readonly string[], lengthTag: number];

/**
 * A member of a message, header, trailer or group instance, with components already flattened:
 * [tag, 1 when required else 0, index into `groups` when the tag counts a repeating group else -1].
 */
export type MemberRow = readonly [tag: number, required: 0 | 1, group: number];

/** [NumInGroup tag, delimiter tag (the first member, which starts every instance), members]. */
export type GroupRow = readonly [countTag: number, delimiterTag: number, members: readonly MemberRow[]];

/** [MsgType, name, category, body members]. */
export type MessageRow = readonly [msgType: string, name: string, category: 'admin' | 'app', members: readonly MemberRow[]];

export interface DictionarySource {
  /** FIX.4.4, FIXT.1.1, or FIX.5.0SP2 for the application dictionary carried over FIXT.1.1. */
  readonly version: string;
  readonly fields: readonly FieldRow[];
  readonly header: readonly MemberRow[];
  readonly trailer: readonly MemberRow[];
  /** Every distinct group definition once; identical groups used in several places share a row. */
  readonly groups: readonly GroupRow[];
  readonly messages: readonly MessageRow[];
}

/** [MsgType, name, tags the venue requires, tags the venue reads (groups name their count tag and their members)]. */
export type VenueMessageRow = readonly [msgType: string, name: string, required: readonly number[], optional: readonly number[]];

export interface VenueRulesSource {
  readonly venue: string;
  readonly beginStrings: readonly string[];
  /** ApplVerID values accepted in DefaultApplVerID (1137) on a FIXT.1.1 Logon. */
  readonly defaultApplVerIds: readonly string[];
  /** Session-level message types the venue handles. */
  readonly sessionMessages: readonly string[];
  /** Application messages the venue accepts from brokers. */
  readonly inbound: readonly VenueMessageRow[];
  /** Application messages the venue sends. */
  readonly outbound: readonly string[];
  /** [tag, values the venue supports]: narrower than the dictionary's enum. */
  readonly values: readonly (readonly [tag: number, values: readonly string[]])[];
}
