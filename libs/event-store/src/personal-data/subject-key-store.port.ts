/**
 * Per-subject data keys (32 random bytes each). Erasing a subject destroys its key, which makes
 * every sealed value of that subject unreadable forever (crypto-shredding), while the stored events,
 * and so the hash chain, stay untouched.
 */
export interface SubjectKeyStore {
  /** The subject's key, created on first use. Concurrent callers converge on one key. */
  getOrCreate(subject: string): Promise<Buffer>;
  /** Keys of the subjects that still have one, in one round trip; erased subjects are absent. */
  getMany(subjects: readonly string[]): Promise<Map<string, Buffer>>;
  /** Destroys the subject's key; true when there was one. */
  destroy(subject: string): Promise<boolean>;
}
