// Labels for the HTTP figures. A label is never taken from what a client sent: the route is the template
// the router matched (`/api/meetings/:meetingId`), never the path it was asked for, so no id, receipt
// code or word can reach a label, and the number of series stays bounded whatever is requested.

/** Requests that matched no route (404s, malformed addresses): one label for all of them. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route template the router matched, or `unmatched`. */
export function routeLabel(template: string | undefined | null): string {
  // A template is written in code and starts at the root; anything else is not one.
  if (typeof template !== 'string' || !template.startsWith('/') || template.length > 200) return UNMATCHED_ROUTE;
  return template;
}

/** The request method, or OTHER for anything but the usual few. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'OTHER';
}

/** The response's status code as text (a bounded set: 100 to 599), or `other`. */
export function statusLabel(status: number): string {
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'other';
}
