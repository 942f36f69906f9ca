// The e2e bench's baseline: an order-entry acceptor built on jspurefix (an independent TypeScript
// FIX engine) that answers every NewOrderSingle (D) with one ExecutionReport 150=0, and, so that the
// same crossing load can be offered to it, a cancel (F) with 150=4 and a replace (G) with 150=5. No
// book, no risk checks, no write-ahead log, no message log (EmptyLogFactory, jspurefix's in-memory
// session store): what a FIX engine alone costs per order, which our gateway's figures are set
// against.
//
// It runs in a child process (this file is its entry point too), so it has its own event loop like
// the gateway process does, and the load generator in the bench process does not share it.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { AsciiSession, EmptyLogFactory, MsgType, SessionLauncher, type IJsFixConfig, type MsgView } from 'jspurefix';

/** The CompID the acceptor answers as; it accepts any peer CompID (jspurefix's wildcard '*'). */
export const BASELINE_COMP_ID = 'JSPUREFIX';

class ExecutionSession extends AsciiSession {
  private nextId = 1;

  constructor(config: IJsFixConfig) {
    super(config);
  }

  protected onApplicationMsg(msgType: string, view: MsgView): void {
    const execType = msgType === MsgType.NewOrderSingle ? '0' : msgType === MsgType.OrderCancelRequest ? '4' : msgType === MsgType.OrderCancelReplaceRequest ? '5' : undefined;
    if (execType === undefined) return;
    const id = this.nextId++;
    const qty = Number(view.getString('OrderQty') ?? '0');
    const report: Record<string, unknown> = {
      OrderID: `J${id}`,
      ClOrdID: view.getString('ClOrdID'),
      ExecID: `JE${id}`,
      ExecType: execType,
      OrdStatus: execType,
      Instrument: { Symbol: view.getString('Symbol') },
      Side: view.getString('Side'),
      OrderQtyData: { OrderQty: qty },
      LeavesQty: execType === '4' ? 0 : qty,
      CumQty: 0,
      AvgPx: 0,
      TransactTime: new Date(),
    };
    const orig = view.getString('OrigClOrdID');
    if (orig !== undefined) report.OrigClOrdID = orig;
    this.send(MsgType.ExecutionReport, report);
  }

  protected onLogon(): boolean {
    return true;
  }

  protected onReady(): void {}
  protected onDecoded(): void {}
  protected onEncoded(): void {}
  protected onStopped(): void {}
}

class BaselineLauncher extends SessionLauncher {
  constructor(port: number) {
    super(
      null,
      {
        application: { type: 'acceptor', name: 'jspurefix-baseline', tcp: { host: '127.0.0.1', port }, protocol: 'ascii', dictionary: 'qf44' },
        EncryptMethod: 0,
        ResetSeqNumFlag: false,
        HeartBtInt: 30,
        SenderCompId: BASELINE_COMP_ID,
        TargetCompID: AsciiSession.WildcardCompId,
        BeginString: 'FIX.4.4',
      } as never,
      new EmptyLogFactory(),
    );
  }

  protected override makeFactory(): { makeSession: (config: IJsFixConfig) => ExecutionSession } {
    return { makeSession: (config) => new ExecutionSession(config) };
  }
}

export interface BaselineAcceptor {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts the acceptor in a child process on `port` and resolves once it accepts connections. */
export async function startBaselineAcceptor(port: number, timeoutMs = 20_000): Promise<BaselineAcceptor> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the jspurefix baseline acceptor did not listen on ${port}; stderr:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, child, stop };
}

if (require.main === module) {
  const port = Number(process.argv[2]);
  const launcher = new BaselineLauncher(port);
  process.once('SIGTERM', () => {
    launcher.stop();
    process.exit(0);
  });
  launcher.run().catch((err: unknown) => {
    process.stderr.write(`jspurefix baseline acceptor failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
