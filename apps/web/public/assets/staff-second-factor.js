/* global document, location */
import { clearErrors, showErrors, submission } from './api.js';
import { confirmSecondFactor, currentSession } from './session.js';

document.addEventListener('DOMContentLoaded', async () => {
  const session = currentSession();
  if (!session) {
    location.assign('/staff/sign-in');
    return;
  }
  const form = document.getElementById('confirm-form');
  const summary = document.getElementById('error-summary');
  try {
    const setUp = await submission({ auth: true }).post('/api/auth/second-factor', {});
    const image = document.createElement('img');
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setUp.qrCodeSvg)}`;
    image.alt = 'QR code to scan with your authenticator app';
    image.width = 220;
    image.height = 220;
    document.getElementById('qr-code').replaceChildren(image);
    document.getElementById('secret').textContent = setUp.secret.replace(/(.{4})/g, '$1 ').trim();
  } catch (error) {
    showErrors(form, summary, error, { fallback: 'We could not start setting up. Sign in again and retry.' });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form, summary);
    try {
      await confirmSecondFactor(form.elements.namedItem('code').value.trim());
      location.assign('/staff/');
    } catch (error) {
      showErrors(form, summary, error, {
        messages: { code: 'Enter the 6 digits your authenticator app shows now' },
        fallback: 'That code is not right. Enter the 6 digits the app shows now.',
      });
    }
  });
});
