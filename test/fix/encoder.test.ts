import test from 'ava';
import { DecodeStatus, FixDecoder } from '../../src/fix/codec/decoder';
import { FixDecimal } from '../../src/fix/codec/decimal';
import { fix44Dictionary } from '../../src/fix/codec/dictionaries';
import { FixEncoder } from '../../src/fix/codec/encoder';
import { FixMessage } from '../../src/fix/codec/fix-message';
import { Framer, FrameStatus } from '../../src/fix/codec/framer';
import { packMsgType } from '../../src/fix/codec/msg-type';
import { TimestampPrecision } from '../../src/fix/codec/timestamp';
import { MsgType, Tag } from '../../src/fix/dictionary/generated';
import { pipes, soh } from './fix-text';

const at = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

function executionReport(enc: FixEncoder): FixEncoder {
  return enc
    .begin(MsgType.ExecutionReport)
    .str(Tag.SenderCompID, 'FIXGATE')
    .str(Tag.TargetCompID, 'BROKER')
    .int(Tag.MsgSeqNum, 7)
    .timestamp(Tag.SendingTime, at)
    .str(Tag.OrderID, 'O1')
    .str(Tag.ClOrdID, 'C1')
    .str(Tag.ExecID, 'E1')
    .char(Tag.ExecType, 0x46)
    .char(Tag.OrdStatus, 0x32)
    .str(Tag.Symbol, 'AAPL')
    .char(Tag.Side, 0x31)
    .decimal(Tag.OrderQty, 100, 0)
    .decimal(Tag.Price, 1001, 1)
    .decimal(Tag.LastQty, 100, 0)
    .decimalOf(Tag.LastPx, new FixDecimal(1001, 1))
    .int(Tag.LeavesQty, 0)
    .int(Tag.CumQty, 100)
    .decimal(Tag.AvgPx, 1001, 1)
    .timestamp(Tag.TransactTime, at);
}

// BodyLength and CheckSum below were computed outside the codec (byte count and byte sum mod 256).
const EXPECTED_ER =
  '8=FIX.4.4|9=176|35=8|49=FIXGATE|56=BROKER|34=7|52=20240102-03:04:05.678|37=O1|11=C1|17=E1|150=F|39=2|' +
  '55=AAPL|54=1|38=100|44=100.1|32=100|31=100.1|151=0|14=100|6=100.1|60=20240102-03:04:05.678|10=207|';

test('an ExecutionReport is byte-exact, BodyLength and CheckSum included', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  const length = executionReport(enc).finish();
  t.is(pipes(enc.frame()), EXPECTED_ER);
  t.is(length, EXPECTED_ER.length);
  t.is(enc.frameEnd - enc.frameStart, length);
});

test('the encoder is reusable: a second message is as exact as the first', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  executionReport(enc).finish();
  enc.begin(MsgType.Heartbeat).str(Tag.SenderCompID, 'A').finish();
  executionReport(enc).finish();
  t.is(pipes(enc.frame()), EXPECTED_ER);
});

test('FIXT.1.1 BeginString and a seconds-precision timestamp', (t) => {
  const enc = new FixEncoder('FIXT.1.1', 256, TimestampPrecision.Seconds);
  enc.begin(packMsgType('0')).str(Tag.SenderCompID, 'A').str(Tag.TargetCompID, 'B').int(Tag.MsgSeqNum, 1).timestamp(Tag.SendingTime, 0).finish();
  t.is(pipes(enc.frame()), '8=FIXT.1.1|9=41|35=0|49=A|56=B|34=1|52=19700101-00:00:00|10=199|');
});

test('timestamp precision is the session choice', (t) => {
  const enc = new FixEncoder('FIX.4.4', 256, TimestampPrecision.Nanos);
  enc.begin(MsgType.Heartbeat).timestamp(Tag.SendingTime, at, 1234).finish();
  t.regex(pipes(enc.frame()), /\|52=20240102-03:04:05\.678001234\|/);
  enc.precision = TimestampPrecision.Micros;
  enc.begin(MsgType.Heartbeat).timestamp(Tag.SendingTime, at, 1234).finish();
  t.regex(pipes(enc.frame()), /\|52=20240102-03:04:05\.678001\|/);
});

test('a DATA field keeps its SOH bytes and is preceded by its length', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  enc.begin(MsgType.Logon).int(Tag.EncryptMethod, 0).int(Tag.HeartBtInt, 30).data(Tag.RawDataLength, Tag.RawData, soh('a|b=c')).finish();
  t.is(pipes(enc.frame()), '8=FIX.4.4|9=31|35=A|98=0|108=30|95=5|96=a|b=c|10=238|');
});

test('negative numbers, booleans, raw pre-encoded fields and long strings', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  const long = 'x'.repeat(100);
  enc
    .begin(MsgType.NewOrderSingle)
    .raw(soh('49=FIXGATE|56=BROKER|'))
    .int(Tag.MsgSeqNum, 123456789012)
    .decimal(Tag.Price, -25, 2)
    .int(Tag.PegOffsetValue, -3)
    .bool(Tag.PossDupFlag, true)
    .bool(Tag.PossResend, false)
    .str(Tag.Text, long)
    .finish();
  t.true(pipes(enc.frame()).includes(`|49=FIXGATE|56=BROKER|34=123456789012|44=-0.25|211=-3|43=Y|97=N|58=${long}|10=`));
});

test('the buffer grows for a message larger than its capacity, and the frame is valid', (t) => {
  const enc = new FixEncoder('FIX.4.4', 64);
  enc.begin(MsgType.News).str(Tag.Headline, 'h'.repeat(5000)).finish();
  const framer = new Framer();
  t.is(framer.scan(enc.buffer, enc.frameStart, enc.frameEnd), FrameStatus.Complete);
  t.is(framer.frameEnd, enc.frameEnd);
});

test('what the encoder writes, the framer accepts and the decoder reads back', (t) => {
  const enc = new FixEncoder('FIX.4.4');
  executionReport(enc).finish();
  const framer = new Framer();
  t.is(framer.scan(enc.buffer, enc.frameStart, enc.frameEnd), FrameStatus.Complete);
  const msg = new FixMessage(fix44Dictionary());
  t.is(new FixDecoder().decode(enc.buffer, enc.frameStart, enc.frameEnd, msg), DecodeStatus.Ok);
  t.is(msg.msgType, MsgType.ExecutionReport);
  t.is(msg.getString(Tag.ExecID), 'E1');
  const px = new FixDecimal();
  msg.getDecimal(Tag.AvgPx, px);
  t.is(px.toString(), '100.1');
});
