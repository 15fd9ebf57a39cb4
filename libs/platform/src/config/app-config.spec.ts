import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite setup', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ EVENT_STORE: 'sqlite', READ_STORE: 'sqlite', PORT: 3000, DATA_DIR: './data' });
  });

  it('names every bad variable and why', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE: 'mongo', CPB_MASTER_KEY: 'short' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT:/);
    expect(message).toMatch(/EVENT_STORE:/);
    expect(message).toMatch(/CPB_MASTER_KEY: must be 32 random bytes, base64-encoded/);
  });

  it('requires the connection strings the chosen stores need', () => {
    expect(() => loadConfig({ EVENT_STORE: 'postgres' })).toThrow(/DATABASE_URL: is required when PostgreSQL is used/);
    expect(() => loadConfig({ EVENT_STORE: 'kurrentdb' })).toThrow(/KURRENTDB_URL: is required/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://u@h/db' }).READ_STORE).toBe('postgres');
  });

  it('requires real secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CPB_MASTER_KEY: is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CPB_RECEIPT_PEPPER: is required in production/);
    expect(() => loadConfig({ CPB_RECEIPT_PEPPER: 'short' })).toThrow(
      /CPB_RECEIPT_PEPPER: must be at least 16 characters/,
    );
  });

  describe('demo data in production (issue 17, item 4)', () => {
    const production = {
      NODE_ENV: 'production',
      CPB_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      CPB_TOKEN_SECRET: 'a-token-secret-of-at-least-32-characters',
      CPB_RECEIPT_PEPPER: 'a-pepper-of-16-chars',
    };

    it('starts in production without demo data', () => {
      expect(loadConfig(production).DEMO_SEED).toBe('false');
      expect(loadConfig({ ...production, DEMO_SEED: 'false' }).DEMO_SEED).toBe('false');
    });

    it.each(['true', 'board'])('refuses DEMO_SEED=%s in production, naming the setting and --demo', (value) => {
      expect(() => loadConfig({ ...production, DEMO_SEED: value })).toThrow(ConfigError);
      expect(() => loadConfig({ ...production, DEMO_SEED: value })).toThrow(
        new RegExp(`DEMO_SEED: demo data \\(DEMO_SEED=${value}, or --demo\\) is refused in production`),
      );
    });

    it('still seeds the demo outside production', () => {
      expect(loadConfig({ DEMO_SEED: 'true' }).DEMO_SEED).toBe('true');
      expect(loadConfig({ NODE_ENV: 'test', DEMO_SEED: 'board' }).DEMO_SEED).toBe('board');
    });
  });

  describe('TRUST_PROXY (issue 17, item 6)', () => {
    it('trusts no proxy by default, nor when set to off', () => {
      for (const value of [undefined, '', 'off', 'false', ' OFF ']) {
        expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toBe(false);
      }
    });

    it("takes the proxies' addresses, CIDR ranges and proxy-addr's named ranges, comma-separated", () => {
      expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).TRUST_PROXY).toEqual(['127.0.0.1']);
      expect(loadConfig({ TRUST_PROXY: ' 172.30.80.10, 10.0.0.0/8 ,fd00::/8,::1,loopback' }).TRUST_PROXY).toEqual([
        '172.30.80.10',
        '10.0.0.0/8',
        'fd00::/8',
        '::1',
        'loopback',
      ]);
    });

    it('refuses trusting everyone, a hop count, names and bad ranges, naming each', () => {
      for (const value of ['true', '1', 'caddy', '10.0.0.0/33', '10.0.0.1/8/8', '::1/129', '10.0.0.256']) {
        expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be off or the proxies' addresses/);
        expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(`not "${value}"`);
      }
      expect(() => loadConfig({ TRUST_PROXY: '127.0.0.1,true' })).toThrow(/not "true"$/m);
    });
  });

  describe('METRICS_PORT and OTEL_EXPORTER_OTLP_ENDPOINT (issue 19, item 4)', () => {
    it('serves no figures and records no traces unless told to', () => {
      expect(loadConfig({}).METRICS_PORT).toBeUndefined();
      expect(loadConfig({ METRICS_PORT: ' ' }).METRICS_PORT).toBeUndefined();
      expect(loadConfig({}).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
      expect(loadConfig({ METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    });

    it('refuses a port that is not one, the public port, and a collector that is not a URL', () => {
      expect(() => loadConfig({ METRICS_PORT: 'ninety' })).toThrow(/METRICS_PORT:/);
      expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT: must be a port number/);
      expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: must not be PORT/);
      expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
        /OTEL_EXPORTER_OTLP_ENDPOINT: must be the OTLP collector URL/,
      );
    });
  });

  it('prints PDFs two at a time with eight waiting by default', () => {
    expect(loadConfig({})).toMatchObject({ PDF_PRINT_CONCURRENCY: 2, PDF_PRINT_QUEUE: 8 });
    expect(loadConfig({ PDF_PRINT_CONCURRENCY: '1', PDF_PRINT_QUEUE: '0' })).toMatchObject({
      PDF_PRINT_CONCURRENCY: 1,
      PDF_PRINT_QUEUE: 0,
    });
    expect(() => loadConfig({ PDF_PRINT_CONCURRENCY: '0' })).toThrow(/PDF_PRINT_CONCURRENCY:/);
  });
});
