/* global document, location */
import { ApiError, clearErrors, showErrors } from './api.js';
import { signIn, startCouncilSignIn } from './session.js';

// Back to the page that sent the person here, if it is one of ours (a path, never another site).
function next() {
  const wanted = new URLSearchParams(location.search).get('next') ?? '';
  return /^\/(staff|audit)\/[A-Za-z0-9/_:.-]*$/.test(wanted) ? wanted : '/staff/';
}

// Why a council sign-in came back here (the code is all the URL carries).
const COUNCIL_MESSAGES = {
  'no-role': 'Your council account has no role on this board. Ask the board’s admin to give you one.',
  refused: 'The council sign-in did not work for this board. Try again, or ask the board’s admin.',
  expired: 'The council sign-in took too long or was started in another window. Please try again.',
  unavailable: 'We could not reach your council’s sign-in just now. Try again shortly, or use your password.',
};

function showCouncilMessage() {
  const code = new URLSearchParams(location.search).get('council');
  const words = code && Object.hasOwn(COUNCIL_MESSAGES, code) ? COUNCIL_MESSAGES[code] : null;
  if (!words) return;
  const box = document.getElementById('council-message');
  const heading = document.createElement('h2');
  heading.textContent = 'There is a problem';
  const text = document.createElement('p');
  text.textContent = words;
  box.replaceChildren(heading, text);
  box.hidden = false;
  box.focus();
}

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('sign-in-form');
  const summary = document.getElementById('error-summary');
  const codeGroup = document.getElementById('code-group');
  const field = (name) => form.elements.namedItem(name).value.trim();
  showCouncilMessage();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      const session = await signIn(
        field('tenant'),
        field('email'),
        form.elements.namedItem('password').value,
        codeGroup.hidden ? undefined : field('code'),
      );
      location.assign(session.secondFactor === 'set-up' ? '/staff/second-factor' : next());
    } catch (error) {
      // The password was right and the account has a second factor: ask for the code, keep the rest.
      if (error instanceof ApiError && error.problem.type === '/problems/second-factor-required' && codeGroup.hidden) {
        codeGroup.hidden = false;
        document.getElementById('code').focus();
        return;
      }
      showErrors(form, summary, error, {
        messages: { code: 'Enter the 6 digits your authenticator app shows now' },
        fallback: 'We could not sign you in. Check your details and try again.',
      });
    }
  });

  document.getElementById('council-sign-in').addEventListener('click', async () => {
    clearErrors(form, summary);
    const tenant = field('tenant');
    if (!tenant) {
      showErrors(form, summary, new ApiError(400, { errors: [{ field: 'tenant' }] }), {
        messages: { tenant: 'Enter your board’s short name first, for example northshire' },
      });
      return;
    }
    try {
      await startCouncilSignIn(tenant);
    } catch (error) {
      showErrors(form, summary, error, {
        fallback:
          error instanceof ApiError && error.status === 404
            ? 'This board does not use council accounts. Sign in with your email and password.'
            : 'We could not start the council sign-in. Check the board’s short name and try again.',
      });
    }
  });
});
