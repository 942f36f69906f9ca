// Checks a decoded message against its dictionary and answers with the SessionRejectReason (373)
// and RefTagID (371) a session Reject (35=3) carries, or NO_REJECT. The first problem in wire
// order wins, which is what a counterparty expects to be told about; missing required tags are
// reported after every present field has been checked.
//
// Order of checks: header order (14) and MsgType (1 when absent, 11 when unknown); then field by
// field: problems the decoder recorded at that field (13, 15, 16), empty value (4), tag unknown to
// the dictionary (0), tag not part of this message (2), header/body/trailer order (14), format (6),
// enum value (5); finally required tags (1), at the top level and in every group instance.
import * as decimals from './decimal';
import type { FieldDef, FixDictionary, GroupSpec, MemberSet } from './dictionary';
import * as fieldTypes from './field-type';
import * as fieldValues from './field-values';
import type { FixMessage } from './fix-message';
import * as rejects from './session-reject-reason';
import type { RejectDetail } from './session-reject-reason';
import * as timestamps from './timestamp';
import * as tags from '../dictionary/generated/tags';

// Imported bindings read once into locals: see the note in ascii.ts.
const { DecimalStatus, FixDecimal, parseDecimal } = decimals;
const { FieldType } = fieldTypes;
const { itemEnd, readInt, readUnsigned } = fieldValues;
const { NO_REJECT, SessionRejectReason } = rejects;
const { FixTimestamp, TimestampStatus, isDateOnly, isMonthYear, isTimeOnly, parseUtcTimestamp } = timestamps;

const TAG_MSG_TYPE = tags.Tag.MsgType;

export interface ValidationOptions {
  /** Let tags of the user-defined ranges (5000–9999, 20000–39999) through when the dictionary lacks them. Default false. */
  readonly allowUserDefinedFields?: boolean;
}

export function isUserDefinedTag(tag: number): boolean {
  return (tag >= 5000 && tag <= 9999) || (tag >= 20000 && tag <= 39999);
}

const Section = { Header: 0, Body: 1, Trailer: 2 } as const;

/** The first required top-level tag of `level` that `msg` lacks, 0 when none. */
function firstMissing(msg: FixMessage, level: MemberSet): number {
  for (const tag of level.required) if (msg.indexOf(tag) < 0) return tag;
  return 0;
}

export class MessageValidator {
  private readonly allowUserDefined: boolean;
  private readonly decimal = new FixDecimal();
  private readonly timestamp = new FixTimestamp();

  constructor(
    readonly dictionary: FixDictionary,
    options: ValidationOptions = {},
  ) {
    this.allowUserDefined = options.allowUserDefinedFields ?? false;
  }

  /** The reason to reject `msg` (detail in `out`), or NO_REJECT. */
  validate(msg: FixMessage, out: RejectDetail): number {
    out.clear();
    if (msg.issue === SessionRejectReason.TagSpecifiedOutOfRequiredOrder && msg.issueField < 3) {
      return out.set(msg.issue, msg.issueTag, msg.issueField);
    }
    const spec = msg.spec;
    if (spec === undefined) {
      const at = msg.indexOf(TAG_MSG_TYPE);
      if (at < 0) return out.set(SessionRejectReason.RequiredTagMissing, TAG_MSG_TYPE, -1);
      return out.set(SessionRejectReason.InvalidMsgType, TAG_MSG_TYPE, at);
    }
    const dictionary = this.dictionary;
    const header = dictionary.header;
    const trailer = dictionary.trailer;
    let section: number = Section.Header;
    const count = msg.fieldCount;
    for (let i = 0; i < count; i++) {
      const tag = msg.tags[i] as number;
      if (i === msg.issueField) return out.set(msg.issue, msg.issueTag, i);
      const len = msg.lengths[i] as number;
      if (len === 0) return out.set(SessionRejectReason.TagSpecifiedWithoutValue, tag, i);
      const def = dictionary.field(tag);
      if (def === undefined) {
        if (this.allowUserDefined && isUserDefinedTag(tag)) continue;
        return out.set(SessionRejectReason.InvalidTagNumber, tag, i);
      }
      if (msg.owners[i] === -1) {
        if (header.has.has(tag)) {
          if (section !== Section.Header) return out.set(SessionRejectReason.TagSpecifiedOutOfRequiredOrder, tag, i);
        } else if (trailer.has.has(tag)) {
          section = Section.Trailer;
        } else if (spec.body.has.has(tag)) {
          if (section === Section.Trailer) return out.set(SessionRejectReason.TagSpecifiedOutOfRequiredOrder, tag, i);
          section = Section.Body;
        } else {
          return out.set(SessionRejectReason.TagNotDefinedForMessageType, tag, i);
        }
      }
      const reason = this.checkValue(def, msg, i);
      if (reason !== NO_REJECT) return out.set(reason, tag, i);
    }
    return this.checkRequired(msg, spec.body, out);
  }

