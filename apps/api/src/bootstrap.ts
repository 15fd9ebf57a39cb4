import 'reflect-metadata';
import fastifyHelmet from '@fastify/helmet';
import { BadRequestException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController, type FastifyError, type FastifyReply, type RawServerDefault } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import {
  createLogger,
  createValidationPipe,
  jsonNestsDeeperThan,
  MAX_JSON_DEPTH,
  methodLabel,
  Metrics,
  pinoOptions,
  PinoNestLogger,
  problem,
  registerRequestDigest,
  routeLabel,
  ProblemDetailsFilter,
  sendProblem,
  toProblem,
  type AppConfig,
} from '#platform';
import { govukTemplateScriptHash } from '../../web/src/pages/govuk-assets.js';
import { PageErrorsFilter } from '../../web/src/pages/page-errors.filter.js';
import { PageRenderer, registerPagePlugins } from '../../web/src/pages/page-renderer.js';
import { StaffPageAccess } from '../../web/src/staff-pages/staff-session.guard.js';
import { registerWebUi, rolesFromOpenApi } from '../../web/src/web-ui.routes.js';
import { AppModule } from './app.module.js';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module.js';
import { nameServerSpan } from './metrics/tracing.js';

/** Our own scripts, styles, images and API only; nothing may frame a page; forms post only here. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // govuk-frontend's page template marks the body as "JavaScript on" with one inline script: allowed by its hash only.
  `script-src 'self' ${govukTemplateScriptHash()}`,
  // Charts are SVG with style attributes; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const BODY_LIMIT = 512 * 1024;

export interface CreatedApp {
  readonly app: NestFastifyApplication;
  readonly logger: Logger;
}

/** Builds the HTTP application (used by main.ts and by the end-to-end tests). */
export async function createApp(
  config: AppConfig,
  overrides: InfrastructureOverrides & {
    logDestination?: NodeJS.WritableStream;
    /** The Swagger UI's static assets; the in-process tests leave them out (Jest cannot load @fastify/static). */
    swaggerUi?: boolean;
  } = {},
): Promise<CreatedApp> {
  const logger = createLogger(config.LOG_LEVEL, overrides.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // Requests are logged by method, route and status only: never bodies or query strings.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    // X-Forwarded-For only from the proxies named in TRUST_PROXY (none by default): anyone else could pick
    // the address their rate limits count by.
    trustProxy: config.TRUST_PROXY,
    // The router refuses a malformed address (400) or an over-long path parameter (414) before any route
    // runs, and Fastify's own answer is not a problem and quotes the address: answer as every error does.
    frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) =>
      sendProblem(reply, toProblem(error)),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, overrides), adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  // JSON is parsed as Fastify does by default (prototype poisoning refused), once it is known not to nest
  // deeper than any request needs (json-depth.ts says why).
  const parseJson = adapter.getInstance().getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: BODY_LIMIT }, (request, body, done) => {
    if (!jsonNestsDeeperThan(body)) return parseJson(request, body.toString('utf8'), done);
    const detail = `The request body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep.`;
    done(new BadRequestException(problem(400, 'validation', detail)), undefined);
  });
  // Security headers on every response (helmet's defaults: nosniff, frame and referrer policies, HSTS,
  // cross-origin isolation). The content security policy lets pages run only our own scripts; the API
  // explorer at /api/docs (Swagger UI, which sets up with an inline script) is left without one.
  await app.register(fastifyHelmet, { contentSecurityPolicy: false });
  const fastify = app.getHttpAdapter().getInstance();
  // Ties an Idempotency-Key to the request it came with (a key sent again with another body is a 422).
  registerRequestDigest(fastify);
  // Deny by default: no response may be kept by a browser or a proxy unless its route says it may
  // (most carry a child's words, a name or a board's business). Every page but the explorer gets the CSP.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    if (!request.url.startsWith('/api/docs')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return payload;
  });
  // Figures and traces know a request by its route template, never by the path it asked for.
  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', async (request) => {
    nameServerSpan(methodLabel(request.method), routeLabel(request.routeOptions?.url));
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(request.method, request.routeOptions?.url, reply.statusCode, reply.elapsedTime / 1000);
    logger.info(
      {
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  // The browser UI on the same origin: its own page and /assets/* routes only, so /api/** keeps priority
  // (docs/adr/0010-web-ui.md says why not @fastify/static).
  // The young people's server-rendered pages: cookies, CSRF tokens, Nunjucks views, govuk-frontend's assets
  // (docs/adr/0022-young-peoples-pages-govuk-frontend.md); their routes are YoungPeoplePagesModule's controllers.
  await registerPagePlugins(fastify);
  // The document first: the staff pages' navigation follows the roles each API route admits (its x-roles).
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Corporate Parenting Board API')
      .setDescription("Meetings, children's views and decisions as events. Errors are RFC 9457 problem details.")
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  const rolesOf = rolesFromOpenApi(document);
  const { links } = registerWebUi(fastify, rolesOf);
  // The server-rendered staff pages admit the roles their API routes do, and show the same links.
  app.get(StaffPageAccess).use(rolesOf, links);
  // A browser asking for a page gets an HTML error page; the API keeps its problem details.
  app.useGlobalFilters(new PageErrorsFilter(new ProblemDetailsFilter(), () => app.get(PageRenderer)));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    ui: overrides.swaggerUi ?? true,
  });
  return { app, logger };
}

export { pinoOptions };
