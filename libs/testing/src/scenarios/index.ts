// A realistic year of a board across both contexts, for read-model tests, benchmarks and the demo seed.
export * from './board-year.scenario.js';
export * from './board-year.facts.js';
export * from './many-board-years.js';
