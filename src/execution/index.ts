// The execution layer: order state per ClOrdID chain, matcher events → ExecutionReport and
// OrderCancelReject content, their FIX encoding, status answers and drop copies.
export type { OrderLookup, OrderView } from './order-view';
export { OrderStore, OrderRecord, MassCancelOrigin } from './order-state';
export type { NewOrderRequest, CancelRequest, ReplaceRequest, MassCancelRequest, PendingRequest } from './order-state';
export { ExecutionEngine, orderReport } from './execution-engine';
export { StatusReporter, type StatusRequest } from './status-reports';
export { checkChangeRequest, type ChangeRequest, type ChangeCheck } from './cancel-checks';
export { dropCopies, type DropCopy } from './drop-copy';
export { writeExecutionReport, writeOrderCancelReject, type InstrumentUnits } from './report-writer';
export { REJECT_REASONS, CANCEL_TEXTS, rejectMapping, cancelText } from './reason-catalogue';
export { AVG_PX_EXTRA_DECIMALS, averagePrice, bigDecimalText, divideHalfEven } from './avg-px';
export { execIdOf, statusExecIdOf } from './exec-id';
export * from './fix-values';
export type { ExecutionReport, OrderCancelReject, Outbound } from './reports';
