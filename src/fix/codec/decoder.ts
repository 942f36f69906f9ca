// Decodes one frame (as found by the framer) into a FixMessage: one pass over the bytes, tags read
// as integers, values recorded as offset/length, nothing allocated per field. DATA fields are read
// by the byte count of the LENGTH field just before them, so a value holding SOH stays whole.
// Repeating groups are recognised with the dictionary: a NumInGroup tag the current level defines
// opens a group, its delimiter tag starts each instance, and the first tag that is not a member
// closes it (and is then looked at by the enclosing level), the way the FIX spec delimits groups.
//
// Structural problems (header order, a repeated tag, a group count that does not match, a group
// instance not starting with its delimiter) do not stop decoding: the first one is recorded on the
// message as a SessionRejectReason for the validator to report. Only bytes that are not
// tag=value<SOH> at all make decode return Malformed.
import * as ascii from './ascii';
import * as fieldType from './field-type';
import * as fieldValues from './field-values';
import type { FixMessage } from './fix-message';
import type { GroupSpec } from './dictionary';
import * as msgTypes from './msg-type';
import * as rejects from './session-reject-reason';
import * as tags from '../dictionary/generated/tags';

// Imported bindings read once into locals: see the note in ascii.ts.
const { EQUALS, SOH } = ascii;
const { readUnsigned } = fieldValues;
const { INVALID_MSG_TYPE, packMsgTypeBytes } = msgTypes;
const { NO_REJECT, SessionRejectReason } = rejects;
const TYPE_DATA = fieldType.FieldType.Data;
const TYPE_LENGTH = fieldType.FieldType.Length;
const TYPE_NUM_IN_GROUP = fieldType.FieldType.NumInGroup;
const TYPE_UNDEFINED = fieldType.FieldType.Undefined;

export const DecodeStatus = {
  Ok: 0,
  /** A field is not tag=value<SOH>: a non-digit tag, a missing '=', a value running off the frame. */
  Malformed: 1,
} as const;
export type DecodeStatus = (typeof DecodeStatus)[keyof typeof DecodeStatus];

const TAG_MSG_TYPE = tags.Tag.MsgType;
/** BeginString, BodyLength, MsgType must be the first three fields, in this order. */
const HEADER_ORDER = [tags.Tag.BeginString, tags.Tag.BodyLength, TAG_MSG_TYPE] as const;
const MAX_TAG_DIGITS = 9;

/** Keeps the earliest problem (by field position), which is the one a Reject reports. */
function recordIssue(msg: FixMessage, reason: number, tag: number, field: number): void {
  if (msg.issue === NO_REJECT || field < msg.issueField) {
    msg.issue = reason;
    msg.issueTag = tag;
    msg.issueField = field;
  }
}

function openGroup(msg: FixMessage, spec: GroupSpec, field: number, declared: number): number {
  if (msg.groupCount === msg.groupField.length) msg.growGroups();
  const g = msg.groupCount++;
  msg.groupSpecs[g] = spec;
  msg.groupField[g] = field;
  msg.groupDeclared[g] = declared;
  msg.groupSize[g] = 0;
  msg.groupFirst[g] = -1;
  msg.groupLast[g] = -1;
  return g;
}

function openInstance(msg: FixMessage, g: number, field: number): number {
  if (msg.instanceCount === msg.instanceStart.length) msg.growInstances();
  const k = msg.instanceCount++;
  msg.instanceStart[k] = field;
  msg.instanceEnd[k] = field + 1;
  msg.instanceNext[k] = -1;
  const last = msg.groupLast[g] as number;
  if (last >= 0) {
    msg.instanceEnd[last] = field;
    msg.instanceNext[last] = k;
  } else {
    msg.groupFirst[g] = k;
  }
  msg.groupLast[g] = k;
  msg.groupSize[g] = (msg.groupSize[g] as number) + 1;
  return k;
}

/** Whether `tag` is already among the fields of the still-open `instance` (fields before `upTo`). */
function repeatsInOpenInstance(msg: FixMessage, instance: number, tag: number, upTo: number): boolean {
  const tags = msg.tags;
  const owners = msg.owners;
  for (let i = msg.instanceStart[instance] as number; i < upTo; i++) {
    if (tags[i] === tag && owners[i] === instance) return true;
  }
  return false;
}

function closeGroup(msg: FixMessage, g: number, end: number): void {
  const last = msg.groupLast[g] as number;
  if (last >= 0) msg.instanceEnd[last] = end;
  const declared = msg.groupDeclared[g] as number;
  if (declared >= 0 && declared !== msg.groupSize[g]) {
    const field = msg.groupField[g] as number;
    recordIssue(msg, SessionRejectReason.IncorrectNumInGroupCount, msg.tags[field] as number, field);
  }
}

export class FixDecoder {
  // Open groups, innermost last. Nesting deeper than this grows it.
  private stack = new Int32Array(16);

