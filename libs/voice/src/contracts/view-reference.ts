/**
 * A view's short reference for staff pages, e.g. "V-0123": its place in the order views arrived on
 * this board (numbered by each read model that shows it, from ContributionSubmitted in log order), so
 * it says nothing of the young person or their words. Staff read it in place of a long id.
 */
export const viewReference = (arrival: number): string => `V-${String(arrival).padStart(4, '0')}`;
