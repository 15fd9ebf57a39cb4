import { HttpException, HttpStatus } from '@nestjs/common';

/** RFC 9457 problem details. `type` is a relative URI documented in docs/problems.md. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** For 400: each field and why it was refused. */
  errors?: Array<{ field: string; reason: string }>;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  detail?: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  // Extensions first: a rule's details may never overwrite the standard members (a detail named
  // `status` once turned a 422 into a 500).
  return {
    ...extensions,
    type: `/problems/${code}`,
    title: titleFor(status),
    status,
    ...(detail ? { detail } : {}),
  };
}

export function titleFor(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** Thrown by the validation pipe: a 400 that lists each refused field. */
export class ValidationFailed extends HttpException {
  constructor(readonly errors: Array<{ field: string; reason: string }>) {
    super(
      problem(HttpStatus.BAD_REQUEST, 'validation', 'The request has invalid or missing fields.', { errors }),
      HttpStatus.BAD_REQUEST,
    );
  }
}
