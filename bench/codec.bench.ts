// Codec benchmark: our framer + decoder and encoder against jspurefix's AsciiParser and
// AsciiMsgTransmitter (set up as jspurefix sets them up, see support/jspurefix-codec.ts), on the same
// messages in the same run, rounds interleaved so machine noise hits both sides alike.
//
// Decode: a stream of NewOrderSingles (three parties, one with a nested sub-ID), fed to both sides
// in the same 16 KiB reads. jspurefix parses each read and materialises every message with
// view.toObject(), which types every field by the dictionary (strings, numbers, Dates, group
// arrays). Ours frames (BodyLength and CheckSum checked), decodes, and reads every field's value
// typed by the dictionary (strings as strings, ints, exact decimals, timestamps, chars): the same
// work. Extra keys report the lighter variants (jspurefix view only; ours reading just what the
// order path needs).
//
// Encode: ExecutionReports with two parties from the same source records. jspurefix runs what its
// encode stream runs per message (reset, encodeMessage, trim, which copies the frame out); ours
// writes into its reusable buffer and stops at finish(): the transport copies frames into its
// coalesced socket write. encode_copy_msgs_per_s adds a copy-out to ours for comparison.
import type { BenchOptions, BenchResult } from './run';
import * as messages from './support/codec-messages';
import type { Fill } from './support/codec-messages';
import { JspurefixCodec } from './support/jspurefix-codec';
import { DecodeStatus, FixDecoder } from '../src/fix/codec/decoder';
import { FixDecimal } from '../src/fix/codec/decimal';
import { fix44Dictionary } from '../src/fix/codec/dictionaries';
import { FixEncoder } from '../src/fix/codec/encoder';
import * as fieldTypes from '../src/fix/codec/field-type';
import { FixMessage } from '../src/fix/codec/fix-message';
import { FrameReader } from '../src/fix/codec/frame-reader';
import * as framing from '../src/fix/codec/framer';
import { FixTimestamp } from '../src/fix/codec/timestamp';
import * as generated from '../src/fix/dictionary/generated';
import { median } from './support/report';

// Imported bindings read once into locals, as the codec's own hot modules do: under tsx each use
// of one is a getter call (see src/fix/codec/ascii.ts), which would tax our measured loops.
const { Tag } = generated;
const { FILLS, READ_SIZE, SENDING_TIME, STREAM_MESSAGES, encodeFill, fills, jspurefixFill, orderStream } = messages;
const { FieldType } = fieldTypes;
const { FrameStatus } = framing;
const COMPLETE = FrameStatus.Complete;
const DECODE_OK = DecodeStatus.Ok;

// ------------------------------------------------------------------ our decode work

const decimal = new FixDecimal();
const timestamp = new FixTimestamp();

/** Reads every field's value by its dictionary type, as jspurefix's toObject does. */
function readEveryField(msg: FixMessage): number {
  const types = msg.dictionary.types;
  let acc = 0;
  for (let i = 0; i < msg.fieldCount; i++) {
    switch (types[msg.tags[i] as number]) {
      case FieldType.Int:
      case FieldType.Length:
      case FieldType.SeqNum:
      case FieldType.NumInGroup:
        acc += msg.intAt(i);
        break;
      case FieldType.Decimal:
        msg.decimalAt(i, decimal);
        acc += decimal.mantissa;
        break;
      case FieldType.UtcTimestamp:
        msg.timestampAt(i, timestamp);
        acc += timestamp.nanosOfMs;
        break;
      case FieldType.Char:
        acc += msg.charAt(i);
        break;
      default:
        acc += msg.stringAt(i).length;
    }
  }
  return acc;
}

/** What the order path reads from a NewOrderSingle (ids as strings, the rest as numbers). */
function readOrderFields(msg: FixMessage): number {
  let acc = msg.getInt(Tag.MsgSeqNum) + msg.getString(Tag.ClOrdID)!.length + msg.getString(Tag.Symbol)!.length;
  acc += msg.getChar(Tag.Side) + msg.getChar(Tag.OrdType) + msg.getChar(Tag.TimeInForce);
  msg.getDecimal(Tag.Price, decimal);
  acc += decimal.mantissa;
  msg.getDecimal(Tag.OrderQty, decimal);
  acc += decimal.mantissa;
  msg.getTimestamp(Tag.TransactTime, timestamp);
  acc += timestamp.epochMs;
  const g = msg.group(Tag.NoPartyIDs);
  for (let k = msg.firstInstance(g); k >= 0; k = msg.nextInstance(k)) acc += msg.intAt(msg.indexIn(k, Tag.PartyRole));
  return acc;
}

// ------------------------------------------------------------------ measurement

interface Case {
  readonly name: string;
  /** Runs one pass and returns the messages it handled. */
  readonly pass: () => number;
}

/** Messages per second of each round: passes until the round lasts at least `roundMs`. */
function round(c: Case, roundMs: number): number {
  let messages = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0;
  do {
    messages += c.pass();
    elapsedNs = Number(process.hrtime.bigint() - start);
  } while (elapsedNs < roundMs * 1e6);
  return messages / (elapsedNs / 1e9);
}

