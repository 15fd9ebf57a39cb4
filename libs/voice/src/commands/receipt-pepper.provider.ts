import type { Provider } from '@nestjs/common';
import { ServerPepper } from '#platform';

/** The server-side secret under which receipt codes are hashed (never stored beside the hashes). */
export const RECEIPT_PEPPER = Symbol('RECEIPT_PEPPER');

// The install's own (CPB_RECEIPT_PEPPER, or generated into DATA_DIR/secrets.json): never a constant in the
// code, which anyone holding an export could use to test codes against the stored hashes.
export const receiptPepperProvider: Provider = {
  provide: RECEIPT_PEPPER,
  useFactory: (pepper: ServerPepper): string => pepper.secret,
  inject: [ServerPepper],
};
