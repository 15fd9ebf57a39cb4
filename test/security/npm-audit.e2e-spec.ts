// Issue 7: `npm audit` with 0 high or critical advisories, checked in CI. The advisory service is part
// of the public npm registry; where it cannot be reached (this project's own machines reach only a
// mirror that answers 405), the check is skipped under a name that says so, rather than passed.
import { spawnSync } from 'node:child_process';

interface AuditReport {
  readonly metadata?: { readonly vulnerabilities?: Record<string, number> };
  readonly message?: string;
}

function audit(): { report?: AuditReport; unreachable?: string } {
  const run = spawnSync('npm', ['audit', '--json'], { encoding: 'utf8', timeout: 120_000 });
  try {
    const report = JSON.parse(run.stdout) as AuditReport;
    if (report.metadata?.vulnerabilities) return { report };
    return { unreachable: report.message ?? 'no report' };
  } catch {
    return { unreachable: (run.stderr || run.error?.message || 'no answer').split('\n')[0] };
  }
}

const result = audit();
const counts = result.report?.metadata?.vulnerabilities ?? {};

describe('security: npm audit', () => {
  const check = result.report ? it : it.skip;
  check(
    result.report
      ? 'finds 0 high and 0 critical advisories in the dependency tree'
      : `GAP: npm audit could not be run here (the advisory endpoint answered: ${result.unreachable}); CI with the public registry runs it`,
    () => {
      console.log(`npm audit: ${JSON.stringify(counts)}`);
      expect({ high: counts.high ?? 0, critical: counts.critical ?? 0 }).toEqual({ high: 0, critical: 0 });
    },
  );
});
