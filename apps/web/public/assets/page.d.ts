// Types of what TypeScript tests import from page.js (the browser loads the .js as it is).
export function londonInstant(date: string, time: string): string;
export function londonTimeToUtc(local: string): string;
export function formatDate(iso: string): string;
export function formatDateTime(iso: string, options?: { seconds?: boolean }): string;
