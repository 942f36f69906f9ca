// The dictionaries fixgate speaks, built once from the generated tables on first use.
import { FIX44, FIX50SP2, FIXT11 } from '../dictionary/generated';
import { buildDictionary, type FixDictionary } from './dictionary';

/** ApplVerID (1128/1137) of the application dictionary carried over FIXT.1.1. */
export const FIX50SP2_APPL_VER_ID = '9';

let fix44: FixDictionary | undefined;
let fixt11: FixDictionary | undefined;

/** FIX 4.4: header, trailer, session and application messages in one dictionary. */
export function fix44Dictionary(): FixDictionary {
  fix44 ??= buildDictionary(FIX44);
  return fix44;
}

/** FIXT.1.1 transport with the FIX 5.0SP2 application messages. */
export function fixt11Dictionary(): FixDictionary {
  fixt11 ??= buildDictionary(FIXT11, FIX50SP2);
  return fixt11;
}

/** The dictionary for a BeginString (8), or undefined when fixgate does not speak it. */
export function dictionaryFor(beginString: string): FixDictionary | undefined {
  if (beginString === 'FIX.4.4') return fix44Dictionary();
  if (beginString === 'FIXT.1.1') return fixt11Dictionary();
  return undefined;
}
