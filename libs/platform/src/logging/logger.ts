import type { LoggerService } from '@nestjs/common';
import { pino, type Logger, type LoggerOptions } from 'pino';

// Structured logs that never carry personal data: request bodies, query strings and anything
// under these keys are redacted wherever they appear. Call sites log ids and counts, not words.
export const REDACTED_PATHS = [
  'req.body',
  'req.query',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.text',
  '*.words',
  '*.name',
  '*.email',
  '*.password',
  '*.receiptCode',
  '*.token',
];

export function pinoOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'cpb' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
}

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return destination ? pino(pinoOptions(level), destination) : pino(pinoOptions(level));
}

/** Lets NestJS write through pino. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
