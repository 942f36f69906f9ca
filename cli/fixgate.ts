#!/usr/bin/env node
// The `fixgate` command: the operator's one way to run and inspect the box. It parses arguments
// and maps failures to exit codes; the work itself lives in src/.
import { Command, CommanderError } from 'commander';
import { Gateway } from '../src/app/gateway';
import { loadInstruments } from '../src/config/instrument-config';
import { ExitCode, GatewayError } from '../src/errors';
import { createLogger } from '../src/log';

const DEFAULT_CONFIG_DIR = 'sessions/demo';

function fail(err: unknown): never {
  if (err instanceof GatewayError) {
    process.stderr.write(`fixgate: ${err.message}\n`);
    process.exit(err.code.startsWith('GW_ERR_CONFIG') ? ExitCode.Config : ExitCode.Startup);
  }
  process.stderr.write(`fixgate: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(ExitCode.Failure);
}

const program = new Command()
  .name('fixgate')
  .description('FIX-native exchange gateway appliance')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

program
  .command('start')
  .description('start the gateway in the foreground (stops on SIGINT or SIGTERM)')
  .option('-c, --config <dir>', 'configuration folder (instruments.json, session definitions)', DEFAULT_CONFIG_DIR)
  .action(async (opts: { config: string }) => {
    const log = createLogger();
    const gateway = new Gateway({ configDir: opts.config, log });
    try {
      await gateway.start();
    } catch (err) {
      fail(err);
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        // A second signal while sessions log out stops at once.
        process.once(signal, () => process.exit(ExitCode.Failure));
        gateway.stop(signal).then(
          () => process.exit(ExitCode.Ok),
          (err: unknown) => fail(err),
        );
      });
    }
  });

program
  .command('check-config')
  .description('validate a configuration folder and print what it defines')
  .option('-c, --config <dir>', 'configuration folder', DEFAULT_CONFIG_DIR)
  .action((opts: { config: string }) => {
    try {
      const instruments = loadInstruments(`${opts.config}/instruments.json`);
      process.stdout.write(`${opts.config}: ${instruments.length} instruments (${instruments.map((i) => i.symbol).join(', ')})\n`);
    } catch (err) {
      fail(err);
    }
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) process.exit(err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage);
  fail(err);
});
