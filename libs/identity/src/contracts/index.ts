// What another context may use of identity, and nothing else: other libraries import it as #identity/contracts.
export * from './access-log.service.js';
export * from './auth.guard.js';
export * from './caller.js';
export * from './command-context.factory.js';
export * from './identity.service.js';
export * from './request-headers.js';
export * from './roles.js';
export * from './route-access.js';
export * from './staff-directory.js';
export * from './staff-session-cookie.js';
