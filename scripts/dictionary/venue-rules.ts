// Reads fix-dictionaries/venue-rules.json, checks every name and value in it against the FIX
// dictionaries the venue speaks, and prints the rules as tag-numbered tables. A rule that names a
// field the dictionary does not put in that message, or a value outside the field's enum, stops
// the build: the venue can never promise what the protocol cannot carry.
import { GENERATED_BANNER, quote } from './emit-tables';
import type { MemberModel, MessageModel, VersionModel } from './quickfix-model';

interface VenueMessageJson {
  name: string;
  required: string[];
  optional: string[];
}

interface VenueRulesJson {
  venue: string;
  beginStrings: string[];
  defaultApplVerIDs: string[];
  sessionMessages: Record<string, string>;
  inbound: Record<string, VenueMessageJson>;
  outbound: Record<string, string>;
  values: Record<string, string[]>;
}

/** The dictionaries a rule is checked against: where session messages live, and the application ones. */
export interface VenueTargets {
  readonly session: readonly VersionModel[];
  readonly application: readonly VersionModel[];
}

function collectTags(members: readonly MemberModel[], into: Set<number>): Set<number> {
  for (const m of members) {
    into.add(m.tag);
    if (m.kind === 'group') collectTags(m.group.members, into);
  }
  return into;
}

function findMessage(model: VersionModel, msgType: string, name: string, category: 'admin' | 'app'): MessageModel {
  const message = model.messages.find((m) => m.msgType === msgType);
  if (!message) throw new Error(`venue-rules: ${model.beginString} has no message ${msgType} (${name})`);
  if (message.name !== name || message.category !== category) {
    throw new Error(`venue-rules: ${msgType} is ${message.name} (${message.category}) in ${model.beginString}, not ${name}`);
  }
  return message;
}

function tagOf(name: string, models: readonly VersionModel[]): number {
  let tag = 0;
  for (const model of models) {
    const field = model.fieldsByName.get(name);
    if (!field) throw new Error(`venue-rules: ${model.beginString} has no field ${name}`);
    if (tag !== 0 && field.tag !== tag) throw new Error(`venue-rules: ${name} has different tags across versions`);
    tag = field.tag;
  }
  return tag;
}

function inboundRow(msgType: string, rule: VenueMessageJson, targets: VenueTargets): string {
  const allowed = targets.application.map((model) => collectTags(findMessage(model, msgType, rule.name, 'app').members, new Set()));
  const resolve = (names: string[]): number[] =>
    names.map((name) => {
      const tag = tagOf(name, targets.application);
      targets.application.forEach((model, i) => {
        if (!allowed[i]?.has(tag)) throw new Error(`venue-rules: ${name} is not part of ${rule.name} in ${model.beginString}`);
      });
      return tag;
    });
  return `[${quote(msgType)}, ${quote(rule.name)}, [${resolve(rule.required).join(', ')}], [${resolve(rule.optional).join(', ')}]]`;
}

function valuesRow(name: string, values: string[], targets: VenueTargets): string {
  const tag = tagOf(name, targets.application);
  for (const model of targets.application) {
    const field = model.fieldsByName.get(name);
    const known = new Set(field?.values ?? []);
    for (const v of values) {
      if (known.size > 0 && !known.has(v)) throw new Error(`venue-rules: ${name}=${v} is not a value of ${name} in ${model.beginString}`);
    }
  }
  return `[${tag}, [${values.map(quote).join(', ')}]]`;
}

export function emitVenueRules(text: string, targets: VenueTargets): string {
  const rules = JSON.parse(text) as VenueRulesJson;
  for (const [msgType, name] of Object.entries(rules.sessionMessages)) {
    for (const model of targets.session) findMessage(model, msgType, name, 'admin');
  }
  for (const [msgType, name] of Object.entries(rules.outbound)) {
    for (const model of targets.application) findMessage(model, msgType, name, 'app');
  }
  const inbound = Object.entries(rules.inbound).map(([msgType, rule]) => `    ${inboundRow(msgType, rule, targets)},`);
  const values = Object.entries(rules.values).map(([name, list]) => `    ${valuesRow(name, list, targets)},`);
  const list = (items: readonly string[]): string => `[${items.map(quote).join(', ')}]`;
  return [
    GENERATED_BANNER,
    '// Source: fix-dictionaries/venue-rules.json (checked against FIX44.xml, FIXT11.xml, FIX50SP2.xml)',
    "import type { VenueRulesSource } from '../../codec/dictionary-source';",
    '',
    'export const VENUE_RULES: VenueRulesSource = {',
    `  venue: ${quote(rules.venue)},`,
    `  beginStrings: ${list(rules.beginStrings)},`,
    `  defaultApplVerIds: ${list(rules.defaultApplVerIDs)},`,
    `  sessionMessages: ${list(Object.keys(rules.sessionMessages))},`,
    '  inbound: [',
    ...inbound,
    '  ],',
    `  outbound: ${list(Object.keys(rules.outbound))},`,
    '  values: [',
    ...values,
    '  ],',
    '};',
    '',
  ].join('\n');
}
