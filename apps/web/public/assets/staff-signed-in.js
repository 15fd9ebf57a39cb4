/* global document, location */
import { collectCouncilSession } from './session.js';

// After a council sign-in: the server hands this tab its session once, then the person goes on.
document.addEventListener('DOMContentLoaded', async () => {
  try {
    await collectCouncilSession();
    location.replace('/staff/');
  } catch {
    location.replace('/staff/sign-in?council=expired');
  }
});
