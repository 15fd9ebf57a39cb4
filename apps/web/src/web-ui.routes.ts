import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parsePage, renderPage, type StaffChrome, type StaffLink } from './page-layout.js';

/**
 * The browser UI's pages: each route answers one page file from apps/web/public, put in its layout
 * (page-layout.ts). Adding a page means adding its file and one line here (see apps/web/README.md). A board is named by its slug in the
 * path (not personal data); nothing personal ever travels in a URL.
 */
export interface WebPage {
  readonly url: string;
  /** Its page file in apps/web/public; none for a server-rendered page (src/staff-pages, ADR 0026). */
  readonly file?: string;
  /**
   * A staff page's API route ("GET /api/meetings"): the page is for the roles that route admits (its
   * @Roles, as the OpenAPI document says), and so are its links. None: every signed-in member.
   */
  readonly access?: string;
  /** Its entry in the staff header's navigation. */
  readonly nav?: string;
  /** Its line on the staff home page. */
  readonly home?: string;
}

export const WEB_PAGES: readonly WebPage[] = [
  // The site's home (/) is server-rendered (src/pages, PublicPagesController).
  // "Check my view" is server-rendered at /check (src/pages, CheckMyViewPagesController).
  // The board's home, the give-a-view journey and "You said, we did" are server-rendered (src/pages,
  // YoungPeoplePagesModule).
  // Staff (signed in; the token lives in the tab's sessionStorage, never in a URL). Links are listed in
  // the order each role uses them most.
  { url: '/staff/sign-in', file: 'staff-sign-in.html' },
  { url: '/staff/second-factor', file: 'staff-second-factor.html' },
  { url: '/staff/signed-in', file: 'staff-signed-in.html' },
  { url: '/staff/', file: 'staff-home.html' },
  {
    url: '/staff/meetings',
    file: 'staff-meetings.html',
    access: 'GET /api/meetings',
    nav: 'Meetings',
    home: 'Meetings: agenda, attendance, minutes and decisions',
  },
  { url: '/staff/meetings/:meetingId', file: 'staff-meeting.html', access: 'GET /api/meetings/{id}' },
  {
    url: '/staff/actions',
    file: 'staff-actions.html',
    access: 'GET /api/actions',
    nav: 'Actions',
    home: 'Actions the board has set',
  },
  {
    url: '/staff/moderation',
    file: 'staff-moderation.html',
    access: 'GET /api/moderation/queue',
    nav: 'Moderation',
    home: 'Moderation queue: views waiting to be read',
  },
  {
    url: '/staff/safeguarding',
    file: 'staff-safeguarding.html',
    access: 'GET /api/safeguarding/queue',
    nav: 'Safeguarding',
    home: 'Safeguarding queue',
  },
  {
    url: '/staff/dashboard',
    file: 'staff-dashboard.html',
    access: 'GET /api/insight/charts',
    nav: 'Dashboard',
    home: 'Dashboard: how children’s views shaped decisions',
  },
  {
    url: '/staff/accounts',
    file: 'staff-accounts.html',
    access: 'GET /api/staff/accounts',
    nav: 'Accounts',
    home: 'Staff accounts: disable, enable, roles',
  },
  // The page's purpose is changing the settings: it follows the route only admins may use.
  {
    url: '/staff/settings',
    file: 'staff-settings.html',
    access: 'PUT /api/staff/voice-settings/answer-reading-age',
    nav: 'Settings',
    home: 'Settings for young people’s views: the council’s number, how easy answers must be to read, how soon views are read',
  },
  // Auditors. Those with no file are server-rendered (src/staff-pages, AuditPagesController; their session
  // is the staff session cookie, docs/adr/0026-server-rendered-staff-pages.md).
  {
    url: '/audit/',
    file: 'audit-home.html',
    access: 'GET /api/audit/integrity',
    nav: 'Audit',
    home: 'Audit: history, time travel, integrity, export',
  },
  {
    url: '/audit/access-log',
    file: 'audit-access-log.html',
    access: 'GET /api/audit/access-log',
    home: 'Access log: who read young people’s words, when and why',
  },
  { url: '/audit/decisions', access: 'GET /api/decisions' },
  { url: '/audit/decisions/:decisionId', access: 'GET /api/audit/decisions/{id}' },
  {
    url: '/audit/decisions/:decisionId/influence',
    access: 'GET /api/insight/decisions/{id}/influence',
  },
  { url: '/audit/meetings/:meetingId', access: 'GET /api/audit/meetings/{id}' },
  { url: '/audit/views/:viewId', access: 'GET /api/insight/views/{id}/journey' },
];

/** The roles an API route admits ("GET /api/meetings"), or undefined when there is no such route. */
export type RouteRoles = (route: string) => readonly string[] | undefined;

/** RouteRoles from the API's OpenAPI document: the `x-roles` each @Roles decorator writes there. */
export function rolesFromOpenApi(document: { paths: Record<string, object> }): RouteRoles {
  return (route) => {
    const [method, path] = route.split(' ') as [string, string];
    const operation = (document.paths[path] as Record<string, { 'x-roles'?: string[] } | undefined> | undefined)?.[
      method.toLowerCase()
    ];
    return operation?.['x-roles'];
  };
}

