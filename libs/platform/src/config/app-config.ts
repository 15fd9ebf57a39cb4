import { isIP } from 'node:net';
import { z } from 'zod';

const ROLE_NAME = z.string().regex(/^[a-z-]{2,32}$/, 'must be a staff role');

/** A council's own identity provider (OpenID Connect), one per board that uses one. */
const oidcProviders = z
  .array(
    z
      .object({
        /** The board's short name. */
        tenant: z.string().regex(/^[a-z0-9-]{2,64}$/, 'must be a board short name'),
        issuer: z.string().url('must be the provider issuer URL'),
        clientId: z.string().min(1),
        clientSecret: z.string().min(1),
        /** The button's words, e.g. "Northshire Council staff account". */
        label: z.string().min(1).max(80).optional(),
        /** The claim holding the person's groups or roles; absent: roles are assigned in the product. */
        roleClaim: z.string().min(1).optional(),
        /** Claim value -> the product's roles. Values not listed give no role. */
        roleMap: z.record(z.string(), z.union([ROLE_NAME, z.array(ROLE_NAME)])).optional(),
      })
      .strict(),
  )
  .refine((list) => new Set(list.map((p) => p.tenant)).size === list.length, 'names a board twice');

// proxy-addr's names for whole ranges, as Fastify's trustProxy takes them.
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, a CIDR range (address/prefix) or a named range. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

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
    /** The longest a staff session slides to, from signing in: a long meeting's evening (WCAG 2.2.1). */
    SESSION_MAX_SECONDS: z.coerce.number().int().min(600).max(86_400).default(43_200),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // true: the demo board, its accounts and a year of its history (as --demo); board: the board and its
    // accounts only (tests and load runs that bring their own history).
    DEMO_SEED: z.enum(['true', 'false', 'board']).default('false'),
    PROJECTIONS: z.enum(['in-process', 'off']).default('in-process'),
    // A projection's lease not renewed for this long (its runner killed) may be taken by another runner.
    PROJECTION_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
    // A read sent with X-Read-After waits at most this long for the read models to pass the write; then 503
    // with Retry-After (docs/adr/0021-read-your-writes.md).
    READ_AFTER_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5000),
    // Requests per client address and route in each window (docs/adr/0009-rate-limits.md).
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: perWindow(30),
    // Views given with one of the board's valid invite codes (a Children in Care Council session, many
    // young people behind one address): counted per code instead of per address.
    RATE_LIMIT_INVITE_CODE_SUBMISSIONS_PER_MINUTE: perWindow(300),
    RATE_LIMIT_RECEIPT_CODES_PER_MINUTE: perWindow(120),
    RATE_LIMIT_PUBLIC_READS_PER_MINUTE: perWindow(600),
    RATE_LIMIT_SIGN_INS_PER_MINUTE: perWindow(10),
    RATE_LIMIT_DEFAULT_PER_MINUTE: perWindow(1200),
    // The proxies whose X-Forwarded-For is believed (the client address rate limits count by): off, or
    // their addresses or CIDR ranges, comma-separated. Never every address, nor a hop count: a client that
    // reaches the api directly could then choose its own address (docs/adr/0009-rate-limits.md).
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((text, ctx): false | string[] => {
        const entries = (text ?? '')
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean);
        if (entries.length === 0 || (entries.length === 1 && /^(off|false)$/i.test(entries[0]!))) return false;
        const bad = entries.filter((entry) => !isProxyAddress(entry));
        if (bad.length === 0) return entries;
        ctx.addIssue({
          code: 'custom',
          message: `must be off or the proxies' addresses or CIDR ranges, comma-separated (e.g. 10.0.0.5,192.0.2.0/24); not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
        });
        return z.NEVER;
      }),
    // The evidence pack's PDFs: printed at most this many at once, with at most this many more waiting
    // (beyond that: 503 with Retry-After), by one shared Chromium.
    PDF_PRINT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    PDF_PRINT_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
    // Sign-in (docs/adr/0011-sign-in-second-factor-and-oidc.md).
    SECOND_FACTOR: z.enum(['required', 'off']).default('required'),
    SIGN_IN_LOCKOUT_AFTER: z.coerce.number().int().min(1).max(100).default(5),
    SIGN_IN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    SIGN_IN_LOCKOUT_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    OIDC_PROVIDERS: z
      .string()
      .optional()
      .transform((text, ctx) => {
        if (!text?.trim()) return [];
        try {
          const parsed = oidcProviders.safeParse(JSON.parse(text));
          if (parsed.success) return parsed.data;
          for (const issue of parsed.error.issues)
            ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(list)'} ${issue.message}` });
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be a JSON list of providers (see docs/security.md)' });
        }
        return z.NEVER;
      }),
    // Prometheus's figures (GET /metrics) on a port of their own, bound to HOST: unset, none are served.
    // Never the public listener's port (docs/adr/0020-metrics-and-traces.md).
    METRICS_PORT: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      z.coerce
        .number()
        .int()
        .min(1, 'must be a port number from 1 to 65535')
        .max(65535, 'must be a port number from 1 to 65535')
        .optional(),
    ),
    // Traces go to this OpenTelemetry collector (OTLP); unset, none are recorded. Read by the OpenTelemetry
    // SDK with its other OTEL_* settings; checked here so that a typing mistake stops the start.
    OTEL_EXPORTER_OTLP_ENDPOINT: z
      .string()
      .url('must be the OTLP collector URL, e.g. http://collector:4318')
      .optional(),
    PUBLIC_URL: z
      .string()
      .url('must be the address people use to reach the product, e.g. https://board.example.gov.uk')
      .optional(),
  })
  .superRefine((env, ctx) => {
    if ((env.EVENT_STORE === 'postgres' || env.READ_STORE === 'postgres') && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when PostgreSQL is used' });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'must not be PORT: the figures stay off the public listener',
      });
    }
    if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) {
      ctx.addIssue({ code: 'custom', path: ['KURRENTDB_URL'], message: 'is required when EVENT_STORE=kurrentdb' });
    }
    if (env.NODE_ENV === 'production') {
      for (const key of ['CPB_MASTER_KEY', 'CPB_TOKEN_SECRET', 'CPB_RECEIPT_PEPPER'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
      // The demo's accounts share a password printed in the README: one of them is the safeguarding lead.
      if (env.DEMO_SEED !== 'false') {
        ctx.addIssue({
          code: 'custom',
          path: ['DEMO_SEED'],
          message: `demo data (DEMO_SEED=${env.DEMO_SEED}, or --demo) is refused in production: its accounts, the safeguarding lead's among them, share a public password. Unset DEMO_SEED and start without --demo`,
        });
      }
      if (env.SECOND_FACTOR === 'off') {
        ctx.addIssue({ code: 'custom', path: ['SECOND_FACTOR'], message: 'must be "required" in production' });
      }
      if (env.OIDC_PROVIDERS.length > 0 && !env.PUBLIC_URL) {
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_URL'],
          message: 'is required in production with OIDC_PROVIDERS',
        });
      }
      for (const provider of env.OIDC_PROVIDERS) {
        if (!provider.issuer.startsWith('https://')) {
          ctx.addIssue({
            code: 'custom',
            path: ['OIDC_PROVIDERS'],
            message: `${provider.tenant}: the issuer must use https in production`,
          });
        }
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
