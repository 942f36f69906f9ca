// jspurefix, an independent FIX engine, as a broker's initiator against the real gateway process:
// Logon, heartbeats both ways, a TestRequest answered, a NewOrderSingle answered with an
// ExecutionReport, and a clean Logout.
import 'reflect-metadata';
import test from 'ava';
import { AsciiSession, EmptyLogFactory, MsgType, SessionLauncher, type IJsFixConfig, type MsgView } from 'jspurefix';
import { startGateway, type TestSession } from '../support/gateway-fixture';

interface Observed {
  received: string[];
  receivedTypes: string[];
  applicationReplies: Array<{ msgType: string; refSeqNum: number; refMsgType: string }>;
  ready: boolean;
  testRequestAnswered: boolean;
  stoppedWith: string | undefined;
}

const TEST_REQ_ID = 'JSF-TR-1';
const HEARTBEATS_TO_SEE = 2;

/** Drives one session: waits for heartbeats, sends a TestRequest, then an order, then logs out. */
class ProbeSession extends AsciiSession {
  readonly observed: Observed = { received: [], receivedTypes: [], applicationReplies: [], ready: false, testRequestAnswered: false, stoppedWith: undefined };
  private orderSent = false;

  constructor(
    config: IJsFixConfig,
    private readonly onStoppedCallback: () => void,
  ) {
    super(config);
  }

  protected onApplicationMsg(msgType: string, view: MsgView): void {
    this.observed.applicationReplies.push({
      msgType,
      refSeqNum: Number(view.getString('RefSeqNum')),
      refMsgType: view.getString('RefMsgType') ?? '',
    });
    this.done();
  }

  protected onReady(): void {
    this.observed.ready = true;
  }

  protected onDecoded(msgType: string, txt: string): void {
    this.observed.received.push(txt);
    this.observed.receivedTypes.push(msgType);
    if (msgType === MsgType.Heartbeat && txt.includes(`112=${TEST_REQ_ID}`)) {
      this.observed.testRequestAnswered = true;
      this.sendOrder();
    }
    const plainHeartbeats = this.observed.received.filter((t) => t.includes('35=0') && !t.includes('112=')).length;
    if (msgType === MsgType.Heartbeat && plainHeartbeats === HEARTBEATS_TO_SEE) this.send(MsgType.TestRequest, { TestReqID: TEST_REQ_ID });
  }

  protected onEncoded(): void {}

  protected onLogon(): boolean {
    return true;
  }

  protected onStopped(error?: Error): void {
    this.observed.stoppedWith = error?.message;
    this.onStoppedCallback();
  }

  private sendOrder(): void {
    if (this.orderSent) return;
    this.orderSent = true;
    this.send(MsgType.NewOrderSingle, {
      ClOrdID: 'JSF-ORD-1',
      Instrument: { Symbol: 'ACME' },
      Side: '1',
      TransactTime: new Date(),
      OrderQtyData: { OrderQty: 10 },
      OrdType: '2',
      Price: 100.25,
      TimeInForce: '0',
    });
  }
}

class ProbeLauncher extends SessionLauncher {
  session: ProbeSession | undefined;
  readonly stopped: Promise<void>;
  private resolveStopped!: () => void;

  constructor(port: number, session: TestSession, heartBtInt: number) {
    super(
      {
        application: { type: 'initiator', name: 'jspurefix-probe', tcp: { host: '127.0.0.1', port }, protocol: 'ascii', dictionary: 'qf44', reconnectSeconds: 1 },
        Username: session.username,
        Password: session.password,
        EncryptMethod: 0,
        ResetSeqNumFlag: true,
        HeartBtInt: heartBtInt,
        SenderCompId: session.peerCompId,
        TargetCompID: session.ourCompId,
        BeginString: 'FIX.4.4',
      } as never,
      null,
      new EmptyLogFactory(),
    );
    this.stopped = new Promise((resolve) => (this.resolveStopped = resolve));
  }

  protected override makeFactory(): { makeSession: (config: IJsFixConfig) => ProbeSession } {
    return {
      makeSession: (config) => {
        this.session = new ProbeSession(config, () => this.resolveStopped());
        return this.session;
      },
    };
  }
}

test('a jspurefix FIX.4.4 initiator logs on, exchanges heartbeats and a test request, gets an answer to an order, and logs out', async (t) => {
  const gateway = await startGateway();
  t.teardown(() => gateway.stop());
  const fix44 = gateway.sessions.find((s) => s.beginString === 'FIX.4.4');
  if (fix44 === undefined) throw new Error('the test configuration has no FIX.4.4 session');
  const heartBtInt = fix44.minHeartBtInt;

  const launcher = new ProbeLauncher(gateway.port, fix44, heartBtInt);
  const finished = launcher.run();
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('jspurefix session did not finish within 60 s')), 60_000).unref());
  await Promise.race([Promise.all([finished, launcher.stopped]), timeout]);
  const observed = (launcher.session as ProbeSession).observed;
  t.log(`jspurefix received: ${observed.receivedTypes.join(' ')}`);

  t.true(observed.ready, 'logged on');
  t.is(observed.receivedTypes[0], MsgType.Logon);
  t.true(observed.received.filter((m) => m.includes('35=0') && !m.includes('112=')).length >= HEARTBEATS_TO_SEE, 'heartbeats from the gateway');
  t.true(observed.testRequestAnswered, 'Heartbeat with our TestReqID');
  t.deepEqual(
    observed.applicationReplies.map((r) => [r.msgType, r.refMsgType]),
    [[MsgType.ExecutionReport, '']],
  );
  t.is(observed.receivedTypes.filter((m) => m === MsgType.Reject).length, 0, 'no session-level Reject');
  t.is(observed.receivedTypes.at(-1), MsgType.Logout, 'the gateway answered our Logout');
  t.is(observed.stoppedWith, undefined);
  await gateway.waitForLog(/"msg":"connection closed"/);
});
