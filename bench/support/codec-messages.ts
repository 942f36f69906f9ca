// The codec bench's messages: a stream of NewOrderSingles to decode and ExecutionReport source
// records to encode, the latter both as our encoder writes them and as jspurefix takes them (a
// message object with components and float prices), with the same content.
import { FixEncoder } from '../../src/fix/codec/encoder';
import * as generated from '../../src/fix/dictionary/generated';

// Read once into locals: under tsx each use of an imported binding is a getter call (see
// src/fix/codec/ascii.ts), which would tax our encode loop and not jspurefix's.
const { MsgType, Tag } = generated;

export const SENDING_TIME = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678));
export const STREAM_MESSAGES = 2000;
export const READ_SIZE = 16 * 1024;

/** NewOrderSingles with three parties (one with a nested sub-ID), as one stream and as 16 KiB reads. */
export function orderStream(): { bytes: Buffer; reads: Buffer[] } {
  const enc = new FixEncoder('FIX.4.4', 1024);
  const frames: Buffer[] = [];
  for (let i = 0; i < STREAM_MESSAGES; i++) {
    enc
      .begin(MsgType.NewOrderSingle)
      .str(Tag.SenderCompID, 'BROKER01')
      .str(Tag.TargetCompID, 'FIXGATE')
      .int(Tag.MsgSeqNum, 1000 + i)
      .timestamp(Tag.SendingTime, SENDING_TIME.getTime() + i)
      .str(Tag.ClOrdID, `ORD-${100000 + i}`)
      .str(Tag.Account, 'ACC-0042')
      .int(Tag.NoPartyIDs, 3)
      .str(Tag.PartyID, 'BRKR')
      .char(Tag.PartyIDSource, 0x44)
      .int(Tag.PartyRole, 1)
      .str(Tag.PartyID, 'TRADER-7')
      .char(Tag.PartyIDSource, 0x44)
      .int(Tag.PartyRole, 11)
      .int(Tag.NoPartySubIDs, 1)
      .str(Tag.PartySubID, 'DESK-A')
      .int(Tag.PartySubIDType, 4)
      .str(Tag.PartyID, 'CLIENT-3')
      .char(Tag.PartyIDSource, 0x44)
      .int(Tag.PartyRole, 3)
      .str(Tag.Symbol, i % 2 === 0 ? 'AAPL' : 'MSFT')
      .char(Tag.Side, i % 2 === 0 ? 0x31 : 0x32)
      .timestamp(Tag.TransactTime, SENDING_TIME.getTime() + i)
      .decimal(Tag.OrderQty, 100 * (1 + (i % 50)), 0)
      .char(Tag.OrdType, 0x32)
      .decimal(Tag.Price, 10000 + (i % 997), 2)
      .char(Tag.TimeInForce, 0x30);
    enc.finish();
    frames.push(Buffer.from(enc.frame()));
  }
  const bytes = Buffer.concat(frames);
  const reads: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += READ_SIZE) reads.push(bytes.subarray(at, Math.min(bytes.length, at + READ_SIZE)));
  return { bytes, reads };
}

export interface Fill {
  orderId: string;
  clOrdId: string;
  execId: string;
  account: string;
  symbol: string;
  side: string;
  qty: number;
  price: number; // ticks at PRICE_SCALE
  lastQty: number;
  lastPx: number;
  leavesQty: number;
  cumQty: number;
  avgPx: number;
  transactTime: number;
}

export const PRICE_SCALE = 2;
export const FILLS = 1000;

export function fills(): Fill[] {
  return Array.from({ length: FILLS }, (_, i) => ({
    orderId: String(5_000_000 + i),
    clOrdId: `ORD-${100000 + i}`,
    execId: `E-${9_000_000 + i}`,
    account: 'ACC-0042',
    symbol: i % 2 === 0 ? 'AAPL' : 'MSFT',
    side: i % 2 === 0 ? '1' : '2',
    qty: 1000,
    price: 10001 + (i % 997),
    lastQty: 100 + (i % 7),
    lastPx: 10001 + (i % 997),
    leavesQty: 900 - (i % 7),
    cumQty: 100 + (i % 7),
    avgPx: 10001 + (i % 997),
    transactTime: SENDING_TIME.getTime() + i,
  }));
}

/** The same fill as jspurefix takes it: a message object with components and float prices. */
export function jspurefixFill(f: Fill): object {
  const unit = 10 ** PRICE_SCALE;
  return {
    OrderID: f.orderId,
    ClOrdID: f.clOrdId,
    ExecID: f.execId,
    ExecType: 'F',
    OrdStatus: '1',
    Account: f.account,
    Parties: { NoPartyIDs: [{ PartyID: 'FIXGATE', PartyIDSource: 'D', PartyRole: 1 }, { PartyID: 'CLIENT-3', PartyIDSource: 'D', PartyRole: 3 }] },
    Instrument: { Symbol: f.symbol },
    Side: f.side,
    OrderQtyData: { OrderQty: f.qty },
    OrdType: '2',
    Price: f.price / unit,
    TimeInForce: '0',
    LastQty: f.lastQty,
    LastPx: f.lastPx / unit,
    LeavesQty: f.leavesQty,
    CumQty: f.cumQty,
    AvgPx: f.avgPx / unit,
    TransactTime: new Date(f.transactTime),
  };
}

/** Fields in dictionary order, the order jspurefix writes them in, so both produce the same body. */
export function encodeFill(enc: FixEncoder, f: Fill, seq: number): number {
  return enc
    .begin(MsgType.ExecutionReport)
    .str(Tag.SenderCompID, 'FIXGATE')
    .str(Tag.TargetCompID, 'BROKER01')
    .int(Tag.MsgSeqNum, seq)
    .timestamp(Tag.SendingTime, SENDING_TIME.getTime())
    .str(Tag.OrderID, f.orderId)
    .str(Tag.ClOrdID, f.clOrdId)
    .int(Tag.NoPartyIDs, 2)
    .str(Tag.PartyID, 'FIXGATE')
    .char(Tag.PartyIDSource, 0x44)
    .int(Tag.PartyRole, 1)
    .str(Tag.PartyID, 'CLIENT-3')
    .char(Tag.PartyIDSource, 0x44)
    .int(Tag.PartyRole, 3)
    .str(Tag.ExecID, f.execId)
    .char(Tag.ExecType, 0x46)
    .char(Tag.OrdStatus, 0x31)
    .str(Tag.Account, f.account)
    .str(Tag.Symbol, f.symbol)
    .char(Tag.Side, f.side.charCodeAt(0))
    .decimal(Tag.OrderQty, f.qty, 0)
    .char(Tag.OrdType, 0x32)
    .decimal(Tag.Price, f.price, PRICE_SCALE)
    .char(Tag.TimeInForce, 0x30)
    .decimal(Tag.LastQty, f.lastQty, 0)
    .decimal(Tag.LastPx, f.lastPx, PRICE_SCALE)
    .decimal(Tag.LeavesQty, f.leavesQty, 0)
    .decimal(Tag.CumQty, f.cumQty, 0)
    .decimal(Tag.AvgPx, f.avgPx, PRICE_SCALE)
    .timestamp(Tag.TransactTime, f.transactTime)
    .finish();
}
