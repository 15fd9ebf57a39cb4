import { IsNull, Not, type DataSource } from 'typeorm';
import { StaffUserEntity } from '../staff-user.entity.js';
import { SecretSealer } from '../set-up-second-factor/secret-sealer.js';

/**
 * Master key rotation for the second factor: every staff member's TOTP secret (and one being set up)
 * sealed again under the key derived from the new master key, in one transaction. Secrets already
 * sealed under the new key (a rotation run again after a failure) are left as they are.
 */
export async function resealSecondFactorSecrets(
  dataSource: DataSource,
  currentKey: Buffer,
  nextKey: Buffer,
): Promise<{ resealed: number; alreadyRotated: number }> {
  const current = new SecretSealer(currentKey);
  const next = new SecretSealer(nextKey);
  const again = (owner: string, sealed: string | null): string | null | undefined => {
    if (sealed === null) return null;
    try {
      return next.seal(owner, current.open(owner, sealed));
    } catch (error) {
      try {
        next.open(owner, sealed);
        return undefined;
      } catch {
        throw error;
      }
    }
  };
  return dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(StaffUserEntity);
    const users = await repo.find({ where: [{ totpSecret: Not(IsNull()) }, { totpPending: Not(IsNull()) }] });
    const counts = { resealed: 0, alreadyRotated: 0 };
    for (const user of users) {
      const totpSecret = again(user.id, user.totpSecret);
      const totpPending = again(user.id, user.totpPending);
      if (totpSecret === undefined && totpPending === undefined) {
        counts.alreadyRotated += 1;
        continue;
      }
      await repo.update(
        { id: user.id },
        {
          ...(totpSecret !== undefined ? { totpSecret } : {}),
          ...(totpPending !== undefined ? { totpPending } : {}),
        },
      );
      counts.resealed += 1;
    }
    return counts;
  });
}
