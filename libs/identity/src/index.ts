export * from './contracts/caller.js';
export * from './domain/roles.js';
export * from './auth/decorators.js';
export * from './auth/token-service.js';
export * from './auth/password-hasher.js';
export * from './staff/identity.service.js';
export * from './staff/tenant.entity.js';
export * from './staff/staff-user.entity.js';
export * from './access-log/access-log.entity.js';
export * from './access-log/access-log.service.js';
export * from './identity.module.js';

import { AccessLogEntity } from './access-log/access-log.entity.js';
import { StaffUserEntity } from './staff/staff-user.entity.js';
import { TenantEntity } from './staff/tenant.entity.js';
export const IDENTITY_ENTITIES = [TenantEntity, StaffUserEntity, AccessLogEntity];
export * from './command-context/command-context.factory.js';
export * from './command-context/request-headers.js';
