// Runs one benchmark scenario: `npm run bench -- <scenario> [--quick]`, or every scenario when
// none is named. Each scenario lives in bench/<scenario>.bench.ts and exports
// `run(options): Promise<BenchResult>`; the scenario prints human lines as it goes, and this runner
// prints its result object as the LAST stdout line and writes it to bench/results/<scenario>.json
// (see ../shared/design/BENCH.md for the keys each scenario must carry).
import { cpus } from 'node:os';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchOptions {
  quick: boolean;
}
export type BenchResult = { bench: string } & Record<string, unknown>;

function scenarios(): string[] {
  return readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .sort();
}

async function runScenario(name: string, options: BenchOptions): Promise<void> {
  const file = join(__dirname, `${name}.bench.ts`);
  if (!existsSync(file)) {
    process.stderr.write(`unknown bench scenario "${name}"; known: ${scenarios().join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  const mod = (await import(file)) as { run(o: BenchOptions): Promise<BenchResult> };
  const result: BenchResult = {
    ...(await mod.run(options)),
    quick: options.quick,
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
    at: new Date().toISOString(),
  };
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options: BenchOptions = { quick: args.includes('--quick') };
  const named = args.filter((a) => !a.startsWith('--'));
  for (const name of named.length > 0 ? named : scenarios()) await runScenario(name, options);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
