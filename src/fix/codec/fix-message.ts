// A decoded message as views over the received bytes (a flyweight: allocate one, decode into it
// again and again). The decoder (decoder.ts) fills parallel Int32Arrays, one slot per field in
// wire order: tag, value offset, value length, and the group instance that owns the field (-1 at
// the top level). Repeating groups are rows in two more small tables: groups (which NumInGroup
// field, declared and actual instance counts) and instances (first and last field, next sibling).
//
// Values are read on request, straight from the bytes. Views are valid until the next decode into
// this message or until the caller reuses the buffer.
import * as decimals from './decimal';
import type { FixDecimal } from './decimal';
import type { FixDictionary, GroupSpec, MessageSpec } from './dictionary';
import * as fieldValues from './field-values';
import * as msgTypes from './msg-type';
import * as rejects from './session-reject-reason';
import * as timestamps from './timestamp';
import type { FixTimestamp } from './timestamp';

// Imported bindings read once into locals: see the note in ascii.ts.
const { DecimalStatus, parseDecimal } = decimals;
type DecimalStatus = decimals.DecimalStatus;
const { readBoolean, readChar, readInt, bytesEqual, textEqual } = fieldValues;
const { INVALID_MSG_TYPE } = msgTypes;
const { NO_REJECT } = rejects;
const { TimestampStatus, parseUtcTimestamp } = timestamps;
type TimestampStatus = timestamps.TimestampStatus;

const EMPTY = Buffer.alloc(0);

function grow(a: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(a);
  return next;
}

export class FixMessage {
  buffer: Buffer = EMPTY;
  /** The frame inside `buffer`: from "8=" to the SOH after the checksum. */
  start = 0;
  end = 0;

  fieldCount = 0;
  tags: Int32Array;
  offsets: Int32Array;
  lengths: Int32Array;
  /** Instance row owning each field; -1 for header, body and trailer fields outside groups. */
  owners: Int32Array;

  /** MsgType (35) packed (msg-type.ts); INVALID_MSG_TYPE when absent or unpackable. */
  msgType = INVALID_MSG_TYPE;
  /** The dictionary's definition of this message type, undefined when the type is unknown. */
  spec: MessageSpec | undefined = undefined;

  groupCount = 0;
  groupSpecs: GroupSpec[] = [];
  /** Field index of each group's NumInGroup field. */
  groupField: Int32Array;
  /** The count the NumInGroup field declares; -1 when it is not a number. */
  groupDeclared: Int32Array;
  groupSize: Int32Array;
  groupFirst: Int32Array;
  groupLast: Int32Array;

  instanceCount = 0;
  instanceStart: Int32Array;
  /** Field index one past the instance's last field (its nested groups included). */
  instanceEnd: Int32Array;
  instanceNext: Int32Array;

  /** The first structural problem the decoder met (a SessionRejectReason), or NO_REJECT. */
  issue = NO_REJECT;
  issueTag = 0;
  issueField = -1;

  // Top-level tag -> field index, valid when its stamp equals the current message's stamp, so no
  // clearing is needed between messages.
  readonly slotStamp: Int32Array;
  readonly slotField: Int32Array;
  stamp = 0;

  constructor(
    readonly dictionary: FixDictionary,
    fieldCapacity = 256,
    groupCapacity = 32,
  ) {
    this.tags = new Int32Array(fieldCapacity);
    this.offsets = new Int32Array(fieldCapacity);
    this.lengths = new Int32Array(fieldCapacity);
    this.owners = new Int32Array(fieldCapacity);
    this.groupField = new Int32Array(groupCapacity);
    this.groupDeclared = new Int32Array(groupCapacity);
    this.groupSize = new Int32Array(groupCapacity);
    this.groupFirst = new Int32Array(groupCapacity);
    this.groupLast = new Int32Array(groupCapacity);
    this.instanceStart = new Int32Array(groupCapacity * 4);
    this.instanceEnd = new Int32Array(groupCapacity * 4);
    this.instanceNext = new Int32Array(groupCapacity * 4);
    // Tags past the dictionary's largest are looked up by scanning; user-defined tags up to 9999
    // still get a slot.
    const slots = Math.max(dictionary.maxTag, 9999) + 1;
    this.slotStamp = new Int32Array(slots);
    this.slotField = new Int32Array(slots);
  }

  /** Makes room for more fields; called by the decoder, rarely. */
  growFields(): void {
    const size = this.tags.length * 2;
    this.tags = grow(this.tags, size);
    this.offsets = grow(this.offsets, size);
    this.lengths = grow(this.lengths, size);
    this.owners = grow(this.owners, size);
  }

  growGroups(): void {
    const size = this.groupField.length * 2;
    this.groupField = grow(this.groupField, size);
    this.groupDeclared = grow(this.groupDeclared, size);
    this.groupSize = grow(this.groupSize, size);
    this.groupFirst = grow(this.groupFirst, size);
    this.groupLast = grow(this.groupLast, size);
  }

  growInstances(): void {
    const size = this.instanceStart.length * 2;
    this.instanceStart = grow(this.instanceStart, size);
    this.instanceEnd = grow(this.instanceEnd, size);
    this.instanceNext = grow(this.instanceNext, size);
  }

