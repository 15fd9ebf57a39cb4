// The benches' settings from the environment: a number, or a list of them, checked before anything runs.

/** An integer of at least `least` (default 1) from `name`, or `fallback` when unset. */
export function positiveInt(name: string, fallback: number, least = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < least) {
    throw new Error(`${name} must be an integer of at least ${least}, got ${raw}`);
  }
  return value;
}

/** A comma-separated list of positive integers from `name`, or `fallback` when unset. */
export function intList(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0)) {
    throw new Error(`${name} must be a comma-separated list of positive integers, got ${raw}`);
  }
  return values;
}
