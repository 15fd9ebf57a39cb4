import type { Provider } from '@nestjs/common';

/** The server-side secret under which receipt codes are hashed (never stored beside the hashes). */
export const RECEIPT_PEPPER = Symbol('RECEIPT_PEPPER');

// Development default only: production sets CPB_RECEIPT_PEPPER (at least 16 bytes) from its secrets.
const DEV_PEPPER = 'dev-only-receipt-pepper-change-me';

export const receiptPepperProvider: Provider = {
  provide: RECEIPT_PEPPER,
  useFactory: (): string => process.env.CPB_RECEIPT_PEPPER || DEV_PEPPER,
};