  // ------------------------------------------------------------------ fields by index

  /** Index of a top-level field (header, body or trailer, not inside a group); -1 when absent. */
  indexOf(tag: number): number {
    if (tag < this.slotStamp.length) return this.slotStamp[tag] === this.stamp ? (this.slotField[tag] as number) : -1;
    for (let i = 0; i < this.fieldCount; i++) if (this.tags[i] === tag && this.owners[i] === -1) return i;
    return -1;
  }

  has(tag: number): boolean {
    return this.indexOf(tag) >= 0;
  }

  tagAt(i: number): number {
    return this.tags[i] as number;
  }

  intAt(i: number): number {
    return readInt(this.buffer, this.offsets[i] as number, this.lengths[i] as number);
  }

  /** The value as a string (latin1): allocates, so read numbers and chars with their own accessors. */
  stringAt(i: number): string {
    const off = this.offsets[i] as number;
    return this.buffer.toString('latin1', off, off + (this.lengths[i] as number));
  }

  /** A CHAR value's byte, -1 unless the value is one byte. */
  charAt(i: number): number {
    return readChar(this.buffer, this.offsets[i] as number, this.lengths[i] as number);
  }

  boolAt(i: number): boolean | undefined {
    return readBoolean(this.buffer, this.offsets[i] as number, this.lengths[i] as number);
  }

  decimalAt(i: number, out: FixDecimal): DecimalStatus {
    return parseDecimal(this.buffer, this.offsets[i] as number, this.lengths[i] as number, out);
  }

  timestampAt(i: number, out: FixTimestamp): TimestampStatus {
    return parseUtcTimestamp(this.buffer, this.offsets[i] as number, this.lengths[i] as number, out);
  }

  /** The value's bytes as a view (no copy): DATA fields, or passing a value through unchanged. */
  bytesAt(i: number): Buffer {
    const off = this.offsets[i] as number;
    return this.buffer.subarray(off, off + (this.lengths[i] as number));
  }

  valueEqualsAt(i: number, expected: Uint8Array): boolean {
    return bytesEqual(this.buffer, this.offsets[i] as number, this.lengths[i] as number, expected);
  }

  // ------------------------------------------------------------------ top-level fields by tag

  /** NaN when absent or not an integer. */
  getInt(tag: number): number {
    const i = this.indexOf(tag);
    return i < 0 ? NaN : this.intAt(i);
  }

  getString(tag: number): string | undefined {
    const i = this.indexOf(tag);
    return i < 0 ? undefined : this.stringAt(i);
  }

  /** -1 when absent or not one byte. */
  getChar(tag: number): number {
    const i = this.indexOf(tag);
    return i < 0 ? -1 : this.charAt(i);
  }

  getBool(tag: number): boolean | undefined {
    const i = this.indexOf(tag);
    return i < 0 ? undefined : this.boolAt(i);
  }

  getDecimal(tag: number, out: FixDecimal): DecimalStatus {
    const i = this.indexOf(tag);
    return i < 0 ? DecimalStatus.Absent : this.decimalAt(i, out);
  }

  getTimestamp(tag: number, out: FixTimestamp): TimestampStatus {
    const i = this.indexOf(tag);
    return i < 0 ? TimestampStatus.Absent : this.timestampAt(i, out);
  }

  /** True when the field is present and spells `text`; for cold paths (pre-encode for hot ones). */
  valueIs(tag: number, text: string): boolean {
    const i = this.indexOf(tag);
    return i >= 0 && textEqual(this.buffer, this.offsets[i] as number, this.lengths[i] as number, text);
  }

  // ------------------------------------------------------------------ repeating groups

  /** The group row counted by a top-level NumInGroup field; -1 when absent. */
  group(countTag: number): number {
    return this.groupAtField(this.indexOf(countTag));
  }

  /** The group row counted by `countTag` inside instance `instance`; -1 when absent. */
  nestedGroup(instance: number, countTag: number): number {
    return this.groupAtField(this.indexIn(instance, countTag));
  }

  private groupAtField(field: number): number {
    if (field < 0) return -1;
    for (let g = 0; g < this.groupCount; g++) if (this.groupField[g] === field) return g;
    return -1;
  }

  /** Instances actually present (may differ from the declared count; see issue 16). */
  instancesIn(group: number): number {
    return this.groupSize[group] as number;
  }

  firstInstance(group: number): number {
    return this.groupSize[group] === 0 ? -1 : (this.groupFirst[group] as number);
  }

  /** The next instance of the same group, -1 after the last. */
  nextInstance(instance: number): number {
    return this.instanceNext[instance] as number;
  }

  /** The n-th (0-based) instance of a group, -1 when there are fewer. */
  instance(group: number, n: number): number {
    let k = this.firstInstance(group);
    for (let i = 0; i < n && k >= 0; i++) k = this.instanceNext[k] as number;
    return k;
  }

  /** Index of the field with `tag` directly in `instance` (not in its nested groups); -1 when absent. */
  indexIn(instance: number, tag: number): number {
    const end = this.instanceEnd[instance] as number;
    for (let i = this.instanceStart[instance] as number; i < end; i++) {
      if (this.tags[i] === tag && this.owners[i] === instance) return i;
    }
    return -1;
  }
}
