// Receipt codes: how an anonymous young person comes back to their view.
export * from './receipt-code.js';
