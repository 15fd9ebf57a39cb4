// How easy an answer to young people is to read: the estimate its writer sees, and the board's limit.
export * from './reading-age.js';
