// Moved to the projection machinery, where every context's query handlers find it.
export { decodeRow, liveTables, optionalText, tableOf } from '#event-store';
