import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

/** The request's headers (Idempotency-Key, X-Correlation-Id, ...), as the command context wants them. */
export const RequestHeaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): HeaderMap =>
    context.switchToHttp().getRequest<{ headers: HeaderMap }>().headers,
);
