import type { FastifyReply } from 'fastify';
import {
  clearStaffSessionCookie,
  servedOverHttps,
  setStaffSessionCookie,
  staffSessionToken,
} from './staff-session-cookie.js';

/** A reply that keeps the Set-Cookie headers it is given. */
function reply(): FastifyReply & { cookies: string[] } {
  const cookies: string[] = [];
  return { cookies, header: (_name: string, value: string) => cookies.push(value) } as unknown as FastifyReply & {
    cookies: string[];
  };
}

describe('the staff session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, as long as the token lives, and Secure over https', () => {
    const secure = reply();
    setStaffSessionCookie(secure, { token: 'a.b.c', expiresInSeconds: 900 }, true);
    expect(secure.cookies).toEqual(['cpb_staff_session=a.b.c; Path=/; Max-Age=900; HttpOnly; SameSite=Strict; Secure']);
    const plain = reply();
    setStaffSessionCookie(plain, { token: 'a.b.c', expiresInSeconds: 899.6 }, false);
    expect(plain.cookies).toEqual(['cpb_staff_session=a.b.c; Path=/; Max-Age=899; HttpOnly; SameSite=Strict']);
  });

  it('is emptied and expired on signing out', () => {
    const out = reply();
    clearStaffSessionCookie(out, true);
    expect(out.cookies).toEqual(['cpb_staff_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict; Secure']);
  });

  it('is read from the request among other cookies, and an empty one is none', () => {
    expect(staffSessionToken({ headers: { cookie: 'cpb-lang=cy; cpb_staff_session=x.y=.z; other=1' } })).toBe('x.y=.z');
    expect(staffSessionToken({ headers: { cookie: 'cpb_staff_session=' } })).toBeUndefined();
    expect(staffSessionToken({ headers: {} })).toBeUndefined();
  });

  it('is Secure when the public address is https, else when the request came by https', () => {
    expect(servedOverHttps({ protocol: 'http' }, 'https://board.example')).toBe(true);
    expect(servedOverHttps({ protocol: 'https' })).toBe(true);
    expect(servedOverHttps({ protocol: 'http' })).toBe(false);
  });
});
