// The production compose file, checked without a container engine: valid against the Compose
// specification's own schema (vendored in docker/schema), the services issue 8 asks for, every variable
// in docker/.env.example and no secret in the file, and the environment the api and the projector get
// accepted by the product's own configuration in production (with the secrets docker/.env.example says
// how to generate, generated). What only a real `docker compose up` shows is listed in
// docs/adr/0012-deployment.md.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { loadSigningKey } from '../../libs/audit/src/contracts/export-bundles.js';
import { loadConfig } from '../../libs/platform/src/config/app-config.js';
import {
  dockerfileStages,
  generateSecrets,
  interpolateCompose,
  MissingVariableError,
  parseCompose,
  parseEnvExample,
  readText,
  repoPath,
  runtimeImage,
  serviceEnvironment,
  variableReferences,
  type ComposeFile,
  type EnvExampleEntry,
} from './support.js';

type Service = Record<string, unknown>;

// ajv-formats is CommonJS with a default export; under Jest's ESM it may arrive wrapped once more.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

// One-shot jobs: the certificates before KurrentDB, the app's KurrentDB user after it.
const ONE_SHOTS = new Set(['kurrentdb-certs', 'kurrentdb-users']);
const SECRET_NAME = /PASSWORD|SECRET|KEY|PEPPER|TOKEN/;

