import { randomBytes } from 'node:crypto';
import { KEY_BYTES } from './master-key.js';
import type { SubjectKeyStore } from './subject-key-store.port.js';

/** For unit tests and given/when/then helpers: keys live in process memory only. */
export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly keys = new Map<string, Buffer>();

  async getOrCreate(subject: string): Promise<Buffer> {
    let key = this.keys.get(subject);
    if (key === undefined) {
      key = randomBytes(KEY_BYTES);
      this.keys.set(subject, key);
    }
    // Copies, so wiping a destroyed key never changes a buffer a caller still holds.
    return Buffer.from(key);
  }

  async getMany(subjects: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    for (const subject of subjects) {
      const key = this.keys.get(subject);
      if (key !== undefined) found.set(subject, Buffer.from(key));
    }
    return found;
  }

  async destroy(subject: string): Promise<boolean> {
    const key = this.keys.get(subject);
    key?.fill(0);
    return this.keys.delete(subject);
  }
}
