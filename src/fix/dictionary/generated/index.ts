// GENERATED — do not edit; run npm run gen:dictionaries

export { FIX44 } from './fix44';
export { FIXT11 } from './fixt11';
export { FIX50SP2 } from './fix50sp2';
export { Tag } from './tags';
export { MsgType, MsgTypeText } from './msg-types';
export { VENUE_RULES } from './venue-rules';
