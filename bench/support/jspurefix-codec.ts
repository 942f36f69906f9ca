// jspurefix's own parser and encoder, set up the way jspurefix sets them up for a live session: a
// session container built from a session description, a per-connection scope (makeSessionScope)
// whose ParseBuffer the AsciiParser and its state share, and an AsciiMsgTransmitter whose encode is
// reset → encodeMessage → encoder.trim(), the steps its encode stream runs for every message. The
// codec bench measures against this, and the interop tests check our bytes against it.
import 'reflect-metadata';
import { AsciiParser, DefinitionFactory, DITokens, ElasticBuffer, SessionContainer, type IJsFixConfig, type MsgView } from 'jspurefix';
import { makeSessionScope } from 'jspurefix/dist/runtime/session-scope';
import { AsciiMsgTransmitter } from 'jspurefix/dist/transport/ascii/ascii-msg-transmitter';
import type { AsciiEncoder } from 'jspurefix/dist/buffer/ascii/ascii-encoder';

export interface JspurefixSetup {
  /** jspurefix dictionary name, e.g. 'qf44' (its data/FIX44.xml, the same file as fix-dictionaries/FIX44.xml). */
  readonly dictionary: string;
  readonly beginString: string;
  readonly senderCompId: string;
  readonly targetCompId: string;
}

export interface ParsedByJspurefix {
  readonly msgType: string;
  readonly view: MsgView;
}

export class JspurefixCodec {
  private readonly parser: AsciiParser;
  private readonly transmitter: AsciiMsgTransmitter;
  private onMessage: (msgType: string, view: MsgView) => void = () => undefined;

  private constructor(config: IJsFixConfig) {
    const scoped = makeSessionScope(config);
    const container = scoped.sessionContainer;
    const buffer = container.resolve<ElasticBuffer>(DITokens.ParseBuffer);
    this.parser = new AsciiParser(scoped, null, buffer, container.resolve<number>(DITokens.maxMessageLen));
    this.parser.on('msg', (msgType: string, view: MsgView) => this.onMessage(msgType, view));
    this.transmitter = new AsciiMsgTransmitter(scoped);
  }

  static async create(setup: JspurefixSetup): Promise<JspurefixCodec> {
    const system = new SessionContainer();
    system.registerGlobal('error');
    const description = {
      application: { type: 'acceptor', name: 'bench', protocol: 'ascii', dictionary: setup.dictionary, tcp: { host: 'localhost', port: 0 } },
      BeginString: setup.beginString,
      SenderCompId: setup.senderCompId,
      TargetCompID: setup.targetCompId,
      HeartBtInt: 30,
      ResetSeqNumFlag: true,
      EncryptMethod: 0,
    };
    const container = await system.makeSystem(description as never);
    const config = container.resolve<IJsFixConfig>(DITokens.IJsFixConfig);
    config.definitions = await new DefinitionFactory().getDefinitions(setup.dictionary);
    return new JspurefixCodec(config);
  }

  /** Sets the SendingTime the transmitter stamps (it reads the clock otherwise). */
  set sendingTime(time: Date) {
    this.transmitter.time = time;
  }

  set msgSeqNum(seq: number) {
    this.transmitter.msgSeqNum = seq;
  }

  /** Encodes one message the way jspurefix's encode stream does and returns the wire bytes. */
  encode(msgType: string, body: object): Buffer {
    const encoder = this.transmitter.encoder as AsciiEncoder;
    encoder.reset();
    this.transmitter.encodeMessage(msgType, body as never);
    return encoder.trim();
  }

  /** Feeds bytes to the parser as a socket read would; `each` sees every message it emits. */
  parse(bytes: Buffer, each: (msgType: string, view: MsgView) => void): void {
    this.onMessage = each;
    this.parser.parseBuffer(bytes);
  }

  /** Every message in `bytes`, collected (tests). */
  parseAll(bytes: Buffer): ParsedByJspurefix[] {
    const out: ParsedByJspurefix[] = [];
    this.parse(bytes, (msgType, view) => out.push({ msgType, view: view.clone() }));
    return out;
  }
}
