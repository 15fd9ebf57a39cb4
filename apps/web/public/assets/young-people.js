/* global document */
// The young people's server-rendered pages work without this file. It starts govuk-frontend's
// components (error summary focus, character count, exit this page) and adds what HTML cannot do:
// buttons that copy the receipt code or save it as a small text file. The code is read from the page,
// never stored or sent anywhere.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

initAll();

const holder = document.getElementById('copy-code');
if (holder) {
  const { code } = holder.dataset;
  const status = document.getElementById('code-status');
  const button = (id, words, action) => {
    const element = document.createElement('button');
    element.type = 'button';
    element.className = 'govuk-button govuk-button--secondary';
    element.id = id;
    element.textContent = words;
    element.addEventListener('click', action);
    return element;
  };
  const copy = button('copy-code-button', holder.dataset.button, async () => {
    try {
      await navigator.clipboard.writeText(code);
      status.textContent = holder.dataset.copied;
    } catch {
      status.textContent = holder.dataset.failed;
    }
  });
  const save = button('save-code-button', holder.dataset.save, () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([`${holder.dataset.fileText}\n\n${code}\n`], { type: 'text/plain' }));
    link.download = 'my-receipt-code.txt';
    link.click();
    URL.revokeObjectURL(link.href);
    status.textContent = holder.dataset.saved;
  });
  const group = document.createElement('div');
  group.className = 'govuk-button-group';
  group.append(copy, save);
  holder.append(group);
}
