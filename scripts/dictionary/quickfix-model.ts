// Turns one QuickFIX-form dictionary (already read by xml-reader) into a model the emitter can
// print: fields by tag, and messages whose components are flattened into fields and repeating
// groups. Flattening follows QuickFIX's reading of required-ness: a field inside a component is
// required only if the component is required where it is used, and the same holds through nested
// components; inside a group, required-ness is relative to one group instance.
import { attribute, childrenNamed, onlyChild, type XmlElement } from './xml-reader';

export interface FieldModel {
  readonly tag: number;
  readonly name: string;
  readonly type: string;
  readonly values: readonly string[];
  /** For a DATA/XMLDATA field: the LENGTH field that says how many bytes it has (0 when none). */
  lengthTag: number;
}

export type MemberModel =
  | { readonly kind: 'field'; readonly tag: number; readonly required: boolean }
  | { readonly kind: 'group'; readonly tag: number; readonly required: boolean; readonly group: GroupModel };

export interface GroupModel {
  readonly countTag: number;
  readonly delimiterTag: number;
  readonly members: readonly MemberModel[];
}

export interface MessageModel {
  readonly msgType: string;
  readonly name: string;
  readonly category: 'admin' | 'app';
  readonly members: readonly MemberModel[];
}

export interface VersionModel {
  /** What 8=BeginString carries (FIX.4.4, FIXT.1.1) or, for FIX 5.0 application dictionaries, the version label. */
  readonly beginString: string;
  readonly fields: readonly FieldModel[];
  readonly fieldsByName: ReadonlyMap<string, FieldModel>;
  readonly header: readonly MemberModel[];
  readonly trailer: readonly MemberModel[];
  readonly messages: readonly MessageModel[];
}

function beginStringOf(root: XmlElement, source: string): string {
  const type = attribute(root, 'type', source);
  const major = attribute(root, 'major', source);
  const minor = attribute(root, 'minor', source);
  const sp = root.attributes.get('servicepack') ?? '0';
  return `${type}.${major}.${minor}${sp !== '0' ? `SP${sp}` : ''}`;
}

function readFields(root: XmlElement, source: string): FieldModel[] {
  const section = onlyChild(root, 'fields', source);
  if (!section) throw new Error(`${source}: no <fields> section`);
  const byTag = new Map<number, FieldModel>();
  for (const el of childrenNamed(section, 'field')) {
    const tag = Number(attribute(el, 'number', source));
    if (!Number.isInteger(tag) || tag <= 0) throw new Error(`${source}:${el.line}: bad field number`);
    if (byTag.has(tag)) throw new Error(`${source}:${el.line}: field ${tag} defined twice`);
    const values = childrenNamed(el, 'value').map((v) => attribute(v, 'enum', source));
    byTag.set(tag, { tag, name: attribute(el, 'name', source), type: attribute(el, 'type', source), values, lengthTag: 0 });
  }
  return [...byTag.values()].sort((a, b) => a.tag - b.tag);
}

/** Pairs every DATA field with its LENGTH field: by name first (X with XLen or XLength), then by the
 * tag just before it, which is how the FIX specification numbers almost every pair. */
function pairDataFields(fields: FieldModel[], byName: Map<string, FieldModel>): void {
  const byTag = new Map(fields.map((f) => [f.tag, f]));
  for (const f of fields) {
    if (f.type !== 'DATA' && f.type !== 'XMLDATA') continue;
    const named = byName.get(`${f.name}Len`) ?? byName.get(`${f.name}Length`);
    const before = byTag.get(f.tag - 1);
    const length = named?.type === 'LENGTH' ? named : before?.type === 'LENGTH' ? before : undefined;
    f.lengthTag = length?.tag ?? 0;
  }
}

class Flattener {
  private readonly components = new Map<string, XmlElement>();
  private readonly expanding = new Set<string>();

  constructor(
    root: XmlElement,
    private readonly fieldsByName: Map<string, FieldModel>,
    private readonly source: string,
  ) {
    const section = onlyChild(root, 'components', source);
    for (const el of section ? childrenNamed(section, 'component') : []) {
      this.components.set(attribute(el, 'name', source), el);
    }
  }

