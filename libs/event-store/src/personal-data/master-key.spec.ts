import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { MasterKey } from './master-key.js';
import { MasterKeyInvalid, SubjectKeyUnwrapFailed } from './personal-data.errors.js';

describe('MasterKey', () => {
  it('reads 32 bytes of base64 from configuration', () => {
    const text = randomBytes(32).toString('base64');
    const master = MasterKey.fromBase64(`  ${text}\n`);
    const key = randomBytes(32);
    expect(master.unwrap('yp-1', master.wrap('yp-1', key))).toEqual(key);
  });

  it.each([
    ['unset', undefined, /CPB_MASTER_KEY is not set/],
    ['empty', '   ', /CPB_MASTER_KEY is not set/],
    ['not base64', 'this is not base64!', /CPB_MASTER_KEY is not valid base64/],
    ['too short', randomBytes(16).toString('base64'), /CPB_MASTER_KEY must decode to 32 bytes .*got 16/],
    ['too long', randomBytes(48).toString('base64'), /CPB_MASTER_KEY must decode to 32 bytes .*got 48/],
  ])('rejects a master key that is %s with a message naming the variable', (_case, text, message) => {
    expect(() => MasterKey.fromBase64(text)).toThrow(MasterKeyInvalid);
    expect(() => MasterKey.fromBase64(text)).toThrow(message);
  });

  it('stores a subject key only wrapped: the wrapped form does not contain the key', () => {
    const key = randomBytes(32);
    const wrapped = MasterKey.generate().wrap('yp-1', key);
    expect(wrapped.includes(key)).toBe(false);
    expect(wrapped.length).toBe(1 + 12 + 16 + 32);
  });

  it('fails to unwrap with a different master key, with a clear error', () => {
    const wrapped = MasterKey.generate().wrap('yp-1', randomBytes(32));
    const other = MasterKey.generate();
    expect(() => other.unwrap('yp-1', wrapped)).toThrow(SubjectKeyUnwrapFailed);
    expect(() => other.unwrap('yp-1', wrapped)).toThrow(/CPB_MASTER_KEY is not the master key it was wrapped with/);
  });

  it('binds a wrapped key to its subject', () => {
    const master = MasterKey.generate();
    const wrapped = master.wrap('yp-1', randomBytes(32));
    expect(() => master.unwrap('yp-2', wrapped)).toThrow(SubjectKeyUnwrapFailed);
  });

  it('rejects a wrapped key that was altered', () => {
    const master = MasterKey.generate();
    const wrapped = master.wrap('yp-1', randomBytes(32));
    wrapped[wrapped.length - 1]! ^= 0x01;
    expect(() => master.unwrap('yp-1', wrapped)).toThrow(SubjectKeyUnwrapFailed);
    expect(() => master.unwrap('yp-1', wrapped.subarray(0, 20))).toThrow(/unknown format/);
  });

  it('has a key check value and an id that tell keys apart and reveal neither', () => {
    const text = randomBytes(32).toString('base64');
    const master = MasterKey.fromBase64(text);
    const same = MasterKey.fromBase64(text);
    const other = MasterKey.generate();
    expect(master.checkValue()).toEqual(same.checkValue());
    expect(master.checkValue().length).toBe(32);
    expect(master.matchesCheckValue(same.checkValue())).toBe(true);
    expect(master.matchesCheckValue(other.checkValue())).toBe(false);
    expect(master.matchesCheckValue(master.checkValue().subarray(0, 16))).toBe(false);
    expect(master.id).toMatch(/^[0-9a-f]{16}$/);
    expect(master.id).toBe(same.id);
    expect(master.id).not.toBe(other.id);
    const key = Buffer.from(text, 'base64');
    expect(master.checkValue().includes(key.subarray(0, 8))).toBe(false);
    expect(master.checkValue().toString('hex')).not.toContain(master.id);
  });

  it('keeps its bytes out of logs', () => {
    const text = randomBytes(32).toString('base64');
    const master = MasterKey.fromBase64(text);
    expect(inspect(master)).not.toContain(text);
    expect(JSON.stringify({ master })).not.toContain(text);
  });
});
