// Issue 5's speed figures are measured by `npm run bench:insight`, never by timed assertions here. This
// names the one target the benchmark does not yet show, so the gap stays visible in every test run.
describe('insight speed targets (bench:insight)', () => {
  it.skip(
    'GAP: rebuilds every read model from 1,000,000 events at 0.3x a raw ordered scan or better ' +
      '(measured 0.048x: 6,169 events/s against 128,443/s. The floor, the sealed log read once plus every final row ' +
      'inserted once raw, is itself only 0.25x, so the target cannot be met as written; ' +
      'influence p99 0.74 ms and time travel p99 3.9 ms are met)',
    () => undefined,
  );
});
