// GENERATED — do not edit; run npm run gen:dictionaries
// Source: fix-dictionaries/venue-rules.json (checked against FIX44.xml, FIXT11.xml, FIX50SP2.xml)
import type { VenueRulesSource } from '../../codec/dictionary-source';

export const VENUE_RULES: VenueRulesSource = {
  venue: 'fixgate',
  beginStrings: ['FIX.4.4', 'FIXT.1.1'],
  defaultApplVerIds: ['9'],
  sessionMessages: ['0', '1', '2', '3', '4', '5', 'A'],
  inbound: [
    ['D', 'NewOrderSingle', [11, 55, 54, 60, 38, 40], [1, 44, 99, 59, 126, 18, 110, 111, 58, 453, 448, 447, 452]],
    ['F', 'OrderCancelRequest', [41, 11, 55, 54, 60], [37, 1, 38, 58, 453, 448, 447, 452]],
    ['G', 'OrderCancelReplaceRequest', [41, 11, 55, 54, 60, 38, 40], [37, 1, 44, 99, 59, 126, 18, 110, 111, 58, 453, 448, 447, 452]],
    ['H', 'OrderStatusRequest', [11, 55, 54], [37, 790, 1, 453, 448, 447, 452]],
    ['q', 'OrderMassCancelRequest', [11, 530, 60], [55, 54, 58]],
    ['AF', 'OrderMassStatusRequest', [584, 585], [55, 54, 1, 453, 448, 447, 452]],
  ],
  outbound: ['8', '9', 'r', 'j'],
  values: [
    [54, ['1', '2']],
    [40, ['1', '2', '3', '4']],
    [59, ['0', '1', '3', '4', '6']],
    [18, ['6']],
    [530, ['1', '7']],
    [585, ['1', '7']],
  ],
};
