// How far the api's projections are, from GET /api/health, for the benches that start the api and must
// know when its read side has caught up (bench:load, bench:growth).

export interface ProjectionState {
  /** Every projection has caught up with the log at least once and has nothing left to read. */
  readonly caughtUp: boolean;
  readonly parked: number;
  /** The largest lag of any projection, in events. */
  readonly lag: number;
}

interface Health {
  details?: { projections?: Record<string, { lag?: number; caughtUp?: boolean; parked?: number } | string> };
}

/** The projections' state, whatever the answer's status (503 while they are far behind); none unreadable. */
export async function projectionState(baseUrl: string): Promise<ProjectionState | undefined> {
  const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  const health = (await response?.json().catch(() => undefined)) as Health | undefined;
  const projections = Object.values(health?.details?.projections ?? {}).filter((p) => typeof p === 'object');
  if (projections.length === 0) return undefined;
  const lag = projections.reduce((n, p) => Math.max(n, p.lag ?? 0), 0);
  return {
    caughtUp: lag === 0 && projections.every((p) => p.caughtUp === true),
    parked: projections.reduce((n, p) => n + (p.parked ?? 0), 0),
    lag,
  };
}

/** Seconds until every projection has caught up, or null when `timeoutMs` passes first. */
export async function waitForProjections(baseUrl: string, timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await projectionState(baseUrl))?.caughtUp) return Math.round((Date.now() - started) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return null;
}