  /** IncorrectDataFormat (6), ValueIsIncorrect (5) or NO_REJECT for the value of field `i`. */
  checkValue(def: FieldDef, msg: FixMessage, i: number): number {
    const buf = msg.buffer;
    const off = msg.offsets[i] as number;
    const len = msg.lengths[i] as number;
    let wellFormed: boolean;
    switch (def.type) {
      case FieldType.Char:
        wellFormed = len === 1;
        break;
      case FieldType.Int:
        wellFormed = !Number.isNaN(readInt(buf, off, len));
        break;
      case FieldType.Length:
      case FieldType.NumInGroup:
      case FieldType.SeqNum:
        wellFormed = readUnsigned(buf, off, len) >= 0;
        break;
      case FieldType.TagNum:
        wellFormed = readUnsigned(buf, off, len) > 0;
        break;
      case FieldType.DayOfMonth: {
        const day = readUnsigned(buf, off, len);
        wellFormed = day >= 1 && day <= 31;
        break;
      }
      case FieldType.Decimal: {
        const status = parseDecimal(buf, off, len, this.decimal);
        if (status === DecimalStatus.Overflow) return SessionRejectReason.ValueIsIncorrect;
        wellFormed = status === DecimalStatus.Ok;
        break;
      }
      case FieldType.Boolean:
        wellFormed = len === 1 && (buf[off] === 0x59 || buf[off] === 0x4e);
        break;
      case FieldType.UtcTimestamp:
        wellFormed = parseUtcTimestamp(buf, off, len, this.timestamp) === TimestampStatus.Ok;
        break;
      case FieldType.UtcTimeOnly:
        wellFormed = isTimeOnly(buf, off, len);
        break;
      case FieldType.DateOnly:
        wellFormed = isDateOnly(buf, off, len);
        break;
      case FieldType.MonthYear:
        wellFormed = isMonthYear(buf, off, len);
        break;
      case FieldType.Data:
        // the LENGTH field must come just before and agree with the bytes read
        wellFormed =
          def.lengthTag === 0 ||
          (i > 0 && msg.tags[i - 1] === def.lengthTag && readUnsigned(buf, msg.offsets[i - 1] as number, msg.lengths[i - 1] as number) === len);
        break;
      case FieldType.MultipleChar:
      case FieldType.MultipleString:
        return this.checkItems(def, buf, off, len);
      default:
        wellFormed = true;
    }
    if (!wellFormed) return SessionRejectReason.IncorrectDataFormat;
    return def.allows(buf, off, len) ? NO_REJECT : SessionRejectReason.ValueIsIncorrect;
  }

  /** Space-separated items: none empty, single characters for MULTIPLECHARVALUE, each in the enum. */
  private checkItems(def: FieldDef, buf: Buffer, off: number, len: number): number {
    const end = off + len;
    for (let p = off; p <= end; ) {
      const stop = itemEnd(buf, p, end);
      if (stop === p || (def.type === FieldType.MultipleChar && stop - p !== 1)) return SessionRejectReason.IncorrectDataFormat;
      if (!def.allows(buf, p, stop - p)) return SessionRejectReason.ValueIsIncorrect;
      p = stop + 1;
    }
    return NO_REJECT;
  }

  private checkRequired(msg: FixMessage, body: MemberSet, out: RejectDetail): number {
    const missing = firstMissing(msg, this.dictionary.header) || firstMissing(msg, body) || firstMissing(msg, this.dictionary.trailer);
    if (missing !== 0) return out.set(SessionRejectReason.RequiredTagMissing, missing, -1);
    for (let g = 0; g < msg.groupCount; g++) {
      const required = (msg.groupSpecs[g] as GroupSpec).members.required;
      for (let k = msg.firstInstance(g); k >= 0; k = msg.nextInstance(k)) {
        for (const tag of required) {
          if (msg.indexIn(k, tag) < 0) return out.set(SessionRejectReason.RequiredTagMissing, tag, -1);
        }
      }
    }
    return NO_REJECT;
  }
}
