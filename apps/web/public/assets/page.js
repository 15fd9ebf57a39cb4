/* global document, location */
// Small helpers every page shares.

/** The board's slug from /boards/:board/... (a slug is not personal data). */
export function boardFromPath() {
  const match = /^\/boards\/([a-z0-9][a-z0-9-]*)(?:\/|$)/.exec(location.pathname);
  return match ? match[1] : null;
}

/** 'north-shire' -> 'North Shire' (until the API gives boards' names to the public). */
export function boardName(slug) {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

export function formatDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

/** Points every element marked data-board-link at this board's own page of that name. */
export function linkBoardPages(slug) {
  for (const link of document.querySelectorAll('[data-board-link]')) {
    link.href = `/boards/${slug}/${link.dataset.boardLink}`;
  }
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Shows a section, moves focus to its heading (so screen readers read what changed) and scrolls to it. */
export function reveal(section) {
  section.hidden = false;
  const heading = section.querySelector('h1, h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
