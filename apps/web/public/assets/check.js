/* global document */
import { ApiError, clearErrors, showErrors, submission } from './api.js';
import { showLoop } from './check-loop.js';
import { element, formatDate, reveal } from './page.js';
import { SHARING_EXPLAINED } from './sharing.js';

// The code is held only in this variable: sent in POST bodies, never in a URL, never stored.
let receiptCode = null;
const summary = document.getElementById('error-summary');
const enter = document.getElementById('enter');
const view = document.getElementById('view');
const done = document.getElementById('done');
const codeForm = document.getElementById('code-form');
const answerForm = document.getElementById('answer-form');
const sharingForm = document.getElementById('sharing-form');
const summaryForm = document.getElementById('summary-form');
const writes = {
  check: submission(),
  answer: submission(),
  sharing: submission(),
  withdraw: submission(),
  summary: submission(),
};

const NOT_FOUND = 'We could not find a view with that code. Check each letter and number and try again.';
const TOO_MANY = 'You have tried a lot of codes. Please wait a few minutes and try again.';

function kindError(form, error, messages) {
  if (error instanceof ApiError && error.status === 404)
    return showErrors(form, summary, error, { fallback: NOT_FOUND });
  if (error instanceof ApiError && error.status === 429)
    return showErrors(form, summary, error, { fallback: TOO_MANY });
  return showErrors(form, summary, error, { messages });
}

async function check() {
  return writes.check.post('/api/public/views/check', { receiptCode });
}

codeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(codeForm, summary);
  const typed = document.getElementById('receiptCode').value.trim();
  if (!typed) {
    showErrors(codeForm, summary, new ApiError(400, { errors: [{ field: 'receiptCode' }] }), {
      messages: { receiptCode: 'Type your receipt code' },
    });
    return;
  }
  receiptCode = typed;
  try {
    const answer = await check();
    codeForm.reset();
    enter.hidden = true;
    show(answer, '');
    reveal(view);
  } catch (error) {
    receiptCode = null;
    kindError(codeForm, error, { receiptCode: NOT_FOUND });
  }
});

function show(answer, message) {
  done.textContent = message;
  done.hidden = !message;
  const journey = document.getElementById('journey');
  journey.replaceChildren(
    ...answer.journey.map((step) => {
      const item = element('li');
      const words = element('strong', undefined, step.words);
      const time = element('time', undefined, formatDate(step.at));
      time.dateTime = step.at;
      item.append(words, time);
      return item;
    }),
  );
  document.getElementById('what-next').textContent = answer.whatHappensNext;
  const withdrawn = answer.status === 'withdrawn';

  document.getElementById('feedback').hidden = !answer.feedback;
  document.getElementById('feedback-text').textContent = answer.feedback ?? '';
  // What you said, what the board reads, what it changed, every answer and who can help now.
  showLoop(answer);
  document.getElementById('question').hidden = !answer.question || withdrawn;
  document.getElementById('question-text').textContent = answer.question ?? '';

  document.getElementById('sharing-section').hidden = withdrawn;
  for (const radio of sharingForm.querySelectorAll('input[name="sharing"]'))
    radio.checked = radio.value === answer.sharing;
  document.getElementById('withdraw-section').hidden = withdrawn;
  showModeration(answer, withdrawn);
  document.getElementById('withdraw-confirm').hidden = true;
  document.getElementById('withdraw-start').hidden = false;
}

const SUMMARY_ANSWERS = {
  agreed: 'You said this summary is right.',
  'change-requested': 'You asked for this summary to be changed. A worker will write it again.',
};

// The summary a worker wrote (to agree with or question) and, for a declined view, why.
function showModeration(answer, withdrawn) {
  const declined = answer.declined;
  document.getElementById('declined').hidden = !declined;
  document.getElementById('declined-reason').textContent = declined?.reasonWords ?? '';
  document.getElementById('declined-note').textContent = declined?.note ?? '';
  const written = answer.summary;
  document.getElementById('summary').hidden = !written || withdrawn;
  if (!written) return;
  document.getElementById('summary-who').textContent = written.boardReadsIt
    ? SHARING_EXPLAINED['summary-only'].board
    : 'A worker wrote this summary of your view. The board reads your words as you chose, not this summary.';
  document.getElementById('summary-text').textContent = written.text;
  document.getElementById('summary-answer').textContent = SUMMARY_ANSWERS[written.yourAnswer] ?? '';
  summaryForm.dataset.version = String(written.version);
}

// After each change, read the journey again and say what changed.
async function act(form, write, path, body, message, messages) {
  clearErrors(form, summary);
  try {
    await write.post(path, { receiptCode, ...body });
    const answer = await check();
    show(answer, message);
    done.setAttribute('tabindex', '-1');
    done.focus();
  } catch (error) {
    kindError(form, error, messages);
  }
}

answerForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.getElementById('answer').value;
  act(answerForm, writes.answer, '/api/public/views/answer', { text }, 'Thank you. Your answer has been sent.', {
    text: 'Write your answer before you send it.',
  }).then(() => {
    if (!summary.hidden) return;
    answerForm.reset();
  });
});

sharingForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const sharing = new FormData(sharingForm).get('sharing');
  act(sharingForm, writes.sharing, '/api/public/views/sharing', { sharing }, 'Your choice has been saved.', {
    sharing: 'Choose who may see your own words.',
  });
});

summaryForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(summaryForm);
  const response = data.get('response');
  const message = String(data.get('message') ?? '').trim();
  const body = { response, version: Number(summaryForm.dataset.version), ...(message ? { message } : {}) };
  const thanks =
    response === 'change' ? 'Thank you. A worker will write the summary again.' : 'Thank you for checking the summary.';
  act(summaryForm, writes.summary, '/api/public/views/summary', body, thanks, {
    response: 'Say if the summary is right.',
    message: 'Your message is too long.',
  }).then(() => {
    if (summary.hidden) summaryForm.reset();
  });
});

const withdrawSection = document.getElementById('withdraw-section');
document.getElementById('withdraw-start').addEventListener('click', () => {
  document.getElementById('withdraw-start').hidden = true;
  const confirm = document.getElementById('withdraw-confirm');
  confirm.hidden = false;
  document.getElementById('withdraw-no').focus();
});
document.getElementById('withdraw-no').addEventListener('click', () => {
  document.getElementById('withdraw-confirm').hidden = true;
  const start = document.getElementById('withdraw-start');
  start.hidden = false;
  start.focus();
});
document.getElementById('withdraw-yes').addEventListener('click', () => {
  const holder = withdrawSection.querySelector('form') ?? sharingForm;
  act(
    holder,
    writes.withdraw,
    '/api/public/views/withdraw',
    {},
    'Your view has been taken back. The board will not use it.',
    {},
  );
});

document.getElementById('forget').addEventListener('click', () => {
  receiptCode = null;
  view.hidden = true;
  enter.hidden = false;
  clearErrors(codeForm, summary);
  document.getElementById('receiptCode').focus();
});

document.getElementById('refresh').addEventListener('click', async () => {
  clearErrors(codeForm, summary);
  try {
    show(await check(), 'This is the latest news about your view.');
    done.setAttribute('tabindex', '-1');
    done.focus();
  } catch (error) {
    kindError(codeForm, error, {});
  }
});
