/** The lock after `failures` failed sign-ins in a row: none before `after`, then doubling, capped. */
export function lockSeconds(failures: number, policy: { after: number; seconds: number; maxSeconds: number }): number {
  if (failures < policy.after) return 0;
  const doublings = Math.min(failures - policy.after, 30);
  return Math.min(policy.seconds * 2 ** doublings, policy.maxSeconds);
}
