// Test helpers: FIX written with '|' for SOH, and frames completed with a correct BodyLength and
// CheckSum computed here independently of the codec (a plain byte sum).

/** '|' becomes SOH. */
export function soh(text: string): Buffer {
  return Buffer.from(text.replace(/\|/g, '\x01'), 'latin1');
}

/** SOH becomes '|', for readable assertions. */
export function pipes(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/\x01/g, '|');
}

/** A whole frame around `body` ("35=...|...|", ending in '|'): adds 8=, 9= and 10=. */
export function frame(body: string, beginString = 'FIX.4.4'): Buffer {
  const bodyBytes = soh(body);
  const head = soh(`8=${beginString}|9=${bodyBytes.length}|`);
  const withoutTrailer = Buffer.concat([head, bodyBytes]);
  let sum = 0;
  for (const b of withoutTrailer) sum += b;
  return Buffer.concat([withoutTrailer, soh(`10=${String(sum % 256).padStart(3, '0')}|`)]);
}

/** A header for FIX.4.4 test messages, MsgSeqNum `seq`. */
export function header(msgType: string, seq = 1): string {
  return `35=${msgType}|49=BROKER|56=FIXGATE|34=${seq}|52=20240102-03:04:05.678|`;
}
