// Issue 5's speed figures are measured by `npm run bench:insight`, never by timed assertions here. This
// names the one target the benchmark does not yet show, so the gap stays visible in every test run.
describe('insight speed targets (bench:insight)', () => {
  it.skip(
    'GAP: rebuilds every read model from 1,000,000 events at 0.3x a raw ordered scan or better ' +
      '(measured 0.018x: 2,503 events/s against 137,140/s; influence p99 5.8 ms and time travel p99 13.2 ms are met)',
    () => undefined,
  );
});
