/**
 * A decision's short reference for staff pages, e.g. "D-0042": its place in the order decisions were
 * recorded on this board (numbered by each read model that shows it, from DecisionRecorded in log order).
 */
export const decisionReference = (recorded: number): string => `D-${String(recorded).padStart(4, '0')}`;
