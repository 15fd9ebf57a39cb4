// Errors of the personal-data layer. Messages never carry personal data or key material.

/** The master key from configuration is missing or malformed. */
export class MasterKeyInvalid extends Error {
  override readonly name = 'MasterKeyInvalid';
}

/** A stored subject key could not be unwrapped: wrong master key, or the stored key was altered. */
export class SubjectKeyUnwrapFailed extends Error {
  override readonly name = 'SubjectKeyUnwrapFailed';
}

/**
 * A sealed value failed authentication or is malformed. This is corruption or tampering, never
 * erasure (an erased subject simply has no key), so it is loud.
 */
export class PersonalDataCorrupted extends Error {
  override readonly name = 'PersonalDataCorrupted';
}

export interface MasterKeyMismatchDetails {
  /** This process's master key, by its non-secret id (MasterKey.id). */
  readonly processKeyId: string;
  /** The id kept with the store's key check value, when it has one. */
  readonly storeKeyId?: string;
  /** A store without a check value: how many of its subject keys were tried, and how many this key opened. */
  readonly sampled?: number;
  readonly opened?: number;
}

/**
 * The master key from configuration is not the one the key store's subject keys are wrapped by. A
 * process with it would seal personal data no other process can open, so it must not start.
 */
export class MasterKeyMismatch extends Error {
  override readonly name = 'MasterKeyMismatch';

  constructor(readonly details: MasterKeyMismatchDetails) {
    super(
      details.storeKeyId !== undefined
        ? `CPB_MASTER_KEY (key id ${details.processKeyId}) is not the master key of this key store ` +
            `(key id ${details.storeKeyId})`
        : `CPB_MASTER_KEY (key id ${details.processKeyId}) opens ${details.opened ?? 0} of the ` +
            `${details.sampled ?? 0} subject keys tried in this key store: they are wrapped by another master key`,
    );
  }
}