/**
 * Who may use each staff page, and the links each role sees, from the API routes' own @Roles: the
 * navigation follows the rules the API enforces, from one place. A page naming a route the API does
 * not have is a mistake worth failing on at start-up.
 */
export function staffLinks(rolesOf: RouteRoles): { links: StaffLink[]; rolesOfPage: Map<string, readonly string[]> } {
  const rolesOfPage = new Map<string, readonly string[]>();
  for (const page of WEB_PAGES.filter((p) => p.access)) {
    const roles = rolesOf(page.access!);
    if (!roles) throw new Error(`${page.file ?? page.url}: the API has no route ${page.access} (WEB_PAGES)`);
    rolesOfPage.set(page.url, roles);
  }
  const links = WEB_PAGES.filter((p) => p.nav || p.home).map((p) => ({
    href: p.url,
    nav: p.nav,
    home: p.home,
    roles: rolesOfPage.get(p.url)!,
  }));
  return { links, rolesOfPage };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A board's short name as it stands in an address. */
export const BOARD_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** Meeting, decision and view ids (as the API's): never a name. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** apps/web/public, from the sources (tests, tsx) or from dist/apps/web/src (a build does not copy it). */
export function defaultWebRoot(): string {
  const beside = fileURLToPath(new URL('../public/', import.meta.url));
  if (existsSync(join(beside, 'assets', 'young-people.js'))) return beside;
  return fileURLToPath(new URL('../../../../apps/web/public/', import.meta.url));
}

/**
 * Serves the pages and /assets/* on the API's own origin. Only these paths are registered, so every
 * /api/... route keeps priority and an unknown /api/... path still reaches the API's 404 problem details.
 */
export function registerWebUi(
  fastify: FastifyInstance,
  rolesOf: RouteRoles,
  root = defaultWebRoot(),
): { links: StaffLink[] } {
  const publicRoot = resolve(root);
  const assetsRoot = join(publicRoot, 'assets');
  const { links, rolesOfPage } = staffLinks(rolesOf);

  const files = WEB_PAGES.filter((page) => page.file !== undefined);
  for (const page of files) {
    const file = page.file!;
    const staff = { links, roles: rolesOfPage.get(page.url), current: page.url };
    fastify.get(page.url, async (request, reply) => {
      const { board, meetingId, decisionId, viewId } = request.params as Record<string, string | undefined>;
      if (board !== undefined && !BOARD_SLUG.test(board)) return notFound(reply);
      for (const id of [meetingId, decisionId, viewId]) if (id !== undefined && !ID.test(id)) return notFound(reply);
      return sendPage(reply, join(publicRoot, file), file, staff);
    });
  }

  // A page's form sent without JavaScript (its buttons start disabled, but a browser may still submit):
  // the form posts, so nothing typed went in the address; what it sent is dropped unread, never logged,
  // and the person is sent back to the page, which says why (post/redirect/get).
  for (const page of files) {
    fastify.post(page.url, async (request, reply) => {
      const path = new URL(request.url, 'http://page').pathname;
      return reply.code(303).header('location', path).send();
    });
  }

  // The board's home is /boards/:board (a Nest route cannot end in a slash); links to the old address
  // still arrive (a board slug is not personal data, and this GET carries nothing else).
  fastify.get('/boards/:board/', async (request, reply) => {
    const { board } = request.params as { board: string };
    if (!BOARD_SLUG.test(board)) return notFound(reply);
    return reply.code(301).header('location', `/boards/${board}`).send();
  });

  fastify.get('/assets/*', async (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    const path = resolve(assetsRoot, wanted);
    // No way out of the assets folder, no hidden files, only the types listed above.
    const safe =
      path.startsWith(assetsRoot + sep) &&
      !wanted.split('/').some((part) => part.startsWith('.')) &&
      TYPES[extname(path)] !== undefined;
    if (!safe) return notFound(reply);
    reply.header('cache-control', 'no-cache');
    return sendFile(reply, path);
  });
  return { links };
}

// Read on every request, so editing a page file and reloading shows the change (no build step).
async function sendPage(reply: FastifyReply, path: string, name: string, staff: StaffChrome): Promise<FastifyReply> {
  let file: string;
  try {
    file = await readFile(path, 'utf8');
  } catch {
    return notFound(reply);
  }
  const page = parsePage(file, name);
  return reply
    .header('content-type', TYPES['.html']!)
    .header('x-content-type-options', 'nosniff')
    .send(renderPage(page, page.layout === 'staff' ? staff : undefined));
}

async function sendFile(reply: FastifyReply, path: string): Promise<FastifyReply> {
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return notFound(reply);
  }
  return reply
    .header('content-type', TYPES[extname(path)] ?? 'application/octet-stream')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

// The API's own not-found handler: the same 404 problem details as any unknown path.
function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}