  members(parent: XmlElement, parentRequired: boolean): MemberModel[] {
    const out: MemberModel[] = [];
    for (const el of parent.children) {
      const required = parentRequired && el.attributes.get('required') === 'Y';
      if (el.name === 'field') {
        out.push({ kind: 'field', tag: this.tagOf(el), required });
      } else if (el.name === 'group') {
        const countTag = this.tagOf(el);
        // Inside an instance, required-ness starts afresh: the instance exists, so its own
        // required members must be there.
        const members = this.members(el, true);
        const first = members[0];
        if (!first) throw new Error(`${this.source}:${el.line}: group ${countTag} has no members`);
        out.push({ kind: 'group', tag: countTag, required, group: { countTag, delimiterTag: first.tag, members } });
      } else if (el.name === 'component') {
        out.push(...this.component(attribute(el, 'name', this.source), required, el));
      } else {
        throw new Error(`${this.source}:${el.line}: unexpected <${el.name}>`);
      }
    }
    return out;
  }

  private component(name: string, required: boolean, use: XmlElement): MemberModel[] {
    const def = this.components.get(name);
    if (!def) throw new Error(`${this.source}:${use.line}: unknown component ${name}`);
    if (this.expanding.has(name)) throw new Error(`${this.source}:${use.line}: component ${name} contains itself`);
    this.expanding.add(name);
    const members = this.members(def, required);
    this.expanding.delete(name);
    return members;
  }

  private tagOf(el: XmlElement): number {
    const name = attribute(el, 'name', this.source);
    const field = this.fieldsByName.get(name);
    if (!field) throw new Error(`${this.source}:${el.line}: ${name} is not in <fields>`);
    if (el.name === 'group' && field.type !== 'NUMINGROUP') {
      throw new Error(`${this.source}:${el.line}: group ${name} is counted by a ${field.type} field`);
    }
    return field.tag;
  }
}

/**
 * A tag can occur once per level on the wire, but some dictionaries reach the same field twice
 * at one level through two components (FIX 5.0SP2 puts Currency both in Instrument and beside it).
 * Such a field is one member: the first place it is met, required if either place requires it.
 */
function mergeRepeats(members: readonly MemberModel[]): MemberModel[] {
  const out: MemberModel[] = [];
  const at = new Map<number, number>();
  for (const m of members) {
    const seen = at.get(m.tag);
    if (seen === undefined) {
      at.set(m.tag, out.length);
      out.push(m.kind === 'group' ? { ...m, group: { ...m.group, members: mergeRepeats(m.group.members) } } : m);
      continue;
    }
    const first = out[seen] as MemberModel;
    if (first.kind !== m.kind) throw new Error(`tag ${m.tag} is both a field and a group at one level`);
    if (m.required && !first.required) out[seen] = { ...first, required: true };
  }
  return out;
}

export function buildVersionModel(root: XmlElement, source: string): VersionModel {
  if (root.name !== 'fix') throw new Error(`${source}: root element is <${root.name}>, expected <fix>`);
  const fields = readFields(root, source);
  const fieldsByName = new Map(fields.map((f) => [f.name, f]));
  pairDataFields(fields, fieldsByName);
  const flattener = new Flattener(root, fieldsByName, source);
  const header = onlyChild(root, 'header', source);
  const trailer = onlyChild(root, 'trailer', source);
  const messagesSection = onlyChild(root, 'messages', source);
  const messages: MessageModel[] = [];
  for (const el of messagesSection ? childrenNamed(messagesSection, 'message') : []) {
    const category = attribute(el, 'msgcat', source);
    if (category !== 'admin' && category !== 'app') throw new Error(`${source}:${el.line}: msgcat ${category}`);
    const message: MessageModel = {
      msgType: attribute(el, 'msgtype', source),
      name: attribute(el, 'name', source),
      category,
      members: mergeRepeats(flattener.members(el, true)),
    };
    messages.push(message);
  }
  const model: VersionModel = {
    beginString: beginStringOf(root, source),
    fields,
    fieldsByName,
    header: header ? mergeRepeats(flattener.members(header, true)) : [],
    trailer: trailer ? mergeRepeats(flattener.members(trailer, true)) : [],
    messages,
  };
  return model;
}
