import { z } from 'zod';

function perWindow(fallback: number) {
  return z.coerce.number().int().min(1).max(1_000_000).default(fallback);
}

// Every setting comes from the environment, validated once at start-up with a message that
// names the variable and what is wrong. README.md has the table.
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    EVENT_STORE: z.enum(['sqlite', 'postgres', 'kurrentdb']).default('sqlite'),
    READ_STORE: z.enum(['sqlite', 'postgres']).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
      .optional(),
    KURRENTDB_URL: z
      .string()
      .regex(/^(kurrentdb|esdb|kdb)(\+discover)?:\/\//, 'must be a kurrentdb:// connection string')
      .optional(),
    CPB_MASTER_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 random bytes, base64-encoded')
      .optional(),
    CPB_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CPB_RECEIPT_PEPPER: z.string().min(16, 'must be at least 16 characters').optional(),
    TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DEMO_SEED: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    PROJECTIONS: z.enum(['in-process', 'off']).default('in-process'),
    // Requests per client address and route in each window (docs/adr/0009-rate-limits.md).
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: perWindow(30),
    RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: perWindow(120),
    RATE_LIMIT_PUBLIC_READS_PER_MINUTE: perWindow(600),
    RATE_LIMIT_SIGN_INS_PER_MINUTE: perWindow(10),
    RATE_LIMIT_DEFAULT_PER_MINUTE: perWindow(1200),
  })
  .superRefine((env, ctx) => {
    if ((env.EVENT_STORE === 'postgres' || env.READ_STORE === 'postgres') && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when PostgreSQL is used' });
    }
    if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'is required when EVENT_STORE=kurrentdb' });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['CPB_MASTER_KEY', 'CPB_TOKEN_SECRET', 'CPB_RECEIPT_PEPPER'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export type AppConfig = Omit<z.infer<typeof schema>, 'READ_STORE'> & { READ_STORE: 'sqlite' | 'postgres' };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(environment)';
      return `  ${key}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  // PostgreSQL events imply PostgreSQL read models unless told otherwise; KurrentDB pairs with either.
  const readStore = config.READ_STORE ?? (config.DATABASE_URL ? 'postgres' : 'sqlite');
  return { ...config, READ_STORE: readStore };
}
