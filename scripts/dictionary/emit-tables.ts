// Prints version models as TypeScript modules of plain tuples (see src/fix/codec/dictionary-source.ts
// for their shape). Output depends only on the input files: rows keep dictionary order and group
// rows are numbered in the order they are first met, so regenerating is byte-identical.
import { packMsgType } from '../../src/fix/codec/msg-type';
import type { GroupModel, MemberModel, VersionModel } from './quickfix-model';

export const GENERATED_BANNER = '// GENERATED — do not edit; run npm run gen:dictionaries';

export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function stringList(values: readonly string[]): string {
  return `[${values.map(quote).join(', ')}]`;
}

/** Numbers group definitions, giving structurally identical groups one shared row. */
class GroupTable {
  readonly rows: string[] = [];
  private readonly byShape = new Map<string, number>();

  indexOf(group: GroupModel): number {
    const members = this.members(group.members);
    const row = `[${group.countTag}, ${group.delimiterTag}, ${members}]`;
    let index = this.byShape.get(row);
    if (index === undefined) {
      index = this.rows.length;
      this.rows.push(row);
      this.byShape.set(row, index);
    }
    return index;
  }

  members(members: readonly MemberModel[]): string {
    const parts = members.map((m) => `[${m.tag}, ${m.required ? 1 : 0}, ${m.kind === 'group' ? this.indexOf(m.group) : -1}]`);
    return `[${parts.join(', ')}]`;
  }
}

function sourceComment(files: readonly string[]): string {
  return `// Source: ${files.map((f) => `fix-dictionaries/${f}`).join(', ')}`;
}

export function emitVersion(constName: string, file: string, model: VersionModel): string {
  const groups = new GroupTable();
  const header = groups.members(model.header);
  const trailer = groups.members(model.trailer);
  const messages = model.messages.map(
    (m) => `    [${quote(m.msgType)}, ${quote(m.name)}, ${quote(m.category)}, ${groups.members(m.members)}],`,
  );
  const fields = model.fields.map(
    (f) => `    [${f.tag}, ${quote(f.name)}, ${quote(f.type)}, ${stringList(f.values)}, ${f.lengthTag}],`,
  );
  return [
    GENERATED_BANNER,
    sourceComment([file]),
    "import type { DictionarySource } from '../../codec/dictionary-source';",
    '',
    `export const ${constName}: DictionarySource = {`,
    `  version: ${quote(model.beginString)},`,
    '  fields: [',
    ...fields,
    '  ],',
    `  header: ${header},`,
    `  trailer: ${trailer},`,
    '  groups: [',
    ...groups.rows.map((r) => `    ${r},`),
    '  ],',
    '  messages: [',
    ...messages,
    '  ],',
    '};',
    '',
  ].join('\n');
}

/** `Tag.ClOrdID` and friends: every field name of every version, each naming one tag. */
export function emitTags(models: readonly VersionModel[], files: readonly string[]): string {
  const byName = new Map<string, number>();
  for (const model of models) {
    for (const f of model.fields) {
      const known = byName.get(f.name);
      if (known !== undefined && known !== f.tag) throw new Error(`field ${f.name} is ${known} in one dictionary and ${f.tag} in another`);
      byName.set(f.name, f.tag);
    }
  }
  const rows = [...byName].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
  return [
    GENERATED_BANNER,
    sourceComment(files),
    '',
    '/** Field tags by name, from every dictionary fixgate speaks. */',
    'export const Tag = {',
    ...rows.map(([name, tag]) => `  ${name}: ${tag},`),
    '} as const;',
    'export type Tag = (typeof Tag)[keyof typeof Tag];',
    '',
  ].join('\n');
}

/** `MsgType.NewOrderSingle` as a packed number (see msg-type.ts) and `MsgTypeText` as text. */
export function emitMsgTypes(models: readonly VersionModel[], files: readonly string[]): string {
  const byName = new Map<string, string>();
  for (const model of models) {
    for (const m of model.messages) {
      const known = byName.get(m.name);
      if (known !== undefined && known !== m.msgType) throw new Error(`message ${m.name} is ${known} in one dictionary and ${m.msgType} in another`);
      byName.set(m.name, m.msgType);
    }
  }
  const rows = [...byName].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    GENERATED_BANNER,
    sourceComment(files),
    '',
    '/** MsgType (35) values packed into numbers, as FixMessage.msgType holds them. */',
    'export const MsgType = {',
    ...rows.map(([name, type]) => `  ${name}: ${packMsgType(type)},`),
    '} as const;',
    'export type MsgType = (typeof MsgType)[keyof typeof MsgType];',
    '',
    '/** MsgType (35) values as they appear on the wire. */',
    'export const MsgTypeText = {',
    ...rows.map(([name, type]) => `  ${name}: ${quote(type)},`),
    '} as const;',
    '',
  ].join('\n');
}
