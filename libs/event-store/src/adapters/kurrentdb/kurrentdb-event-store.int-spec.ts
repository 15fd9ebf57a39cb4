// The conformance suite against a real KurrentDB, wherever KURRENTDB_URL names one
// (docker/kurrentdb/README.md). Every test writes under its own stream prefix, so a shared server
// is fine and nothing is deleted afterwards.
import { describeEventStoreConformance } from '../../conformance/event-store.conformance.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';

const url = process.env.KURRENTDB_URL;

if (url) {
  describeEventStoreConformance('kurrentdb', async () => {
    const store = await KurrentDbEventStore.connect({ connectionString: url });
    return { store, dispose: () => store.close() };
  });
} else {
  it.skip('KurrentDB conformance: set KURRENTDB_URL to run against a server (none can run on this machine)', () => {});
}