function schemaValidator(): (doc: unknown) => string[] {
  const schema = JSON.parse(readText('docker/schema/compose-spec.json')) as { $schema: string };
  // The specification's schema is draft-07: Ajv's default class. Its $schema is written with https and
  // without the trailing #, so the draft-07 meta-schema is registered under that name too.
  expect(schema.$schema).toMatch(/json-schema\.org\/draft-07\/schema#?$/);
  const meta = JSON.parse(readFileSync(repoPath('node_modules/ajv/dist/refs/json-schema-draft-07.json'), 'utf8'));
  // strictTypes off: the upstream schema leaves `type` implicit beside some keywords; unknown keywords
  // and formats still fail.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  ajv.addMetaSchema({ ...meta, $id: schema.$schema });
  const validate = ajv.compile(schema);
  return (doc) =>
    validate(doc)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

function healthcheckCommand(service: Service): string[] {
  const test = (service.healthcheck as { test?: string | string[] } | undefined)?.test;
  return typeof test === 'string' ? ['CMD-SHELL', test] : (test ?? []);
}

describe('docker/compose.yaml', () => {
  const text = readText('docker/compose.yaml');
  const doc: ComposeFile = parseCompose(text);
  const services = doc.services;
  const envExample: EnvExampleEntry[] = parseEnvExample(readText('docker/.env.example'));
  const caddyfile = readText('docker/Caddyfile');
  let vars: Record<string, string>;
  let resolved: ComposeFile;

  beforeAll(() => {
    // docker/.env as an operator fills it in: the example's values, each secret made by its documented command.
    vars = { ...Object.fromEntries(envExample.map((e) => [e.name, e.value])), ...generateSecrets(envExample) };
    resolved = interpolateCompose(doc, vars);
  });

  it("is valid against the Compose specification's schema, as written and once interpolated", () => {
    const validate = schemaValidator();
    expect(validate(doc)).toEqual([]);
    expect(validate(resolved)).toEqual([]);
  });

  it('runs KurrentDB, PostgreSQL, the projector, the api and a reverse proxy in front of the api', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['kurrentdb', 'postgres', 'projector', 'api', 'proxy']),
    );
    expect(services.kurrentdb!.image).toMatch(/kurrentdb/);
    expect(services.postgres!.image).toMatch(/^postgres:/);
    expect(services.proxy!.image).toMatch(/^caddy:/);
    // The proxy runs docker/Caddyfile, which sends every request to the api service's containers on the
    // port the api listens on.
    expect(services.proxy!.volumes).toContain('./Caddyfile:/etc/caddy/Caddyfile:ro');
    const upstream = /^\s*dynamic\s+a\s+(\S+)\s+(\d+)/m.exec(caddyfile);
    expect(upstream?.slice(1)).toEqual(['api', serviceEnvironment(services.api!).PORT]);
    expect(caddyfile).toMatch(/^\{\$CPB_DOMAIN\}\s*\{/m);
  });

  it('runs the api as two replicas with projections off, in production, listening on every interface', () => {
    const api = services.api!;
    expect(api.deploy).toEqual(expect.objectContaining({ replicas: 2 }));
    expect(api.container_name).toBeUndefined(); // a fixed name allows one container only
    expect(serviceEnvironment(resolved.services.api!)).toEqual(
      expect.objectContaining({
        PROJECTIONS: 'off',
        EVENT_STORE: 'kurrentdb',
        NODE_ENV: 'production',
        HOST: '0.0.0.0',
        SECOND_FACTOR: 'required',
      }),
    );
  });

  it("trusts X-Forwarded-For from its own proxy's fixed address alone (TRUST_PROXY)", () => {
    const edge = (doc.networks?.edge ?? {}) as { ipam?: { config?: Array<{ subnet?: string }> } };
    const subnet = edge.ipam?.config?.[0]?.subnet ?? '';
    const proxy = (services.proxy!.networks as Record<string, { ipv4_address?: string } | null>).edge;
    const address = proxy?.ipv4_address ?? '';
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    // In the edge network's range (a /24 here), and the one address the api's configuration trusts.
    expect(subnet).toMatch(/^(\d+\.\d+\.\d+)\.0\/24$/);
    expect(address.startsWith(`${subnet.split('.').slice(0, 3).join('.')}.`)).toBe(true);
    expect(serviceEnvironment(services.api!).TRUST_PROXY).toBe(address);
    const image = runtimeImage(dockerfileStages(readText('docker/Dockerfile')));
    const api = loadConfig({ ...image.env, ...serviceEnvironment(resolved.services.api!) });
    expect(api.TRUST_PROXY).toEqual([address]);
    // The proxy takes no client's X-Forwarded-For as given (no trusted_proxies): it sets the header itself.
    expect(caddyfile).not.toMatch(/^\s*trusted_proxies/m);
  });

  it("runs one projector with the projector's command and a health port", () => {
    const projector = services.projector!;
    expect(projector.command).toEqual(['node', 'dist/apps/projector/src/main.js']);
    expect((projector.deploy as { replicas?: number } | undefined)?.replicas ?? 1).toBe(1);
    const port = serviceEnvironment(projector).PROJECTOR_HEALTH_PORT;
    expect(Number(port)).toBeGreaterThan(0);
    expect(healthcheckCommand(projector).join(' ')).toMatch(/PROJECTOR_HEALTH_PORT.*\/health/);
  });

  it('builds the api and the projector from the repository root with docker/Dockerfile, as one image', () => {
    for (const name of ['api', 'projector']) {
      expect(services[name]!.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
    }
    expect(services.api!.image).toBe(services.projector!.image);
    expect(readText('docker/Dockerfile')).toMatch(/^FROM /m);
  });

  it('gives every service a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = healthcheckCommand(service);
      expect({ name, test: test[0] }).toEqual({ name, test: expect.stringMatching(/^CMD(-SHELL)?$/) });
      expect({ name, command: test.slice(1).join(' ') }).toEqual({ name, command: expect.stringMatching(/\S/) });
      expect((service.healthcheck as { disable?: boolean }).disable).not.toBe(true);
    }
    // The api's is its own /api/health.
    expect(healthcheckCommand(services.api!).join(' ')).toMatch(/\/api\/health/);
  });

  it('starts each service only once what it depends on is healthy (or, for the one-shot job, done)', () => {
    const dependencies = (name: string): Record<string, { condition: string }> =>
      services[name]!.depends_on as Record<string, { condition: string }>;
    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries((service.depends_on ?? {}) as object)) {
        expect(services[target]).toBeDefined();
        expect({ name, target, condition }).toEqual({
          name,
          target,
          condition: ONE_SHOTS.has(target) ? 'service_completed_successfully' : 'service_healthy',
        });
      }
    }
    expect(Object.keys(dependencies('api'))).toEqual(expect.arrayContaining(['kurrentdb', 'postgres', 'projector']));
    expect(Object.keys(dependencies('projector'))).toEqual(expect.arrayContaining(['kurrentdb', 'postgres']));
    expect(Object.keys(dependencies('proxy'))).toEqual(['api']);
  });

  it('restarts every long-running service; the one-shot job runs once', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, restart: service.restart }).toEqual({
        name,
        restart: ONE_SHOTS.has(name) ? 'no' : expect.stringMatching(/^(always|unless-stopped)$/),
      });
    }
  });

  it("keeps both stores' data (and the proxy's certificates) in named volumes", () => {
    const mounts = (name: string): string[] => services[name]!.volumes as string[];
    const named = Object.keys(doc.volumes ?? {});
    for (const [service, target] of [
      ['kurrentdb', '/var/lib/kurrentdb'],
      ['postgres', '/var/lib/postgresql/data'],
      ['proxy', '/data'],
    ] as const) {
      const mount = mounts(service).find((m) => m.split(':')[1] === target);
      expect({ service, volume: mount?.split(':')[0] }).toEqual({ service, volume: expect.any(String) });
      expect(named).toContain(mount!.split(':')[0]);
    }
  });

  it('publishes ports from the proxy only', () => {
    const publishing = Object.entries(services)
      .filter(([, service]) => Array.isArray(service.ports) && service.ports.length > 0)
      .map(([name]) => name);
    expect(publishing).toEqual(['proxy']);
    for (const service of Object.values(services)) expect(service.network_mode).not.toBe('host');
  });

  it("runs KurrentDB with TLS and passwords, without its own projections, with docker/kurrentdb's append limit", () => {
    const kurrent = serviceEnvironment(services.kurrentdb!);
    expect(kurrent.KURRENTDB_INSECURE).toBeUndefined();
    expect(kurrent.KURRENTDB_DISABLE_TLS).toBeUndefined();
    expect(kurrent).toEqual(
      expect.objectContaining({
        KURRENTDB_CERTIFICATE_FILE: expect.any(String),
        KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE: expect.any(String),
        KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH: expect.any(String),
        KURRENTDB_DEFAULT_ADMIN_PASSWORD: expect.stringMatching(/^\$\{KURRENTDB_ADMIN_PASSWORD:\?/),
        KURRENTDB_DEFAULT_OPS_PASSWORD: expect.stringMatching(/^\$\{KURRENTDB_OPS_PASSWORD:\?/),
        KURRENTDB_RUN_PROJECTIONS: 'None',
        KURRENTDB_START_STANDARD_PROJECTIONS: 'false',
      }),
    );
    const development = serviceEnvironment(parseCompose(readText('docker/kurrentdb/compose.yaml')).services.kurrentdb!);
    expect(kurrent.KURRENTDB_MAX_APPEND_SIZE).toBe(development.KURRENTDB_MAX_APPEND_SIZE);
    // The app connects over TLS, checking the server against the authority's certificate it mounts.
    for (const name of ['api', 'projector']) {
      const url = new URL(serviceEnvironment(resolved.services[name]!).KURRENTDB_URL!);
      expect(url.searchParams.get('tls')).toBe('true');
      expect(url.searchParams.get('tlsVerifyCert')).not.toBe('false');
      const caFile = url.searchParams.get('tlsCAFile')!;
      const mount = (services[name]!.volumes as string[])
        .map((m) => m.split(':'))
        .find(([, target]) => caFile.startsWith(`${target}/`));
      expect({ name, volume: mount?.[0] }).toEqual({ name, volume: 'kurrentdb-ca' });
      // As the least-privileged user kurrentdb-users makes, never admin (issue 19).
      expect({ name, user: url.username }).toEqual({ name, user: 'cpb-app' });
    }
    expect(services.kurrentdb!.volumes).toContain('kurrentdb-certs:/certs:ro');
    expect(serviceEnvironment(services['kurrentdb-users']!).KURRENTDB_APP_USER).toBe('cpb-app');
    expect(services.api!.depends_on).toHaveProperty('kurrentdb-users');
    expect(services.projector!.depends_on).toHaveProperty('kurrentdb-users');
  });

  it('pins every pulled image to a version (never latest), and KurrentDB is checked with tools its image has', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      expect({ name, image: service.image }).toEqual({
        name,
        image: expect.stringMatching(/^[^:@\s]+(\/[^:@\s]+)*:\d[\w.-]*(@sha256:[0-9a-f]{64})?$/),
      });
    }
    expect(healthcheckCommand(services.kurrentdb!).join(' ')).not.toMatch(/curl|wget/);
  });

  it("keeps KurrentDB's certificate authority (its key in a volume of its own) so certificates renew from it", () => {
    const certs = services['kurrentdb-certs']!;
    expect(certs.volumes).toEqual(
      expect.arrayContaining(['kurrentdb-ca-key:/ca-key', './kurrentdb/certs.sh:/scripts/certs.sh:ro']),
    );
    expect(Object.keys(doc.volumes ?? {})).toContain('kurrentdb-ca-key');
    // Only the job sees the authority's key.
    for (const [name, service] of Object.entries(services)) {
      if (name === 'kurrentdb-certs') continue;
      expect({
        name,
        mounts: ((service.volumes ?? []) as string[]).filter((m) => m.startsWith('kurrentdb-ca-key:')),
      }).toEqual({ name, mounts: [] });
    }
    const script = readText('docker/kurrentdb/certs.sh');
    expect(script).not.toMatch(/rm[^\n]*ca\.key/);
    expect(script).toMatch(/"\$\{1:-\}" = "renew"/);
  });

  it('runs PostgreSQL 15 or newer', () => {
    const tag = /^postgres:(\d+)/.exec(services.postgres!.image as string);
    expect(Number(tag?.[1])).toBeGreaterThanOrEqual(15);
  });

  it('reads every variable it uses from docker/.env.example, which lists no other', () => {
    const used = new Set(variableReferences(doc).map((r) => r.name));
    const listed = new Set(envExample.map((e) => e.name));
    expect([...used].sort()).toEqual([...listed].sort());
    // The Caddyfile's {$NAME} come from the proxy's environment, which compose fills from the same file.
    for (const [, name] of caddyfile.matchAll(/\{\$([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      expect(serviceEnvironment(services.proxy!)[name!]).toBe(
        `\${${name}:?set it in docker/.env as docker/.env.example says}`,
      );
    }
  });

  it('requires every secret: one missing stops `docker compose up` with its name', () => {
    const secrets = envExample.filter((e) => e.generate).map((e) => e.name);
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    const references = variableReferences(doc);
    for (const name of secrets) {
      const operators = references.filter((r) => r.name === name).map((r) => r.operator);
      expect({ name, operators }).toEqual({ name, operators: expect.arrayContaining([':?']) });
      expect({ name, operators: [...new Set(operators)] }).toEqual({ name, operators: [':?'] });
      const withoutIt = { ...vars, [name]: '' };
      expect(() => interpolateCompose(doc, withoutIt)).toThrow(MissingVariableError);
      expect(() => interpolateCompose(doc, withoutIt)).toThrow(new RegExp(`\\b${name}\\b`));
    }
  });

  it('holds no secret value: secrets only as ${NAME} references, none in docker/.env.example either', () => {
    // Every secret is left empty in the example, with the command that makes one.
    for (const entry of envExample.filter((e) => e.generate))
      expect({ [entry.name]: entry.value }).toEqual({ [entry.name]: '' });
    // A secret-looking setting's value is a reference and nothing else; a URL's password is a reference.
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(serviceEnvironment(service))) {
        if (SECRET_NAME.test(key) && !/_FILE$|_PATH$/.test(key)) {
          expect({ name, key, value }).toEqual({
            name,
            key,
            value: expect.stringMatching(/^\$\{[A-Z0-9_]+(:\?[^}]*|:-)\}$/),
          });
        }
        const credentials = /^[a-z+]+:\/\/([^:@/]+):([^@]*)@/.exec(value);
        if (credentials) {
          expect({ name, key, password: credentials[2] }).toEqual({
            name,
            key,
            password: expect.stringMatching(/^\$\{[A-Z0-9_]+:\?[^}]*\}$/),
          });
        }
      }
    }
    // Nothing that looks like key material anywhere: long mixed-case-and-digit tokens, long hex, PEM bodies.
    for (const [file, content] of [
      ['docker/compose.yaml', text],
      ['docker/Caddyfile', caddyfile],
      ['docker/.env.example', readText('docker/.env.example')],
    ] as const) {
      const withoutReferences = content.replace(/\$\{[^}]*\}/g, '');
      const suspicious = [
        ...(withoutReferences.match(/[A-Za-z0-9+/=_-]{20,}/g) ?? []).filter(
          (token) => /[a-z]/.test(token) && /[A-Z]/.test(token) && /\d/.test(token),
        ),
        ...(withoutReferences.match(/\b[0-9a-f]{32,}\b/gi) ?? []),
        ...(withoutReferences.match(/PRIVATE KEY-----(\\n|\s)*[A-Za-z0-9+/]{40,}/g) ?? []),
      ];
      expect({ file, suspicious }).toEqual({ file, suspicious: [] });
    }
  });

  it("gives the api and the projector an environment the product's configuration accepts in production", () => {
    // The image's ENV first, then what compose sets (which wins), as in the container.
    const image = runtimeImage(dockerfileStages(readText('docker/Dockerfile')));
    for (const name of ['api', 'projector']) {
      const env = { ...image.env, ...serviceEnvironment(resolved.services[name]!) };
      const config = loadConfig(env);
      expect(config).toEqual(
        expect.objectContaining({
          NODE_ENV: 'production',
          EVENT_STORE: 'kurrentdb',
          READ_STORE: 'postgres',
          SECOND_FACTOR: 'required',
        }),
      );
    }
    const api = loadConfig({ ...image.env, ...serviceEnvironment(resolved.services.api!) });
    expect(api).toEqual(
      expect.objectContaining({ PROJECTIONS: 'off', HOST: '0.0.0.0', PUBLIC_URL: 'https://localhost' }),
    );
    // The audit signing key, as docker/.env.example says to make it, loads as the api loads it in production.
    const key = loadSigningKey({
      pem: serviceEnvironment(resolved.services.api!).CPB_AUDIT_SIGNING_KEY,
      dataDir: '/nonexistent',
      production: true,
    });
    expect(key.source).toBe('env');
    // And without a secret, the product refuses to start in production (compose stops earlier still).
    const { CPB_MASTER_KEY: _missing, ...withoutMasterKey } = {
      ...image.env,
      ...serviceEnvironment(resolved.services.api!),
    };
    expect(() => loadConfig(withoutMasterKey)).toThrow(/CPB_MASTER_KEY/);
  });
});
