// The demo board (`npm start`, DEMO_SEED): a fictional council's board, its staff, and a year of its
// history written through both contexts' deciders. The tests and benchmarks use the same year as their data.
export * from './demo-board.js';
export * from './board-year/board-year.scenario.js';
export * from './board-year/board-year.facts.js';
export * from './board-year/many-board-years.js';
