import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** The request's headers (Idempotency-Key, X-Correlation-Id, X-Receipt-Code). */
export const RequestHeaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): HeaderMap =>
    context.switchToHttp().getRequest<{ headers: HeaderMap }>().headers,
);

/** The receipt code from the body, or else from the X-Receipt-Code header; never from the URL. */
export function receiptCodeOf(body: { receiptCode?: string } | undefined, headers: HeaderMap): string {
  const header = headers['x-receipt-code'];
  return body?.receiptCode ?? (Array.isArray(header) ? header[0] : header) ?? '';
}
