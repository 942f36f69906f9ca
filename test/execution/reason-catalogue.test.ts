// The catalogue is total: every matcher RejectReason and CancelReason value (read from types.ts at
// run time, not from the table) has its FIX mapping, and every mapped value is a FIX 4.4 value.
import test from 'ava';
import { CancelReason, RejectReason } from '../../src/matcher/types';
import { CxlRejReason, OrdRejReason } from '../../src/execution/fix-values';
import { CANCEL_TEXTS, REJECT_REASONS, cancelText, rejectMapping } from '../../src/execution/reason-catalogue';

const ordRejValues = new Set<number>(Object.values(OrdRejReason));
const cxlRejValues = new Set<number>(Object.values(CxlRejReason));

test('every RejectReason maps to an OrdRejReason, a CxlRejReason and a Text', (t) => {
  for (const [name, code] of Object.entries(RejectReason)) {
    const m = rejectMapping(code);
    t.truthy(m, `RejectReason.${name} (${code}) has no entry`);
    t.true(ordRejValues.has(m.ordRejReason), `RejectReason.${name}: 103=${m.ordRejReason}`);
    t.true(cxlRejValues.has(m.cxlRejReason), `RejectReason.${name}: 102=${m.cxlRejReason}`);
    t.true(m.text.length > 0 && m.text.length < 120, `RejectReason.${name} text`);
  }
  t.is(Object.keys(REJECT_REASONS).length, Object.keys(RejectReason).length, 'no entry for a code types.ts does not have');
});

test('every CancelReason has a Text, and the texts tell the reasons apart', (t) => {
  for (const [name, code] of Object.entries(CancelReason)) {
    t.true(typeof cancelText(code) === 'string' && cancelText(code).length > 0, `CancelReason.${name} (${code}) has no text`);
  }
  t.is(Object.keys(CANCEL_TEXTS).length, Object.keys(CancelReason).length);
  t.is(new Set(Object.values(CANCEL_TEXTS)).size, Object.keys(CancelReason).length);
});

test('the reasons a broker acts on map to their specific FIX codes', (t) => {
  t.is(rejectMapping(RejectReason.UnknownSymbol).ordRejReason, OrdRejReason.UnknownSymbol);
  t.is(rejectMapping(RejectReason.UnknownOrder).cxlRejReason, CxlRejReason.UnknownOrder);
  t.is(rejectMapping(RejectReason.SymbolClosed).ordRejReason, OrdRejReason.ExchangeClosed);
  t.is(rejectMapping(RejectReason.ExpiredOnArrival).ordRejReason, OrdRejReason.TooLateToEnter);
  t.is(rejectMapping(RejectReason.DuplicateOrderId).ordRejReason, OrdRejReason.DuplicateOrder);
});
