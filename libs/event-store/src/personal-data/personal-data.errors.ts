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
