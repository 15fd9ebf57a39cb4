// A real OpenID Connect provider (the `oidc-provider` package) in the test process, standing in for a
// council's identity provider, and a small browser stand-in that signs a person in through it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata } from 'oidc-provider';

export interface CouncilAccount {
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
  readonly groups?: readonly string[];
}

export interface CouncilProvider {
  readonly issuer: string;
  /** People who can sign in, by login name (the provider's subject). Change freely between sign-ins. */
  readonly accounts: Map<string, CouncilAccount>;
  /** The app's OIDC_PROVIDERS entry for `board` at this provider (its client `<board>-board`), with `extra`. */
  connection(board: string, extra?: Record<string, unknown>): Record<string, unknown>;
  /** Registers `board`'s client, whose sign-in returns to the app at `appOrigin`. */
  registerBoard(board: string, appOrigin: string): void;
  close(): Promise<void>;
}

/**
 * Listens first (so the issuer's address is known before the app starts); boards are registered once
 * the app's callback address is known, which builds the provider.
 */
export async function startCouncilProvider(): Promise<CouncilProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, CouncilAccount>();
  const clients: ClientMetadata[] = [];
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'council-test' }] };
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  server.on('request', (req, res) => {
    if (!handler) {
      res.statusCode = 503;
      res.end('no clients yet');
      return;
    }
    handler(req, res);
  });

  function build(): void {
    // The provider warns, once, that its built-in login pages are for development: so they are, here.
    const warn = console.warn;
    console.warn = () => undefined;
    const provider = new Provider(issuer, {
      clients,
      jwks,
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      pkce: { required: () => true },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
      cookies: { keys: ['council-provider-test-cookie-key'] },
      findAccount: (_ctx, sub) => {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...account }) };
      },
    });
    console.warn = warn;
    handler = provider.callback();
  }

  return {
    issuer,
    accounts,
    connection: (board, extra = {}) => ({
      tenant: board,
      issuer,
      clientId: `${board}-board`,
      clientSecret: clientSecret(board),
      ...extra,
    }),
    registerBoard(board, appOrigin) {
      clients.push({
        client_id: `${board}-board`,
        client_secret: clientSecret(board),
        redirect_uris: [`${appOrigin}/api/auth/oidc/${board}/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      });
      build();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const clientSecret = (board: string): string => `${board}-board-secret-0123456789`;

export interface Visit {
  readonly status: number;
  readonly location?: string;
  readonly text: string;
}

/**
 * A browser stand-in: keeps cookies per host, follows redirects, and at the provider's own pages
 * types the login name and continues through consent.
 */
export class CouncilBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  /** Follows redirects from `url` until a page that is not the provider's answers; returns the last answer. */
  async signInThrough(
    startUrl: string,
    login: string,
    stopAt: (url: URL) => boolean,
  ): Promise<{ url: URL; visit: Visit }> {
    let url = new URL(startUrl);
    let method = 'GET';
    let body: string | undefined;
    for (let hops = 0; hops < 20; hops++) {
      const visit = await this.fetch(url, method, body);
      method = 'GET';
      body = undefined;
      if (visit.location) {
        url = new URL(visit.location, url);
        if (stopAt(url)) return { url, visit };
        continue;
      }
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(visit.text);
      if (!form) return { url, visit };
      const prompt = /name="prompt" value="([a-z]+)"/.exec(visit.text)?.[1];
      url = new URL(form[1]!.replace(/&amp;/g, '&'), url);
      method = 'POST';
      body =
        prompt === 'login'
          ? new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString()
          : new URLSearchParams({ prompt: prompt ?? 'consent' }).toString();
    }
    throw new Error('too many redirects');
  }

  async fetch(url: URL, method = 'GET', body?: string): Promise<Visit> {
    const headers: Record<string, string> = {};
    const cookies = this.jar.get(url.host);
    if (cookies?.size) headers.cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.keep(url.host, line);
    return {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      text: await response.text(),
    };
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  forget(host: string, name: string): void {
    this.jar.get(host)?.delete(name);
  }

  private keep(host: string, line: string): void {
    const [pair, ...attributes] = line.split(';');
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at).trim();
    const value = pair!.slice(at + 1).trim();
    const cookies = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, cookies);
    const expired = value === '' || attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
    if (expired) cookies.delete(name);
    else cookies.set(name, value);
  }
}
