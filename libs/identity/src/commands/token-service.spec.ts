import { SignJWT, UnsecuredJWT } from 'jose';
import { InvalidToken, SessionAtMaximum, TokenService } from './token-service.js';

const secret = 's'.repeat(40);
const claims = { userId: 'u1', tenantId: 't1', roles: ['chair'] as const };

describe('TokenService', () => {
  it('round-trips claims', async () => {
    const now = new Date();
    const service = new TokenService(secret, 900, () => now);
    const { token } = await service.issue({ ...claims, roles: ['chair'] });
    await expect(service.verify(token)).resolves.toEqual({
      userId: 'u1',
      tenantId: 't1',
      roles: ['chair'],
      methods: ['pwd'],
      signedInAt: Math.floor(now.getTime() / 1000),
      expiresAt: new Date((Math.floor(now.getTime() / 1000) + 900) * 1000),
      sessionEndsAt: new Date((Math.floor(now.getTime() / 1000) + 12 * 3600) * 1000),
      expiresInSeconds: 900,
      sessionSecondsLeft: 12 * 3600,
    });
  });

  describe('sliding sessions (WCAG 2.2.1: a time limit the person can extend)', () => {
    const at = (iso: string) => new Date(iso);
    let now = at('2026-03-02T18:00:00Z');
    const service = new TokenService(secret, 900, () => now, 2 * 3600);

    it('renews a token in use: same person and sign-in time, a fresh expiry', async () => {
      now = at('2026-03-02T18:00:00Z');
      const first = await service.issue({ ...claims, roles: ['chair'], methods: ['pwd', 'otp'] });
      now = at('2026-03-02T18:10:00Z');
      const renewed = await service.renew(first.token);
      expect(renewed.expiresAt).toEqual(at('2026-03-02T18:25:00Z'));
      expect(renewed.sessionEndsAt).toEqual(at('2026-03-02T20:00:00Z'));
      await expect(service.verify(renewed.token)).resolves.toMatchObject({
        userId: 'u1',
        roles: ['chair'],
        methods: ['pwd', 'otp'],
        signedInAt: Date.parse('2026-03-02T18:00:00Z') / 1000,
      });
    });

    it('never slides past the maximum after signing in, then refuses to renew', async () => {
      now = at('2026-03-02T18:00:00Z');
      let { token } = await service.issue({ ...claims, roles: ['chair'] });
      for (const minute of [10, 22, 34, 46, 58, 70, 82, 94, 106]) {
        now = new Date(Date.parse('2026-03-02T18:00:00Z') + minute * 60_000);
        ({ token } = await service.renew(token));
      }
      now = at('2026-03-02T19:50:00Z');
      const last = await service.renew(token);
      expect(last.expiresAt).toEqual(at('2026-03-02T20:00:00Z'));
      now = at('2026-03-02T19:59:59Z');
      await expect(service.renew(last.token)).rejects.toBeInstanceOf(SessionAtMaximum);
    });

    it('does not renew an expired token, nor one only for setting up a second factor', async () => {
      now = at('2026-03-02T18:00:00Z');
      const { token } = await service.issue({ ...claims, roles: ['chair'] });
      const enrolment = await service.issue({ ...claims, roles: ['chair'], purpose: 'second-factor-enrolment' });
      await expect(service.renew(enrolment.token)).rejects.toBeInstanceOf(InvalidToken);
      now = at('2026-03-02T18:16:00Z');
      await expect(service.renew(token)).rejects.toThrow('token expired');
    });
  });

  it('refuses expired tokens', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const service = new TokenService(secret, 60, () => now);
    const { token } = await service.issue({ ...claims, roles: ['chair'] });
    now = new Date('2026-01-01T00:02:00Z');
    await expect(service.verify(token)).rejects.toThrow('token expired');
  });

  it('refuses alg none, another key, another audience and a tampered payload', async () => {
    const service = new TokenService(secret, 900);
    const none = new UnsecuredJWT({ tid: 't1', roles: ['admin'] })
      .setSubject('u1')
      .setIssuer('cpb')
      .setAudience('cpb-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    await expect(service.verify(none)).rejects.toBeInstanceOf(InvalidToken);
    const otherKey = await new SignJWT({ tid: 't1', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('cpb')
      .setAudience('cpb-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await expect(service.verify(otherKey)).rejects.toBeInstanceOf(InvalidToken);
    const otherAudience = await new SignJWT({ tid: 't1', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuer('cpb')
      .setAudience('elsewhere')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(service.verify(otherAudience)).rejects.toBeInstanceOf(InvalidToken);
    const { token } = await service.issue({ ...claims, roles: ['member'] });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.roles = ['admin'];
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    await expect(service.verify(tampered)).rejects.toBeInstanceOf(InvalidToken);
  });

  it('carries how the person signed in, and an enrolment token lives at most 10 minutes', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const service = new TokenService(secret, 3600, () => now);
    const full = await service.issue({ ...claims, methods: ['pwd', 'otp'] });
    await expect(service.verify(full.token)).resolves.toMatchObject({ methods: ['pwd', 'otp'] });
    const enrol = await service.issue({ ...claims, purpose: 'second-factor-enrolment' });
    expect(enrol.expiresAt.getTime() - now.getTime()).toBe(600_000);
    expect(full.expiresAt.getTime() - now.getTime()).toBe(3_600_000);
    await expect(service.verify(enrol.token)).resolves.toMatchObject({ purpose: 'second-factor-enrolment' });
  });
});
