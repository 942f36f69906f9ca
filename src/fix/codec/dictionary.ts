// The dictionary at run time: the generated tables (src/fix/dictionary/generated/) turned into
// lookups sized for the hot path. Field types sit in a Uint8Array indexed by tag, so the decoder
// pays one array read per field; messages are keyed by packed MsgType; group definitions are
// objects shared wherever the tables share a group row.
import type { DictionarySource, GroupRow, MemberRow } from './dictionary-source';
import * as fieldTypes from './field-type';
import type { FieldType } from './field-type';
import * as msgTypes from './msg-type';

// Imported bindings read once into locals: see the note in ascii.ts.
const { fieldTypeOf } = fieldTypes;
const UNDEFINED_TYPE = fieldTypes.FieldType.Undefined;
const { packMsgType, packMsgTypeBytes, INVALID_MSG_TYPE } = msgTypes;

export class FieldDef {
  readonly type: FieldType;
  /** The enum values, or null when any value of the type is allowed. */
  readonly values: ReadonlySet<string> | null;
  // Enum values of up to six printable bytes packed like MsgType, so a check is one Set lookup on
  // a number instead of a string built from the buffer.
  private readonly packedValues: ReadonlySet<number> | null;

  constructor(
    readonly tag: number,
    readonly name: string,
    readonly typeName: string,
    values: readonly string[],
    /** For a DATA field, the LENGTH field carrying its byte count; 0 otherwise. */
    readonly lengthTag: number,
  ) {
    this.type = fieldTypeOf(typeName);
    this.values = values.length > 0 ? new Set(values) : null;
    this.packedValues = values.length > 0 ? new Set(values.map(packMsgType).filter((v) => v !== INVALID_MSG_TYPE)) : null;
  }

  /** True when `len` bytes at `off` are one of the enum values (always true without an enum). */
  allows(buf: Buffer, off: number, len: number): boolean {
    if (this.values === null) return true;
    const packed = packMsgTypeBytes(buf, off, len);
    if (packed !== INVALID_MSG_TYPE) return (this.packedValues as ReadonlySet<number>).has(packed);
    return this.values.has(buf.toString('latin1', off, off + len));
  }
}

/** Members of one level (a message body, header, trailer or group instance). */
export class MemberSet {
  /** Tags in dictionary order. */
  readonly tags: readonly number[];
  readonly has: ReadonlySet<number>;
  readonly required: readonly number[];
  /** Repeating groups counted by a member of this level, by their NumInGroup tag. */
  readonly groups: ReadonlyMap<number, GroupSpec>;

  constructor(rows: readonly MemberRow[], groupAt: (index: number) => GroupSpec) {
    this.tags = rows.map((r) => r[0]);
    this.has = new Set(this.tags);
    this.required = rows.filter((r) => r[1] === 1).map((r) => r[0]);
    this.groups = new Map(rows.filter((r) => r[2] >= 0).map((r) => [r[0], groupAt(r[2])]));
  }
}

export class GroupSpec {
  constructor(
    readonly countTag: number,
    /** The first member: every instance starts with it, which is how instances are told apart. */
    readonly delimiterTag: number,
    readonly members: MemberSet,
  ) {}
}

export class MessageSpec {
  readonly msgType: number;
  readonly isAdmin: boolean;
  /** Groups the decoder may meet at the top level: those of the header, the body and the trailer. */
  readonly topGroups: ReadonlyMap<number, GroupSpec>;

  constructor(
    readonly msgTypeText: string,
    readonly name: string,
    category: 'admin' | 'app',
    readonly body: MemberSet,
    header: MemberSet,
    trailer: MemberSet,
  ) {
    this.msgType = packMsgType(msgTypeText);
    this.isAdmin = category === 'admin';
    this.topGroups = new Map([...header.groups, ...body.groups, ...trailer.groups]);
  }
}

export class FixDictionary {
  /** Field type per tag (FieldType.Undefined for tags the dictionary lacks), for tags <= maxTag. */
  readonly types: Uint8Array;
  /** For each DATA tag, its LENGTH tag. */
  readonly lengthTags: Int32Array;
  /** Definitions indexed by tag (an array lookup is cheaper than a Map's on the validation path). */
  private readonly defs: (FieldDef | undefined)[];
  readonly maxTag: number;

  constructor(
    /** BeginString (8) this dictionary serves: FIX.4.4 or FIXT.1.1. */
    readonly beginString: string,
    readonly fields: ReadonlyMap<number, FieldDef>,
    readonly header: MemberSet,
    readonly trailer: MemberSet,
    readonly messages: ReadonlyMap<number, MessageSpec>,
  ) {
    this.maxTag = Math.max(0, ...fields.keys());
    this.types = new Uint8Array(this.maxTag + 1);
    this.lengthTags = new Int32Array(this.maxTag + 1);
    this.defs = new Array<FieldDef | undefined>(this.maxTag + 1).fill(undefined);
    for (const f of fields.values()) {
      this.defs[f.tag] = f;
      this.types[f.tag] = f.type;
      this.lengthTags[f.tag] = f.lengthTag;
    }
  }

  typeOf(tag: number): FieldType {
    return (tag <= this.maxTag ? this.types[tag] : UNDEFINED_TYPE) as FieldType;
  }

  field(tag: number): FieldDef | undefined {
    return tag <= this.maxTag ? this.defs[tag] : undefined;
  }

  message(msgType: number): MessageSpec | undefined {
    return this.messages.get(msgType);
  }
}

function groupReader(rows: readonly GroupRow[]): (index: number) => GroupSpec {
  const built: (GroupSpec | undefined)[] = new Array(rows.length);
  const groupAt = (index: number): GroupSpec => {
    let spec = built[index];
    if (spec === undefined) {
      const row = rows[index];
      if (row === undefined) throw new Error(`dictionary table refers to missing group ${index}`);
      spec = new GroupSpec(row[0], row[1], new MemberSet(row[2], groupAt));
      built[index] = spec;
    }
    return spec;
  };
  return groupAt;
}

/**
 * A dictionary from generated tables. For FIXT.1.1 pass the transport tables first and the
 * application tables (FIX50SP2) second: the header, trailer and session messages come from the
 * transport, the application messages from the application, and a field both define keeps the
 * transport's definition.
 */
export function buildDictionary(transport: DictionarySource, application?: DictionarySource): FixDictionary {
  const fields = new Map<number, FieldDef>();
  for (const source of application ? [transport, application] : [transport]) {
    for (const [tag, name, typeName, values, lengthTag] of source.fields) {
      if (!fields.has(tag)) fields.set(tag, new FieldDef(tag, name, typeName, values, lengthTag));
    }
  }
  const transportGroups = groupReader(transport.groups);
  const header = new MemberSet(transport.header, transportGroups);
  const trailer = new MemberSet(transport.trailer, transportGroups);
  const messages = new Map<number, MessageSpec>();
  for (const source of application ? [transport, application] : [transport]) {
    const groupAt = source === transport ? transportGroups : groupReader(source.groups);
    for (const [msgType, name, category, members] of source.messages) {
      const spec = new MessageSpec(msgType, name, category, new MemberSet(members, groupAt), header, trailer);
      if (!messages.has(spec.msgType)) messages.set(spec.msgType, spec);
    }
  }
  return new FixDictionary(transport.version, fields, header, trailer, messages);
}
