/**
 * Resolves on the macrotask queue, after pending timers and I/O callbacks have had their turn.
 * better-sqlite3 answers synchronously, so a loop over the log (a catch-up, a process manager's backlog)
 * would otherwise run as one long chain of microtasks: HTTP requests, timers, even `listen`, would starve
 * until it ends.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
