// The server-rendered staff pages work without this file. It starts govuk-frontend's components (the
// navigation's menu on a small screen, the error summary's focus), and on signing out forgets the session
// a script page may have kept in this tab, as session.js's own sign out does.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();
globalThis.document
  ?.getElementById('sign-out-form')
  ?.addEventListener('submit', () => sessionStorage.removeItem('cpb.staff-session'));
