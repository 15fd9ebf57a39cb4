// Issue 5's speed figures are measured by `npm run bench:insight`, never by timed assertions here. This
// names the one target the benchmark does not yet show, so the gap stays visible in every test run.
describe('insight speed targets (bench:insight)', () => {
  it.skip(
    'GAP: rebuilds every read model from 1,000,000 events at 0.3x a raw ordered scan or better ' +
      '(measured 0.046x: 7,751 events/s against 167,275/s, up from 0.018x once the lanes shared one read of the log; ' +
      'influence p99 2.2 ms and time travel p99 2.0 ms are met)',
    () => undefined,
  );
});
