// Where a young person's view stands for the board: the one status vocabulary other contexts read a
// view in (insight's and the audit's routes, now and "as at").
export { VIEW_STANDINGS, type ViewStanding } from '../domain/index.js';
