/* global document, location */
import { clearErrors, showErrors } from './api.js';
import { signIn } from './session.js';

// Back to the page that sent the person here, if it is one of ours (a path, never another site).
function next() {
  const wanted = new URLSearchParams(location.search).get('next') ?? '';
  return /^\/(staff|audit)\/[A-Za-z0-9/_:.-]*$/.test(wanted) ? wanted : '/staff/';
}

document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('sign-in-form');
  const summary = document.getElementById('error-summary');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    const field = (name) => form.elements.namedItem(name).value.trim();
    try {
      await signIn(field('tenant'), field('email'), form.elements.namedItem('password').value);
      location.assign(next());
    } catch (error) {
      showErrors(form, summary, error, { fallback: 'We could not sign you in. Check your details and try again.' });
    }
  });
});
