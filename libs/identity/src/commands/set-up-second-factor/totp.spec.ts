import { acceptedTotpStep, newTotpSecret, totpCode, totpUri } from './totp.js';

describe('TOTP', () => {
  const secret = newTotpSecret();
  const at = new Date('2026-03-02T09:00:10.000Z');

  it('accepts the code of now and of one step either side, and refuses others', () => {
    const step = Math.floor(at.getTime() / 30_000);
    expect(acceptedTotpStep(secret, totpCode(secret, at), at, null)).toBe(step);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at, null)).toBe(step + 1);
    expect(acceptedTotpStep(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
    expect(acceptedTotpStep(newTotpSecret(), totpCode(secret, at), at, null)).toBeNull();
  });

  it('refuses a code already used (its step or an earlier one), and anything but six digits', () => {
    const code = totpCode(secret, at);
    const step = acceptedTotpStep(secret, code, at, null)!;
    expect(acceptedTotpStep(secret, code, at, step)).toBeNull();
    expect(acceptedTotpStep(secret, ` ${code}`, at, null)).toBeNull();
    expect(acceptedTotpStep(secret, '12345', at, null)).toBeNull();
  });

  it('gives an otpauth address an authenticator app can scan', () => {
    const uri = new URL(totpUri(secret, 'chair@northshire.example'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});
