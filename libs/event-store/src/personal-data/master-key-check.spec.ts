import { randomBytes } from 'node:crypto';
import { MasterKey } from './master-key.js';
import { checkBeforeRotation, judgeUncheckedStore, verifyAgainstCheck } from './master-key-check.js';
import { MasterKeyMismatch } from './personal-data.errors.js';

const rows = (master: MasterKey, count: number, prefix = 'yp') =>
  Array.from({ length: count }, (_, i) => ({
    subject_id: `${prefix}-${i}`,
    wrapped_key: master.wrap(`${prefix}-${i}`, randomBytes(32)),
  }));

const checkOf = (master: MasterKey) => ({ key_id: master.id, check_value: master.checkValue() });

describe('the key check value', () => {
  const mine = MasterKey.generate();
  const theirs = MasterKey.generate();

  it('accepts the key it was made with, and refuses another, naming both key ids only', () => {
    expect(verifyAgainstCheck(mine, checkOf(mine))).toEqual({
      keyId: mine.id,
      recorded: false,
      sampled: 0,
      strayKeys: 0,
    });
    const refused = (() => {
      try {
        verifyAgainstCheck(theirs, checkOf(mine));
      } catch (error) {
        return error as MasterKeyMismatch;
      }
      throw new Error('not refused');
    })();
    expect(refused).toBeInstanceOf(MasterKeyMismatch);
    expect(refused.details).toEqual({ processKeyId: theirs.id, storeKeyId: mine.id });
    expect(refused.message).toBe(
      `CPB_MASTER_KEY (key id ${theirs.id}) is not the master key of this key store (key id ${mine.id})`,
    );
  });

  it('gives a store without one a check value only for a key that opens its subject keys', () => {
    expect(judgeUncheckedStore(mine, [])).toMatchObject({ recorded: true, sampled: 0, strayKeys: 0 });
    expect(judgeUncheckedStore(mine, rows(mine, 5))).toMatchObject({ recorded: true, sampled: 5, strayKeys: 0 });
    // The incident's store: most keys are the store's, a few another process wrapped.
    expect(judgeUncheckedStore(mine, [...rows(mine, 5), ...rows(theirs, 2, 'stray')])).toMatchObject({
      sampled: 7,
      strayKeys: 2,
    });
    // ...which that other process's key may not claim.
    expect(() => judgeUncheckedStore(theirs, [...rows(mine, 5), ...rows(theirs, 2, 'stray')])).toThrow(
      /opens 2 of the 7 subject keys tried/,
    );
    expect(() => judgeUncheckedStore(theirs, rows(mine, 3))).toThrow(MasterKeyMismatch);
  });

  it('lets a rotation run from the current key, or again once the store moved to the next key', () => {
    const next = MasterKey.generate();
    expect(() => checkBeforeRotation(mine, next, undefined)).not.toThrow();
    expect(() => checkBeforeRotation(mine, next, checkOf(mine))).not.toThrow();
    expect(() => checkBeforeRotation(mine, next, checkOf(next))).not.toThrow();
    expect(() => checkBeforeRotation(theirs, next, checkOf(mine))).toThrow(MasterKeyMismatch);
  });
});