  /** Decodes bytes [start, end) of `buf` (one whole frame) into `msg`. */
  decode(buf: Buffer, start: number, end: number, msg: FixMessage): DecodeStatus {
    const dictionary = msg.dictionary;
    const types = dictionary.types;
    const lengthTags = dictionary.lengthTags;
    const maxTag = dictionary.maxTag;

    msg.buffer = buf;
    msg.start = start;
    msg.end = end;
    msg.fieldCount = 0;
    msg.groupCount = 0;
    msg.instanceCount = 0;
    msg.msgType = INVALID_MSG_TYPE;
    msg.spec = undefined;
    msg.issue = NO_REJECT;
    msg.issueTag = 0;
    msg.issueField = -1;
    let stamp = msg.stamp + 1;
    if (stamp === 0x7fffffff) {
      msg.slotStamp.fill(0);
      stamp = 1;
    }
    msg.stamp = stamp;
    const slotStamp = msg.slotStamp;
    const slotField = msg.slotField;
    const slotCount = slotStamp.length;

    let tags = msg.tags;
    let offsets = msg.offsets;
    let lengths = msg.lengths;
    let owners = msg.owners;
    let stack = this.stack;
    let depth = 0;
    let lastLengthTag = 0;
    let lastLength = -1;
    let n = 0;
    let pos = start;

    while (pos < end) {
      const tagStart = pos;
      let tag = 0;
      let c = 0;
      while (pos < end) {
        c = buf[pos] as number;
        if (c < 0x30 || c > 0x39) break;
        tag = tag * 10 + (c - 0x30);
        pos++;
      }
      if (pos === end || c !== EQUALS || pos === tagStart || pos - tagStart > MAX_TAG_DIGITS || tag === 0) {
        msg.fieldCount = n;
        return DecodeStatus.Malformed;
      }
      const valueStart = ++pos;
      const type = tag <= maxTag ? (types[tag] as number) : TYPE_UNDEFINED;
      if (type === TYPE_DATA && lastLength >= 0 && lengthTags[tag] === lastLengthTag) {
        pos = valueStart + lastLength;
        if (pos >= end || buf[pos] !== SOH) {
          msg.fieldCount = n;
          return DecodeStatus.Malformed;
        }
      } else {
        while (pos < end && buf[pos] !== SOH) pos++;
        if (pos >= end) {
          msg.fieldCount = n;
          return DecodeStatus.Malformed;
        }
      }
      const valueLength = pos - valueStart;
      pos++;

      if (n === tags.length) {
        msg.growFields();
        tags = msg.tags;
        offsets = msg.offsets;
        lengths = msg.lengths;
        owners = msg.owners;
      }
      tags[n] = tag;
      offsets[n] = valueStart;
      lengths[n] = valueLength;

      if (type === TYPE_LENGTH) {
        lastLengthTag = tag;
        lastLength = readUnsigned(buf, valueStart, valueLength);
      } else {
        lastLength = -1;
      }
      if (n < 3 && tag !== HEADER_ORDER[n]) recordIssue(msg, SessionRejectReason.TagSpecifiedOutOfRequiredOrder, tag, n);
      if (tag === TAG_MSG_TYPE && msg.msgType === INVALID_MSG_TYPE) {
        msg.msgType = packMsgTypeBytes(buf, valueStart, valueLength);
        msg.spec = dictionary.messages.get(msg.msgType);
      }

      // Which level does this tag belong to? Close groups until one claims it.
      let owner = -1;
      while (depth > 0) {
        const g = stack[depth - 1] as number;
        const spec = msg.groupSpecs[g] as GroupSpec;
        if (tag === spec.delimiterTag) {
          // An instance opened by a member that came before its delimiter (already recorded as 15)
          // takes the late delimiter instead of counting as one more instance.
          const last = msg.groupLast[g] as number;
          let late = false;
          if (last >= 0 && tags[msg.instanceStart[last] as number] !== tag) {
            msg.instanceEnd[last] = n; // the open instance's fields so far
            late = msg.indexIn(last, tag) < 0;
          }
          owner = late ? last : openInstance(msg, g, n);
          break;
        }
        if (spec.members.has.has(tag)) {
          if (msg.groupSize[g] === 0) {
            recordIssue(msg, SessionRejectReason.RepeatingGroupFieldsOutOfOrder, tag, n);
            owner = openInstance(msg, g, n);
          } else {
            owner = msg.groupLast[g] as number;
            // A member the open instance already has starts the next instance without its
            // delimiter first: group fields out of order (test case 14i), not a silent merge.
            if (repeatsInOpenInstance(msg, owner, tag, n)) recordIssue(msg, SessionRejectReason.RepeatingGroupFieldsOutOfOrder, tag, n);
          }
          break;
        }
        closeGroup(msg, g, n);
        depth--;
      }
      owners[n] = owner;

      if (depth === 0) {
        if (tag < slotCount) {
          if (slotStamp[tag] === stamp) {
            recordIssue(msg, SessionRejectReason.TagAppearsMoreThanOnce, tag, n);
          } else {
            slotStamp[tag] = stamp;
            slotField[tag] = n;
          }
        } else {
          // a tag beyond the slot table (never a dictionary tag): the rare scan path
          msg.fieldCount = n;
          if (msg.indexOf(tag) >= 0) recordIssue(msg, SessionRejectReason.TagAppearsMoreThanOnce, tag, n);
        }
      }

      if (type === TYPE_NUM_IN_GROUP) {
        const level = depth === 0 ? msg.spec?.topGroups : (msg.groupSpecs[stack[depth - 1] as number] as GroupSpec).members.groups;
        const spec = level?.get(tag);
        if (spec !== undefined) {
          const g = openGroup(msg, spec, n, readUnsigned(buf, valueStart, valueLength));
          if (depth === stack.length) {
            const bigger = new Int32Array(depth * 2);
            bigger.set(stack);
            this.stack = stack = bigger;
          }
          stack[depth++] = g;
        }
      }
      n++;
    }
    msg.fieldCount = n;
    while (depth > 0) closeGroup(msg, stack[--depth] as number, n);
    return DecodeStatus.Ok;
  }
}
