// Settings and randomness for the fault tests: every count can be changed from the environment, and
// every random choice comes from one seeded generator whose seed is printed (FAULT_SEED replays a run).
import { randomInt } from 'node:crypto';

/** A whole number from the environment, or the fallback; a bad value stops the test with its name. */
export function envInt(name: string, fallback: number, range: { min?: number; max?: number } = {}): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

/** FAULT_SEED when set, else a fresh one; printed, so a failing run can be replayed. */
export function faultSeed(test: string): number {
  const seed = envInt('FAULT_SEED', randomInt(1, 2 ** 31 - 1), { min: 0, max: 2 ** 32 - 1 });
  console.log(`${test}: FAULT_SEED=${seed} (set it to replay this run)`);
  return seed;
}

/** mulberry32: small, fast and good enough to choose moments and mixes; the same seed, the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Milliseconds since `start`, rounded. */
export const since = (start: number): number => Math.round(performance.now() - start);
