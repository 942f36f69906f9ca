// FIX field types reduced to what the codec treats differently: how a value is framed (DATA by its
// length field), how a group is recognised (NUMINGROUP) and how a value's format is checked.
// Stored per tag in a Uint8Array, so 0 means "no such field in the dictionary".

export const FieldType = {
  Undefined: 0,
  String: 1,
  Char: 2,
  Int: 3,
  /** LENGTH: a non-negative int; for a DATA field, its byte count. */
  Length: 4,
  NumInGroup: 5,
  SeqNum: 6,
  TagNum: 7,
  DayOfMonth: 8,
  /** FLOAT, PRICE, QTY, AMT, PERCENTAGE, PRICEOFFSET: exact decimals. */
  Decimal: 9,
  Boolean: 10,
  UtcTimestamp: 11,
  UtcTimeOnly: 12,
  /** UTCDATEONLY and LOCALMKTDATE: YYYYMMDD. */
  DateOnly: 13,
  MonthYear: 14,
  /** DATA and XMLDATA: read by the byte count of their LENGTH field, may hold SOH. */
  Data: 15,
  /** MULTIPLECHARVALUE: single characters separated by spaces. */
  MultipleChar: 16,
  /** MULTIPLEVALUESTRING / MULTIPLESTRINGVALUE: strings separated by spaces. */
  MultipleString: 17,
} as const;
export type FieldType = (typeof FieldType)[keyof typeof FieldType];

const BY_NAME: Readonly<Record<string, FieldType>> = {
  STRING: FieldType.String,
  CURRENCY: FieldType.String,
  EXCHANGE: FieldType.String,
  COUNTRY: FieldType.String,
  LANGUAGE: FieldType.String,
  XID: FieldType.String,
  XIDREF: FieldType.String,
  // time zones make these free-form enough that only non-emptiness is checked
  LOCALMKTTIME: FieldType.String,
  TZTIMEONLY: FieldType.String,
  TZTIMESTAMP: FieldType.String,
  CHAR: FieldType.Char,
  INT: FieldType.Int,
  LENGTH: FieldType.Length,
  NUMINGROUP: FieldType.NumInGroup,
  SEQNUM: FieldType.SeqNum,
  TAGNUM: FieldType.TagNum,
  DAYOFMONTH: FieldType.DayOfMonth,
  FLOAT: FieldType.Decimal,
  PRICE: FieldType.Decimal,
  QTY: FieldType.Decimal,
  AMT: FieldType.Decimal,
  PERCENTAGE: FieldType.Decimal,
  PRICEOFFSET: FieldType.Decimal,
  BOOLEAN: FieldType.Boolean,
  UTCTIMESTAMP: FieldType.UtcTimestamp,
  UTCTIMEONLY: FieldType.UtcTimeOnly,
  UTCDATEONLY: FieldType.DateOnly,
  LOCALMKTDATE: FieldType.DateOnly,
  MONTHYEAR: FieldType.MonthYear,
  DATA: FieldType.Data,
  XMLDATA: FieldType.Data,
  MULTIPLECHARVALUE: FieldType.MultipleChar,
  MULTIPLEVALUESTRING: FieldType.MultipleString,
  MULTIPLESTRINGVALUE: FieldType.MultipleString,
};

/** The codec's type for a dictionary type name. Throws on a name it does not know: that is a
 * dictionary the codec was never checked against, found when the tables load at start-up. */
export function fieldTypeOf(typeName: string): FieldType {
  const type = BY_NAME[typeName];
  if (type === undefined) throw new Error(`unknown FIX field type ${typeName}`);
  return type;
}
