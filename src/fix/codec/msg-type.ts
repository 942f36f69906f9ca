// MsgType (35) as a number: its bytes packed little-endian, one byte per 256 step, so "D" is 68 and
// "AE" is 0x45_41. Comparing and switching on a number costs nothing and needs no string per
// message. Six bytes still fit in a safe integer; FIX message types are one to three characters.

/** What packMsgType gives for a value it cannot pack (empty, longer than 6 bytes, or not ASCII). */
export const INVALID_MSG_TYPE = -1;

const MAX_PACKED_BYTES = 6;

/** Packs `len` bytes of `buf` starting at `offset`. */
export function packMsgTypeBytes(buf: Uint8Array, offset: number, len: number): number {
  if (len <= 0 || len > MAX_PACKED_BYTES) return INVALID_MSG_TYPE;
  let packed = 0;
  let scale = 1;
  for (let i = 0; i < len; i++) {
    const b = buf[offset + i] as number;
    if (b <= 0x20 || b >= 0x7f) return INVALID_MSG_TYPE;
    packed += b * scale;
    scale *= 256;
  }
  return packed;
}

/** Packs a MsgType given as text ("D", "AE"). */
export function packMsgType(text: string): number {
  if (text.length === 0 || text.length > MAX_PACKED_BYTES) return INVALID_MSG_TYPE;
  let packed = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return INVALID_MSG_TYPE;
    packed += c * scale;
    scale *= 256;
  }
  return packed;
}

/** The text of a packed MsgType; for logs and tests, not for the hot path. */
export function unpackMsgType(packed: number): string {
  let text = '';
  let rest = packed;
  while (rest > 0) {
    text += String.fromCharCode(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return text;
}

/** Bytes a packed MsgType occupies on the wire. */
export function packedMsgTypeLength(packed: number): number {
  let len = 0;
  for (let rest = packed; rest > 0; rest = Math.floor(rest / 256)) len++;
  return len;
}
