// The real gateway process on a throwaway configuration: sessions/demo copied to a temp folder,
// listening on a free port of 127.0.0.1, its LMDB files in a temp dataDir, and every session's
// password replaced by a known test password (the demo's secrets stay out of tests). The attempt
// limit is raised so tests that reconnect often are not refused.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../../src/config/password-hash';
import { REPO_ROOT, startCli, type CliRun } from './cli-process';

export interface TestSession {
  name: string;
  beginString: string;
  /** The broker's CompID: SenderCompID (49) on what a test client sends. */
  peerCompId: string;
  /** The gateway's CompID: TargetCompID (56) on what a test client sends. */
  ourCompId: string;
  username: string;
  password: string;
  minHeartBtInt: number;
}

export interface GatewayUnderTest {
  run: CliRun;
  port: number;
  /** The gateway's own process (the CLI runs under tsx, which is its parent). */
  pid: number;
  configDir: string;
  sessions: TestSession[];
  /** Resolves with the first stdout line matching `pattern`. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, waits for the exit, removes the temp folder; resolves with the exit code. */
  stop(): Promise<number | null>;
  /**
   * SIGTERM, waits for the exit, then starts the gateway again on the same folder (same port,
   * same dataDir: its write-ahead log and session store); the returned gateway owns the folder.
   */
  restart(): Promise<GatewayUnderTest>;
}

export interface GatewayFixtureOptions {
  /** Edits the copied sessions.json before the gateway starts. */
  edit?(config: Record<string, unknown>): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface RawSession {
  name: string;
  beginString: string;
  senderCompId: string;
  targetCompId: string;
  credentials?: unknown;
  heartbeat?: { minSeconds?: number };
  allowedIps?: string[];
}

export async function startGateway(options: GatewayFixtureOptions = {}): Promise<GatewayUnderTest> {
  const configDir = mkdtempSync(join(tmpdir(), 'fixgate-e2e-'));
  cpSync(join(REPO_ROOT, 'sessions/demo'), configDir, { recursive: true });
  const file = join(configDir, 'sessions.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { sessions: RawSession[] };
  const port = await freePort();
  config.listen = { host: '127.0.0.1', port };
  delete config.tls;
  config.dataDir = join(configDir, 'data');
  config.maxConnectionAttemptsPerIpPerMinute = 100_000;
  const sessions: TestSession[] = [];
  for (const raw of config.sessions) {
    const password = `test-${raw.name}-password`;
    const username = `test-${raw.name}`;
    raw.credentials = { username, passwordHash: await hashPassword(password) };
    raw.allowedIps = ['127.0.0.1'];
    sessions.push({
      name: raw.name,
      beginString: raw.beginString,
      peerCompId: raw.targetCompId,
      ourCompId: raw.senderCompId,
      username,
      password,
      minHeartBtInt: raw.heartbeat?.minSeconds ?? 5,
    });
  }
  options.edit?.(config);
  writeFileSync(file, JSON.stringify(config, null, 2));

  return launch(configDir, sessions);
}

/** Starts `fixgate start` on a prepared configuration folder and waits for "listening". */
async function launch(configDir: string, sessions: TestSession[]): Promise<GatewayUnderTest> {
  const run = startCli(['start', '--config', configDir]);
  const waitForLog = async (pattern: RegExp, timeoutMs = 20_000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = run.stdout().split('\n').find((l) => pattern.test(l));
      if (line !== undefined) return line;
      if (run.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no log line matching ${pattern}; stdout:\n${run.stdout()}\nstderr:\n${run.stderr()}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  let exited: Promise<number | null> | undefined;
  const terminate = (): Promise<number | null> => {
    exited ??= (async () => {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
      const { code } = await run.exited;
      return code;
    })();
    return exited;
  };
  let stopped: Promise<number | null> | undefined;
  const stop = (): Promise<number | null> => {
    stopped ??= terminate().then((code) => {
      rmSync(configDir, { recursive: true, force: true });
      return code;
    });
    return stopped;
  };
  const restart = async (): Promise<GatewayUnderTest> => {
    await terminate();
    return launch(configDir, sessions);
  };
  try {
    const listening = JSON.parse(await waitForLog(/"msg":"listening"/)) as { pid: number; port: number };
    return { run, port: listening.port, pid: listening.pid, configDir, sessions, waitForLog, stop, restart };
  } catch (err) {
    await stop();
    throw err;
  }
}
