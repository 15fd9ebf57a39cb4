/* global document, location */
// The auditor's home: the log's integrity (checked on demand), the signed export bundle (fetched with
// the token and saved through a Blob link, so the token never goes in a URL), the public key, and ways
// into the decisions register and a decision's or meeting's history.
import { ApiError, apiGet, clearErrors, downloadWithToken, showErrors } from './api.js';
import { element, formatDateTime, showNotForRole } from './page.js';
import { requireSession } from './session.js';

function fact(list, term, value, className) {
  const group = element('div');
  const dd = element('dd', className, value);
  group.append(element('dt', null, term), dd);
  list.append(group);
}

async function checkIntegrity(button) {
  const box = document.getElementById('integrity-result');
  button.disabled = true;
  box.replaceChildren(element('p', null, 'Checking…'));
  try {
    const report = await apiGet('/api/audit/integrity', { auth: true });
    const verdict = element(
      'p',
      'verdict',
      report.ok ? 'Verified: the event log is unbroken.' : 'Not verified: the event log has a break.',
    );
    verdict.prepend(element('span', `tag ${report.ok ? 'tag-ok' : 'tag-overdue'}`, report.ok ? 'OK' : 'Broken'), ' ');
    const facts = element('dl', 'facts');
    fact(facts, 'Events checked', String(report.eventsChecked));
    fact(facts, 'Head position', report.headPosition ?? 'empty log', 'ids');
    fact(facts, 'Head hash', report.headHash, 'ids');
    if (report.checkedAt) fact(facts, 'Checked', formatDateTime(report.checkedAt, { seconds: true }));
    if (report.firstBreak) {
      fact(facts, 'First break at', report.firstBreak.position, 'ids');
      fact(facts, 'Why', report.firstBreak.reason);
    }
    box.replaceChildren(verdict, facts);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) showNotForRole();
    else box.replaceChildren(element('p', null, 'We could not check the log. Try again.'));
  } finally {
    button.disabled = false;
  }
}

async function saveBundle(button) {
  const status = document.getElementById('export-status');
  button.disabled = true;
  status.textContent = 'Preparing the bundle…';
  try {
    status.textContent = `Saved ${await downloadWithToken('/api/audit/export', 'audit-bundle.jsonl')}.`;
  } catch {
    status.textContent = 'We could not prepare the bundle. Try again.';
  } finally {
    button.disabled = false;
  }
}

async function showKey() {
  const facts = document.getElementById('key-facts');
  try {
    const key = await apiGet('/api/audit/public-key');
    fact(facts, 'Algorithm', key.algorithm);
    fact(facts, 'Key id', key.keyId, 'ids');
    document.getElementById('key-pem').textContent = key.publicKeyPem;
  } catch {
    fact(facts, 'Public key', 'We could not load it. Try again later.');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  requireSession();
  const again = document.getElementById('check-again');
  again.addEventListener('click', () => checkIntegrity(again));
  const bundle = document.getElementById('download-bundle');
  bundle.addEventListener('click', () => saveBundle(bundle));

  const form = document.getElementById('open-form');
  const summary = document.getElementById('error-summary');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const id = form.elements.id.value.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(id)) {
      showErrors(form, summary, new ApiError(400, { errors: [{ field: 'id' }] }), {
        messages: { id: 'Enter the id: letters, numbers and hyphens only' },
      });
      return;
    }
    location.assign(`/audit/${form.elements.kind.value}s/${encodeURIComponent(id)}`);
  });

  checkIntegrity(again);
  showKey();
});