/** Medians of interleaved rounds after warm-up rounds. */
function compare(cases: Case[], rounds: number, warmups: number, roundMs: number): Map<string, number> {
  for (let w = 0; w < warmups; w++) for (const c of cases) round(c, roundMs);
  const samples = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  for (let r = 0; r < rounds; r++) for (const c of cases) samples.get(c.name)?.push(round(c, roundMs));
  const medians = new Map<string, number>();
  for (const [name, values] of samples) {
    medians.set(name, median(values));
    process.stdout.write(`  ${name.padEnd(34)} ${Math.round(median(values)).toLocaleString('en-US').padStart(12)} msgs/s  (rounds: ${values.map((v) => Math.round(v / 1000)).join(' ')} k)\n`);
  }
  return medians;
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`codec bench self-check failed: ${what}`);
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const rounds = options.quick ? 5 : 15;
  const warmups = options.quick ? 2 : 4;
  const roundMs = options.quick ? 200 : 500;
  const jspurefix = await JspurefixCodec.create({ dictionary: 'qf44', beginString: 'FIX.4.4', senderCompId: 'FIXGATE', targetCompId: 'BROKER01' });
  jspurefix.sendingTime = SENDING_TIME;

  // ---- decode
  const { bytes, reads } = orderStream();
  const dictionary = fix44Dictionary();
  const reader = new FrameReader(64 * 1024);
  const decoder = new FixDecoder();
  const msg = new FixMessage(dictionary);
  let sink = 0;
  const ourDecode = (read: (m: FixMessage) => number) => (): number => {
    let n = 0;
    for (const chunk of reads) {
      reader.push(chunk);
      while (reader.next() === COMPLETE) {
        if (decoder.decode(reader.buffer, reader.framer.frameStart, reader.framer.frameEnd, msg) === DECODE_OK) sink += read(msg);
        n++;
      }
    }
    return n;
  };
  const theirDecode = (materialise: boolean) => (): number => {
    let n = 0;
    for (const chunk of reads) {
      jspurefix.parse(chunk, (_type, view) => {
        if (materialise) sink += view.toObject() === null ? 0 : 1;
        n++;
      });
    }
    return n;
  };
  check(ourDecode(readEveryField)() === STREAM_MESSAGES, 'our decoder saw every message');
  check(theirDecode(true)() === STREAM_MESSAGES, 'jspurefix saw every message');
  process.stdout.write(`decode: ${STREAM_MESSAGES} NewOrderSingles (${Math.round(bytes.length / STREAM_MESSAGES)} bytes each, 3 parties), ${READ_SIZE} byte reads\n`);
  const decode = compare(
    [
      { name: 'ours: frame+decode+read all', pass: ourDecode(readEveryField) },
      { name: 'jspurefix: parse+toObject', pass: theirDecode(true) },
      { name: 'ours: frame+decode+order fields', pass: ourDecode(readOrderFields) },
      { name: 'jspurefix: parse (view only)', pass: theirDecode(false) },
    ],
    rounds,
    warmups,
    roundMs,
  );

  // ---- encode
  const records = fills();
  const jsObjects = records.map(jspurefixFill);
  const enc = new FixEncoder('FIX.4.4', 1024);
  let seq = 1;
  // Same content on both sides: every field after BodyLength is equal, CheckSum aside (jspurefix
  // zero-pads BodyLength, which changes the byte sum).
  {
    jspurefix.msgSeqNum = 1;
    const theirs = jspurefix.encode('8', jsObjects[0] as object);
    encodeFill(enc, records[0] as Fill, 1);
    const a = new FixMessage(dictionary);
    const b = new FixMessage(dictionary);
    decoder.decode(theirs, 0, theirs.length, a);
    decoder.decode(enc.buffer, enc.frameStart, enc.frameEnd, b);
    check(a.fieldCount === b.fieldCount, `same field count (${a.fieldCount} vs ${b.fieldCount})`);
    for (let i = 2; i < a.fieldCount - 1; i++) check(a.tagAt(i) === b.tagAt(i) && a.stringAt(i) === b.stringAt(i), `field ${a.tagAt(i)} equal`);
  }
  const ourEncode = (copy: boolean) => (): number => {
    for (const r of records) {
      encodeFill(enc, r, seq++);
      if (copy) sink += Buffer.from(enc.buffer.subarray(enc.frameStart, enc.frameEnd)).length;
      else sink += enc.frameEnd;
    }
    return records.length;
  };
  const theirEncode = (): number => {
    for (const o of jsObjects) sink += jspurefix.encode('8', o).length;
    return jsObjects.length;
  };
  process.stdout.write(`encode: ${FILLS} ExecutionReports (${enc.frameEnd - enc.frameStart} bytes each, 2 parties)\n`);
  const encode = compare(
    [
      { name: 'ours: encode', pass: ourEncode(false) },
      { name: 'jspurefix: encodeMessage+trim', pass: theirEncode },
      { name: 'ours: encode+copy out', pass: ourEncode(true) },
    ],
    rounds,
    warmups,
    roundMs,
  );
  check(sink !== 0, 'results were consumed');

  const decodeOurs = decode.get('ours: frame+decode+read all') as number;
  const decodeTheirs = decode.get('jspurefix: parse+toObject') as number;
  const encodeOurs = encode.get('ours: encode') as number;
  const encodeTheirs = encode.get('jspurefix: encodeMessage+trim') as number;
  const round2 = (x: number): number => Math.round(x * 100) / 100;
  return {
    bench: 'codec',
    decode_msgs_per_s: Math.round(decodeOurs),
    encode_msgs_per_s: Math.round(encodeOurs),
    jspurefix_decode_msgs_per_s: Math.round(decodeTheirs),
    jspurefix_encode_msgs_per_s: Math.round(encodeTheirs),
    decode_ratio: round2(decodeOurs / decodeTheirs),
    encode_ratio: round2(encodeOurs / encodeTheirs),
    decode_order_fields_msgs_per_s: Math.round(decode.get('ours: frame+decode+order fields') as number),
    jspurefix_decode_view_only_msgs_per_s: Math.round(decode.get('jspurefix: parse (view only)') as number),
    encode_copy_msgs_per_s: Math.round(encode.get('ours: encode+copy out') as number),
    rounds,
    round_ms: roundMs,
    decode_message_bytes: Math.round(bytes.length / STREAM_MESSAGES),
  };
}
