// OpenTelemetry traces, off unless a collector is named (OTEL_EXPORTER_OTLP_ENDPOINT, or the traces-only
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT). Imports nothing of node:http, Nest or Fastify: main.ts starts this
// first, so the HTTP instrumentation is in place before they load. The SDK reads its other settings
// (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_SAMPLER, ...) from the environment.
import type { IncomingMessage } from 'node:http';
import { trace } from '@opentelemetry/api';

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

// Removed from every server span: the path as asked for (the route template replaces it, see
// `nameServerSpan`), the query string, the client's address and port and its browser. Addresses and browser
// strings can identify a young person; the template says what was asked without ids, codes or words.
const SERVER_ATTRIBUTES_DROPPED = [
  'url.path',
  'url.query',
  'client.address',
  'client.port',
  'network.peer.address',
  'network.peer.port',
  'user_agent.original',
];
// Removed from every client span (calls the api makes): the full address with its query string.
const CLIENT_ATTRIBUTES_DROPPED = ['url.full', 'url.query', 'user_agent.original'];

// Undefined values replace what the instrumentation would record; the SDK keeps no undefined attribute.
const dropped = (keys: readonly string[]): Record<string, undefined> =>
  Object.fromEntries(keys.map((key) => [key, undefined]));

// Scrapes and health checks are not worth a trace each.
function isProbe(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0] ?? '';
  return path === '/metrics' || path === '/health' || path.startsWith('/api/health');
}

export function tracingConfigured(env: NodeJS.ProcessEnv): boolean {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim());
}

/** Starts tracing when configured (else answers undefined and loads nothing of OpenTelemetry). */
export async function startTracing(
  serviceName: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Tracing | undefined> {
  if (!tracingConfigured(env)) return undefined;
  // Traces only: the figures are Prometheus's (prom-client), so the SDK's own metrics and logs exporters
  // stay off unless an operator asks for them.
  env.OTEL_METRICS_EXPORTER ??= 'none';
  env.OTEL_LOGS_EXPORTER ??= 'none';
  const [{ NodeSDK }, { HttpInstrumentation }] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/instrumentation-http'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || serviceName,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: isProbe,
        startIncomingSpanHook: () => dropped(SERVER_ATTRIBUTES_DROPPED),
        startOutgoingSpanHook: () => dropped(CLIENT_ATTRIBUTES_DROPPED),
        // No header is copied into a span; bodies never are.
        headersToSpanAttributes: {},
      }),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}

/**
 * Names the request's server span after the route the router matched (`GET /api/meetings/:meetingId`)
 * and records that template as `http.route`: what was asked, without the ids, codes or words of the path
 * itself (dropped above). Does nothing when tracing is off.
 */
export function nameServerSpan(method: string, route: string): void {
  const span = trace.getActiveSpan();
  if (!span) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
}
