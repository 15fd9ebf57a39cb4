export default async function teardown(): Promise<void> {
  await globalThis.__CPB_STOP_PG__?.();
}
