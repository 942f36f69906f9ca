// Build step: reads the QuickFIX XML dictionaries and the venue's rules in fix-dictionaries/ and
// writes typed tables to src/fix/dictionary/generated/. Run `npx tsx scripts/generate-dictionaries.ts`
// to regenerate, or with `--check` to fail (exit 1) when a generated file is stale; the test
// test/fix/generated-dictionaries.test.ts does the same comparison in CI.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml } from './dictionary/xml-reader';
import { buildVersionModel, type VersionModel } from './dictionary/quickfix-model';
import { emitMsgTypes, emitTags, emitVersion, GENERATED_BANNER } from './dictionary/emit-tables';
import { emitVenueRules } from './dictionary/venue-rules';

const REPO = join(__dirname, '..');
export const DICTIONARY_DIR = join(REPO, 'fix-dictionaries');
export const GENERATED_DIR = join(REPO, 'src', 'fix', 'dictionary', 'generated');

/** Each dictionary file, the module it becomes and the constant that module exports. */
const VERSIONS = [
  { file: 'FIX44.xml', module: 'fix44.ts', constName: 'FIX44' },
  { file: 'FIXT11.xml', module: 'fixt11.ts', constName: 'FIXT11' },
  { file: 'FIX50SP2.xml', module: 'fix50sp2.ts', constName: 'FIX50SP2' },
] as const;

function loadModel(file: string): VersionModel {
  const text = readFileSync(join(DICTIONARY_DIR, file), 'utf8');
  return buildVersionModel(parseXml(text, file), file);
}

function indexModule(): string {
  return [
    GENERATED_BANNER,
    '',
    ...VERSIONS.map((v) => `export { ${v.constName} } from './${v.module.slice(0, -3)}';`),
    "export { Tag } from './tags';",
    "export { MsgType, MsgTypeText } from './msg-types';",
    "export { VENUE_RULES } from './venue-rules';",
    '',
  ].join('\n');
}

/** Every generated file, keyed by its name inside GENERATED_DIR, with its full content. */
export function generateDictionaryFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const models = new Map<string, VersionModel>();
  for (const v of VERSIONS) {
    const model = loadModel(v.file);
    models.set(v.constName, model);
    files.set(v.module, emitVersion(v.constName, v.file, model));
  }
  const all = [...models.values()];
  const sources = VERSIONS.map((v) => v.file);
  files.set('tags.ts', emitTags(all, sources));
  files.set('msg-types.ts', emitMsgTypes(all, sources));
  const fix44 = models.get('FIX44') as VersionModel;
  const fixt11 = models.get('FIXT11') as VersionModel;
  const fix50sp2 = models.get('FIX50SP2') as VersionModel;
  const rules = readFileSync(join(DICTIONARY_DIR, 'venue-rules.json'), 'utf8');
  files.set('venue-rules.ts', emitVenueRules(rules, { session: [fix44, fixt11], application: [fix44, fix50sp2] }));
  files.set('index.ts', indexModule());
  return files;
}

function main(): void {
  const check = process.argv.includes('--check');
  const files = generateDictionaryFiles();
  mkdirSync(GENERATED_DIR, { recursive: true });
  const stale: string[] = [];
  for (const [name, content] of files) {
    const path = join(GENERATED_DIR, name);
    let current: string | undefined;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === content) continue;
    if (check) stale.push(name);
    else writeFileSync(path, content);
  }
  if (stale.length > 0) {
    process.stderr.write(`stale generated dictionaries: ${stale.join(', ')}; run npm run gen:dictionaries\n`);
    process.exit(1);
  }
  process.stdout.write(`${check ? 'checked' : 'wrote'} ${files.size} files in ${GENERATED_DIR}\n`);
}

if (require.main === module) main();
