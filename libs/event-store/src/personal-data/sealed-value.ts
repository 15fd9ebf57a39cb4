/** What a personal value is replaced with in stored data: AES-256-GCM under its subject's key. */
export interface SealedValue {
  readonly $pd: {
    /** Subject id: which key opens it. */
    readonly s: string;
    /** Format version. */
    readonly v: 1;
    readonly iv: string;
    readonly tag: string;
    /** Ciphertext of the value's JSON text. */
    readonly ct: string;
  };
}

/** What a reader gets where a value's subject has been erased. */
export interface ErasedValue {
  readonly $erased: true;
}

export const ERASED: ErasedValue = Object.freeze({ $erased: true as const });

/**
 * What a reader gets where a value could not be opened although its subject was not erased: its key does
 * not unwrap under this master key (wrapped by another one), or the value does not authenticate (altered).
 * Readers treat it as they treat ERASED (the words are not available); the event says why (`unreadable`).
 */
export interface UnreadableValue {
  readonly $unreadable: true;
}

export const UNREADABLE: UnreadableValue = Object.freeze({ $unreadable: true as const });

export function isUnreadable(value: unknown): value is UnreadableValue {
  return isPlainObject(value) && value['$unreadable'] === true && Object.keys(value).length === 1;
}

export function isErased(value: unknown): value is ErasedValue {
  return isPlainObject(value) && value['$erased'] === true && Object.keys(value).length === 1;
}

export function isSealed(value: unknown): value is SealedValue {
  // `$pd` first: most nodes of a data tree have none, and are turned away without listing their keys.
  if (!isPlainObject(value) || !Object.hasOwn(value, '$pd') || Object.keys(value).length !== 1) return false;
  const inner = value['$pd'];
  return isPlainObject(inner) && typeof inner['s'] === 'string';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
