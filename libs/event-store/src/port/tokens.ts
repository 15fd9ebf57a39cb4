/** Dependency-injection token for the application's EventStore (a plain string: no framework here). */
export const EVENT_STORE = 'cpb:EventStore';
