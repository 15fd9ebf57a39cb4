// Types of what TypeScript tests import from page.js (the browser loads the .js as it is).
export function londonTimeToUtc(local: string): string;
export function formatDate(iso: string): string;
