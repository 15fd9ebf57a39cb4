import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The request's headers (for Idempotency-Key and X-Correlation-Id), as the command context wants them. */
export const RequestHeaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): Readonly<Record<string, string | string[] | undefined>> =>
    context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers,
);
