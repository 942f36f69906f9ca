// The venue's rules of engagement (fix-dictionaries/venue-rules.json, generated into
// src/fix/dictionary/generated/venue-rules.ts): which application messages it accepts, which fields
// it requires beyond FIX, and which enum values it supports. This is a business check that runs
// after session validation: a message valid FIX but outside these rules is answered by the gateway
// with a BusinessMessageReject (j, 380=3 for an unsupported type), an ExecutionReport 150=8 or an
// OrderCancelReject, not with a session Reject.
import { VENUE_RULES } from '../dictionary/generated';
import type { VenueRulesSource } from './dictionary-source';
import * as fieldTypes from './field-type';
import * as fieldValues from './field-values';
import type { FixMessage } from './fix-message';
import * as msgTypes from './msg-type';
import * as tags from '../dictionary/generated/tags';
import type { RejectDetail } from './session-reject-reason';

// Imported bindings read once into locals: see the note in ascii.ts.
const { FieldType } = fieldTypes;
const { itemEnd } = fieldValues;
const { INVALID_MSG_TYPE, packMsgType, packMsgTypeBytes } = msgTypes;
const TAG_MSG_TYPE = tags.Tag.MsgType;

export const VenueVerdict = {
  Accepted: 0,
  /** Not a message type the venue accepts from brokers. */
  UnsupportedMessageType: 1,
  /** A field the venue requires for this message is absent (refTagId says which). */
  RequiredFieldMissing: 2,
  /** A valid FIX value the venue does not support, e.g. OrdType=P (refTagId says which field). */
  ValueNotSupported: 3,
} as const;
export type VenueVerdict = (typeof VenueVerdict)[keyof typeof VenueVerdict];

export class VenueMessageRules {
  readonly msgType: number;
  constructor(
    readonly msgTypeText: string,
    readonly name: string,
    readonly required: readonly number[],
    /** Tags the venue reads besides the required ones; other valid FIX fields are ignored. */
    readonly optional: readonly number[],
  ) {
    this.msgType = packMsgType(msgTypeText);
  }
}

export class VenueRules {
  readonly venue: string;
  private readonly beginStrings: ReadonlySet<string>;
  private readonly applVerIds: ReadonlySet<string>;
  private readonly session: ReadonlySet<number>;
  private readonly outbound: ReadonlySet<number>;
  private readonly inbound: ReadonlyMap<number, VenueMessageRules>;
  /** Supported values per tag, packed like MsgType (all are a few bytes). */
  private readonly values: ReadonlyMap<number, ReadonlySet<number>>;

  constructor(source: VenueRulesSource = VENUE_RULES) {
    this.venue = source.venue;
    this.beginStrings = new Set(source.beginStrings);
    this.applVerIds = new Set(source.defaultApplVerIds);
    this.session = new Set(source.sessionMessages.map(packMsgType));
    this.outbound = new Set(source.outbound.map(packMsgType));
    this.inbound = new Map(source.inbound.map(([t, name, req, opt]) => [packMsgType(t), new VenueMessageRules(t, name, req, opt)]));
    this.values = new Map(source.values.map(([tag, list]) => [tag, new Set(list.map(packMsgType))]));
  }

  acceptsBeginString(beginString: string): boolean {
    return this.beginStrings.has(beginString);
  }

  acceptsDefaultApplVerId(applVerId: string): boolean {
    return this.applVerIds.has(applVerId);
  }

  isSessionMessage(msgType: number): boolean {
    return this.session.has(msgType);
  }

  sends(msgType: number): boolean {
    return this.outbound.has(msgType);
  }

  rulesFor(msgType: number): VenueMessageRules | undefined {
    return this.inbound.get(msgType);
  }

  /** Whether the venue supports `len` bytes at `off` as a value of `tag` (true for tags without a rule). */
  supportsValue(tag: number, buf: Uint8Array, off: number, len: number): boolean {
    const allowed = this.values.get(tag);
    if (allowed === undefined) return true;
    const packed = packMsgTypeBytes(buf, off, len);
    return packed !== INVALID_MSG_TYPE && allowed.has(packed);
  }

  /** Checks an application message that passed session validation; details go to `out`. */
  check(msg: FixMessage, out: RejectDetail): VenueVerdict {
    out.clear();
    const rules = this.inbound.get(msg.msgType);
    if (rules === undefined) {
      out.refTagId = TAG_MSG_TYPE;
      return VenueVerdict.UnsupportedMessageType;
    }
    for (const tag of rules.required) {
      if (msg.indexOf(tag) < 0) {
        out.refTagId = tag;
        return VenueVerdict.RequiredFieldMissing;
      }
    }
    const dictionary = msg.dictionary;
    for (let i = 0; i < msg.fieldCount; i++) {
      const tag = msg.tags[i] as number;
      if (!this.values.has(tag)) continue;
      const off = msg.offsets[i] as number;
      const end = off + (msg.lengths[i] as number);
      const type = dictionary.typeOf(tag);
      const multiple = type === FieldType.MultipleChar || type === FieldType.MultipleString;
      for (let p = off; p <= end; ) {
        const stop = multiple ? itemEnd(msg.buffer, p, end) : end;
        if (!this.supportsValue(tag, msg.buffer, p, stop - p)) {
          out.refTagId = tag;
          out.fieldIndex = i;
          return VenueVerdict.ValueNotSupported;
        }
        p = stop + 1;
      }
    }
    return VenueVerdict.Accepted;
  }
}
