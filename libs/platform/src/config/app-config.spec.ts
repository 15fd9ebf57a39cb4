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
});
