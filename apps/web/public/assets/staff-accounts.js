/* global document */
// The board's staff accounts, for its admins: disable an account (refused from its next request) or
// enable it again, and change its roles. Each change is an event in the board's log. The API refuses
// disabling yourself and leaving the board without an active admin (422, shown as it words it).
import { ApiError, apiGet, clearErrors, notify, showErrors, showLoadFailure, submission } from './api.js';
import { element } from './page.js';
import { requireSession } from './session.js';

const ROLES = {
  admin: 'Admin: accounts and settings',
  clerk: 'Clerk',
  chair: 'Chair',
  member: 'Board member',
  officer: 'Officer',
  moderator: 'Moderator',
  'safeguarding-lead': 'Safeguarding lead',
  auditor: 'Auditor',
};

let session;

function errorBox(id) {
  const summary = element('div', 'error-summary');
  summary.id = id;
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  summary.hidden = true;
  return summary;
}

function statusForm(account, index) {
  const form = element('form');
  form.noValidate = true;
  const summary = errorBox(`a${index}-status-errors`);
  const disabling = !account.disabled;
  const button = element(
    'button',
    `button ${disabling ? 'warning' : 'secondary'}`,
    disabling ? 'Disable this account' : 'Enable this account again',
  );
  button.type = 'submit';
  if (account.accountId === session.userId) {
    button.disabled = true;
    form.append(summary, button, element('p', 'hint', 'You cannot disable your own account.'));
  } else {
    form.append(summary, button);
  }
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      const path = `/api/staff/accounts/${encodeURIComponent(account.accountId)}/status`;
      await send.post(path, { status: disabling ? 'disabled' : 'active' }, 'PUT');
      await load();
      notify(
        disabling
          ? `${account.displayName}’s account is disabled. They are signed out at their next request.`
          : `${account.displayName}’s account is enabled again.`,
      );
    } catch (error) {
      showErrors(form, summary, error, { fallback: problemWords(error) });
    }
  });
  return form;
}

function rolesForm(account, index) {
  const form = element('form');
  form.noValidate = true;
  const summary = errorBox(`a${index}-roles-errors`);
  const fieldset = element('fieldset');
  fieldset.append(element('legend', null, 'Roles'));
  const choices = element('div', 'choices');
  for (const [role, words] of Object.entries(ROLES)) {
    const choice = element('div', 'choice');
    const input = element('input');
    input.type = 'checkbox';
    input.name = 'roles';
    input.value = role;
    input.id = `a${index}-role-${role}`;
    input.checked = account.roles.includes(role);
    const label = element('label', null, words);
    label.htmlFor = input.id;
    choice.append(input, label);
    choices.append(choice);
  }
  fieldset.append(choices);
  const group = element('div', 'form-group');
  group.append(fieldset);
  const button = element('button', 'button secondary', 'Save roles');
  button.type = 'submit';
  form.append(summary, group, button);
  const send = submission({ auth: true });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const roles = [...form.querySelectorAll('input[name="roles"]:checked')].map((input) => input.value);
    try {
      const path = `/api/staff/accounts/${encodeURIComponent(account.accountId)}/roles`;
      const answer = await send.post(path, { roles }, 'PUT');
      await load();
      notify(
        answer.changed
          ? `${account.displayName}’s roles are now: ${answer.account.roles.map((r) => ROLES[r] ?? r).join(', ')}.`
          : `${account.displayName}’s roles were already so. Nothing changed.`,
      );
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { roles: 'Choose at least one role' },
        fallback: problemWords(error),
      });
    }
  });
  return form;
}

function problemWords(error) {
  if (error instanceof ApiError && error.status === 403) return 'Only the board’s admins can change accounts.';
  if (error instanceof ApiError && error.problem.detail) return error.problem.detail;
  return 'We could not save the change. Try again.';
}

function accountCard(account, index) {
  const card = element('section', 'entry');
  const title = element('h2', null, account.displayName);
  title.id = `a${index}-title`;
  card.setAttribute('aria-labelledby', title.id);
  card.append(title);
  const facts = element('ul');
  facts.append(element('li', null, `E-mail: ${account.email}`));
  facts.append(element('li', null, `Roles: ${account.roles.map((r) => ROLES[r] ?? r).join(', ')}`));
  const standing = element('li', null, 'Can sign in: ');
  standing.append(
    element('span', `tag ${account.disabled ? 'tag-overdue' : 'tag-ok'}`, account.disabled ? 'Disabled' : 'Active'),
  );
  facts.append(standing);
  facts.append(element('li', null, `Second factor: ${account.secondFactor ? 'set up' : 'not set up'}`));
  if (account.councilSignIn) facts.append(element('li', null, 'Signs in through the council'));
  // Roles behind a fold: a board has many accounts, and most visits change one thing.
  const fold = element('details');
  fold.append(element('summary', null, `Change ${account.displayName}’s roles`), rolesForm(account, index));
  card.append(facts, statusForm(account, index), fold);
  return card;
}

async function load() {
  const accounts = await apiGet('/api/staff/accounts', { auth: true });
  document.getElementById('count').textContent = accounts.length === 1 ? '1 account.' : `${accounts.length} accounts.`;
  document.getElementById('accounts').replaceChildren(...accounts.map(accountCard));
}

document.addEventListener('DOMContentLoaded', () => {
  session = requireSession();
  load().catch((error) =>
    showLoadFailure(error, {
      failed: 'We could not load the accounts. Try again.',
    }),
  );
});
