import type { HeaderMap } from '#identity/contracts';

/** The receipt code from the body, or else from the X-Receipt-Code header; never from the URL. */
export function receiptCodeOf(body: { receiptCode?: string } | undefined, headers: HeaderMap): string {
  const header = headers['x-receipt-code'];
  return body?.receiptCode ?? (Array.isArray(header) ? header[0] : header) ?? '';
}
