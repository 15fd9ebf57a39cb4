// The door for apps/ and the tests. Other contexts import only #identity/contracts.
export * from './contracts/index.js';
// The boards on this install, slug and name only, for the site's home page (apps/web).
export { ListBoards, type PublicBoard } from './read-models/boards/list-boards.query.js';
export * from './identity.module.js';

// For apps/ (the api's wiring, the CLI, the demo seeding) and the end-to-end tests.
export * from './commands/identity-settings.js';
export * from './commands/token-service.js';
export * from './commands/password-hasher.js';
export * from './commands/tenant.entity.js';
export { CreateBoardTenant } from './commands/create-board-tenant/create-board-tenant.command.js';
export { AddStaffAccount, type StaffAccountAdded } from './commands/add-staff-account/add-staff-account.command.js';
export * from './commands/change-staff-account/change-staff-account.command.js';
export {
  ListStaffAccounts,
  ListStaffAccountsHandler,
  type StaffAccountView,
} from './read-models/staff-accounts/list-staff-accounts.query.js';
export * from './commands/set-up-second-factor/totp.js';
export * from './commands/reseal-second-factor-secrets/reseal-second-factor-secrets.js';
export * from './commands/sign-in-with-council/oidc-sign-in.service.js';
export * from './domain/staff-accounts.events.js';
export * from './read-models/access-log/access-log.entity.js';
export * from './read-models/access-log/access-log-review.js';
export * from './read-models/access-log/access-log-purposes.js';

import { SignInFailureEntity } from './commands/sign-in/sign-in-failure.entity.js';
import { StaffUserEntity } from './commands/staff-user.entity.js';
import { TenantEntity } from './commands/tenant.entity.js';
import { AccessLogEntity } from './read-models/access-log/access-log.entity.js';
export const IDENTITY_ENTITIES = [TenantEntity, StaffUserEntity, AccessLogEntity, SignInFailureEntity];
