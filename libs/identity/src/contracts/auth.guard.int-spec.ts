import { CqrsModule } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Controller, Get, Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardStreams, EVENT_STORE, type EventStore } from '#event-store';
import { Clock, FixedClock, ProblemDetailsFilter, ServerPepper } from '#platform';
import { IdentityModule } from '../identity.module.js';
import { IDENTITY_ENTITIES, IDENTITY_SETTINGS, type IdentitySettings } from '../index.js';
import { IdentityService } from './identity.service.js';
import { Public, Roles } from './route-access.js';
import { TokenService } from '../commands/token-service.js';

@Controller('probe')
class ProbeController {
  @Get('undeclared')
  undeclared(): string {
    return 'should never be reached';
  }
  @Get('public')
  @Public()
  open(): string {
    return 'open';
  }
  @Get('clerks')
  @Roles('clerk', 'admin')
  clerks(): string {
    return 'clerks';
  }
}

const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));

@Global()
@Module({
  providers: [
    { provide: Clock, useValue: clock },
    { provide: TokenService, useValue: new TokenService('k'.repeat(40), 900, () => clock.now()) },
    // The identity module's writes (staff account changes) need one; no probe here writes.
    { provide: EVENT_STORE, useValue: {} },
    { provide: BoardStreams, useValue: new BoardStreams({} as EventStore) },
    { provide: ServerPepper, useValue: new ServerPepper('p'.repeat(32)) },
    {
      provide: IDENTITY_SETTINGS,
      useValue: {
        secondFactor: 'off',
        lockout: { after: 5, seconds: 30, maxSeconds: 3600 },
        oidc: [],
        allowHttpProviders: true,
        sealingKey: Buffer.alloc(32, 7),
        stateSecret: 's'.repeat(40),
      } satisfies IdentitySettings,
    },
  ],
  exports: [Clock, TokenService, IDENTITY_SETTINGS, EVENT_STORE, BoardStreams, ServerPepper],
})
class TestInfrastructure {}

describe('AuthGuard (deny by default)', () => {
  let app: NestFastifyApplication;
  let dir: string;
  let member: string;
  let clerk: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpb-guard-'));
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'better-sqlite3',
          driver: Database,
          database: join(dir, 'r.db'),
          entities: [...IDENTITY_ENTITIES],
          synchronize: true,
        }),
        TestInfrastructure,
        CqrsModule.forRoot(),
        IdentityModule,
      ],
      controllers: [ProbeController],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new ProblemDetailsFilter());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const identity = app.get(IdentityService);
    const tenant = await identity.createTenant('t-one', 'Tenant one');
    await identity.createStaffUser({
      tenantId: tenant.id,
      email: 'm@x.example',
      displayName: 'M',
      password: 'member-password',
      roles: ['member'],
    });
    await identity.createStaffUser({
      tenantId: tenant.id,
      email: 'c@x.example',
      displayName: 'C',
      password: 'clerk-password1',
      roles: ['clerk'],
    });
    member = (await identity.signIn('t-one', 'm@x.example', 'member-password')).token;
    clerk = (await identity.signIn('t-one', 'c@x.example', 'clerk-password1')).token;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Real HTTP: Fastify's inject() needs an ESM-only package Jest cannot require on Node 20.
  const get = async (url: string, token?: string) => {
    const response = await fetch(`${(await app.getUrl()).replace('[::1]', '127.0.0.1')}${url}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { statusCode: response.status, body: await response.text() };
  };

  it('refuses a route that declares no roles, even to a signed-in user', async () => {
    expect((await get('/probe/undeclared', clerk)).statusCode).toBe(403);
    expect((await get('/probe/undeclared')).statusCode).toBe(401);
  });

  it('admits only the declared roles', async () => {
    expect((await get('/probe/clerks', clerk)).statusCode).toBe(200);
    expect((await get('/probe/clerks', member)).statusCode).toBe(403);
    expect((await get('/probe/clerks')).statusCode).toBe(401);
  });

  it('lets anyone reach an explicitly public route', async () => {
    expect((await get('/probe/public')).body).toBe('open');
  });
});
