// A small JSON client for setting up the load run through the product's own HTTP API (fetch, loopback).

export class HttpFailure extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export interface CallOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export class JsonClient {
  constructor(readonly baseUrl: string) {}

  /** Sends one request; any answer but 2xx throws an HttpFailure naming the route and the answer. */
  async call<T = Record<string, unknown>>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status < 200 || response.status > 299) throw new HttpFailure(method, path, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T = Record<string, unknown>>(path: string, token?: string): Promise<T> {
    return this.call<T>('GET', path, { token });
  }

  post<T = Record<string, unknown>>(path: string, body: unknown, token?: string): Promise<T> {
    return this.call<T>('POST', path, { token, body });
  }

  put<T = Record<string, unknown>>(path: string, body: unknown, token?: string): Promise<T> {
    return this.call<T>('PUT', path, { token, body });
  }

  /** Signs in one of the demo board's staff (DEMO_SEED=board, no second factor) and answers the token. */
  async signIn(email: string, password: string, tenant: string): Promise<string> {
    const { token } = await this.post<{ token: string }>('/api/auth/sign-in', { tenant, email, password });
    return token;
  }

  /** Polls `probe` until it answers true (the read models are projected a moment after each write). */
  async until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await probe()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}
