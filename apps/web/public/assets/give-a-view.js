/* global document */
import { apiGet, ApiError, clearErrors, saveAs, showErrors, submission } from './api.js';
import { boardFromPath, boardName, element, reveal } from './page.js';

const MAX = 5000;
const board = boardFromPath();
const form = document.getElementById('view-form');
const summary = document.getElementById('error-summary');
const text = document.getElementById('text');
const count = document.getElementById('text-count');
const countLive = document.getElementById('text-count-live');
const send = submission();
// The receipt code lives only in this variable (never in a URL or in storage) until the page closes.
let receiptCode = null;

document.title = `Tell the ${boardName(board)} board what you think`;

// The count updates as you type; screen readers hear it only after a pause, politely.
let announce;
function updateCount() {
  const left = MAX - text.value.length;
  const words =
    left >= 0
      ? `You have ${left.toLocaleString('en-GB')} characters left.`
      : `You have ${(-left).toLocaleString('en-GB')} characters too many.`;
  count.textContent = words;
  clearTimeout(announce);
  announce = setTimeout(() => (countLive.textContent = words), 1000);
}
text.addEventListener('input', updateCount);

async function loadCalls() {
  try {
    const calls = await apiGet(`/api/public/boards/${board}/calls`);
    if (!Array.isArray(calls) || calls.length === 0) return;
    const choices = document.getElementById('about-choices');
    calls.forEach((call, index) => {
      const choice = element('div', 'choice');
      const input = element('input');
      input.type = 'radio';
      input.name = 'about';
      input.id = `about-call-${index}`;
      input.value = call.callId;
      const label = element('label', undefined, call.question);
      label.htmlFor = input.id;
      choice.append(input, label);
      choices.append(choice);
    });
    document.getElementById('about-group').hidden = false;
  } catch {
    // No list of questions: the young person can still say anything.
  }
}

function readForm() {
  const data = new FormData(form);
  const body = { text: data.get('text'), sharing: data.get('sharing') || 'summary-only' };
  const themes = data.getAll('themes');
  if (themes.length) body.themes = themes;
  const about = data.get('about');
  if (about) body.target = { kind: 'call', callId: about };
  if (data.get('ageBand')) body.ageBand = data.get('ageBand');
  if (data.get('careStatus')) body.careStatus = data.get('careStatus');
  if (data.get('inviteCode')) body.inviteCode = String(data.get('inviteCode')).trim();
  return body;
}

const MESSAGES = {
  text: 'Write your view before you send it. It can be up to 5,000 characters.',
  inviteCode: 'Check your invite code. Ask your worker if it does not work.',
};

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form, summary);
  const button = document.getElementById('send');
  button.disabled = true;
  try {
    const answer = await send.post(`/api/public/boards/${board}/views`, readForm());
    showReceipt(answer);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      // The board asks for an invite code: show the field, kindly.
      const group = document.getElementById('invite-group');
      group.hidden = false;
      showErrors(form, summary, new ApiError(400, { errors: [{ field: 'inviteCode' }] }), {
        messages: {
          inviteCode: 'This board asks for an invite code. Please type the code your worker gave you.',
        },
      });
    } else if (error instanceof ApiError && error.status === 404) {
      showErrors(form, summary, error, { fallback: 'We could not find this board. Check the link you were given.' });
    } else if (error instanceof ApiError && error.status === 429) {
      showErrors(form, summary, error, {
        fallback: 'Lots of views were sent from here just now. Please wait a few minutes and try again.',
      });
    } else {
      showErrors(form, summary, error, { messages: MESSAGES });
    }
  } finally {
    button.disabled = false;
  }
});

function showReceipt(answer) {
  receiptCode = answer.receiptCode;
  const code = document.getElementById('receipt-code');
  code.replaceChildren(...receiptCode.split('-').map((group) => element('span', undefined, group)));
  code.setAttribute('aria-label', `Receipt code: ${receiptCode.split('').join(' ')}`);
  document.getElementById('what-next').textContent = answer.whatHappensNext;
  form.reset();
  document.getElementById('compose').hidden = true;
  document.title = `Your view has been sent`;
  reveal(document.getElementById('sent'));
}

const status = document.getElementById('code-status');

document.getElementById('copy-code').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(receiptCode);
    status.textContent = 'Your code is copied. Paste it somewhere safe, like a note on your phone.';
  } catch {
    status.textContent = 'We could not copy it. Please write your code down.';
  }
});

document.getElementById('save-code').addEventListener('click', () => {
  const words = `Your receipt code: ${receiptCode}\n\nUse it to check your view at ${document.location.origin}/check\nKeep it safe. Do not share it.\n`;
  saveAs(new Blob([words], { type: 'text/plain' }), 'my-receipt-code.txt');
  status.textContent = 'Your code is saved as a file called my-receipt-code.txt.';
});

if (board) loadCalls();
updateCount();
count.textContent = 'You can write up to 5,000 characters.';
