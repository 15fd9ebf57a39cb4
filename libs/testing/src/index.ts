export * from './demo/demo-board.js';
