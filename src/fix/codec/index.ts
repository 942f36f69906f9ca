// The FIX codec: framing, decoding into flyweight views, encoding into reusable buffers, exact
// decimals, UTCTimestamps, dictionary tables and the validation the session layer answers with.
export { SOH } from './ascii';
export { FixDecimal, DecimalStatus, Ticks, parseDecimal, writeDecimal, decimalToString, toTicks, fromTicks, normalizeDecimal, compareDecimals } from './decimal';
export { FixDecoder, DecodeStatus } from './decoder';
export { buildDictionary, FixDictionary, FieldDef, GroupSpec, MemberSet, MessageSpec } from './dictionary';
export { dictionaryFor, fix44Dictionary, fixt11Dictionary, FIX50SP2_APPL_VER_ID } from './dictionaries';
export type { DictionarySource, VenueRulesSource } from './dictionary-source';
export { FixEncoder } from './encoder';
export { FieldType } from './field-type';
export { readInt, readUnsigned, readChar, readBoolean, bytesEqual, textEqual } from './field-values';
export { FixMessage } from './fix-message';
export { FrameReader } from './frame-reader';
export { Framer, FrameStatus, GarbledReason } from './framer';
export { checksum, ChecksumCalculator } from './checksum';
export { packMsgType, packMsgTypeBytes, unpackMsgType, INVALID_MSG_TYPE } from './msg-type';
export { SessionRejectReason, RejectDetail, NO_REJECT } from './session-reject-reason';
export { FixTimestamp, TimestampPrecision, TimestampStatus, parseUtcTimestamp, writeUtcTimestamp, UtcTimestampWriter } from './timestamp';
export { MessageValidator, isUserDefinedTag, type ValidationOptions } from './validator';
export { VenueRules, VenueVerdict, VenueMessageRules } from './venue-rules';
export { Tag, MsgType, MsgTypeText } from '../dictionary/generated';
