import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerKind, REFUSALS, RefusalCode, reasonFor } from '../../src/gateway/refusals';

// docs/order-entry.md lists the catalogue; its rows are read back and compared with the code.
test('every refusal code has a mapping, a unique GW_REJ_ name, and its row in docs/order-entry.md', (t) => {
  const doc = readFileSync(join(__dirname, '../../docs/order-entry.md'), 'utf8');
  const rows = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const name = /^`(GW_REJ_[A-Z_]+)`$/.exec(cells[1] ?? '')?.[1];
    if (name) rows.set(name, cells.slice(2, 8));
  }
  const names = new Set<string>();
  for (const code of Object.values(RefusalCode)) {
    const spec = REFUSALS[code];
    t.truthy(spec, `code ${code} has no mapping`);
    t.regex(spec.name, /^GW_REJ_[A-Z_]+$/);
    t.false(names.has(spec.name), `${spec.name} repeated`);
    names.add(spec.name);
    for (const kind of Object.values(AnswerKind)) t.true(Number.isInteger(reasonFor(code, kind)));
    const row = rows.get(spec.name);
    t.deepEqual(row, [String(code), String(spec.ordRejReason), String(spec.cxlRejReason), String(spec.businessRejectReason), String(spec.massCancelRejectReason), spec.text], spec.name);
  }
  t.is(rows.size, names.size, 'the docs list no code the catalogue lacks');
});
