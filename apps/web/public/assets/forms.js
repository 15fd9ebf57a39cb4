// Every form on these pages posts, and its send button starts disabled: without JavaScript nothing can
// be sent, and nothing typed (a child's words, a receipt code, a password) can end up in an address.
// Imported by the shared modules, so the buttons come alive only once a page's own script has loaded.
// (Node loads page.js in unit tests: there is no document there.)
for (const button of globalThis.document?.querySelectorAll('button[data-needs-js]') ?? []) button.disabled = false;
