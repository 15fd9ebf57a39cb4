import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AddStaffAccountHandler } from './commands/add-staff-account/add-staff-account.command.js';
import { ChangeStaffAccountHandler } from './commands/change-staff-account/change-staff-account.command.js';
import { ChangeStaffAccountController } from './commands/change-staff-account/change-staff-account.controller.js';
import { CreateBoardTenantHandler } from './commands/create-board-tenant/create-board-tenant.command.js';
import { RenewSessionController } from './commands/renew-session/renew-session.controller.js';
import { ResetSecondFactorController } from './commands/reset-second-factor/reset-second-factor.controller.js';
import { SecondFactorService } from './commands/set-up-second-factor/second-factor.service.js';
import { SetUpSecondFactorController } from './commands/set-up-second-factor/set-up-second-factor.controller.js';
import { SignInLockout } from './commands/sign-in/sign-in-lockout.js';
import { SignInController } from './commands/sign-in/sign-in.controller.js';
import { OidcSignInService } from './commands/sign-in-with-council/oidc-sign-in.service.js';
import { OidcController } from './commands/sign-in-with-council/oidc.controller.js';
import { AccessLog } from './contracts/access-log.service.js';
import { AuthGuard } from './contracts/auth.guard.js';
import { CommandContextFactory } from './contracts/command-context.factory.js';
import { IdentityService } from './contracts/identity.service.js';
import { StaffDirectory } from './contracts/staff-directory.js';
import { AccessLogReview } from './read-models/access-log/access-log-review.js';
import { AccessLogController } from './read-models/access-log/access-log.controller.js';
import { ListBoardsHandler } from './read-models/boards/list-boards.query.js';
import { ListOfficersHandler } from './read-models/officers/list-officers.query.js';
import { OfficersController } from './read-models/officers/officers.controller.js';
import { SignedInCallerController } from './read-models/signed-in-caller/signed-in-caller.controller.js';
import { ListStaffAccountsHandler } from './read-models/staff-accounts/list-staff-accounts.query.js';
import { StaffAccountsController } from './read-models/staff-accounts/staff-accounts.controller.js';

/** Needs a TokenService, a Clock, IDENTITY_SETTINGS, the EVENT_STORE and a TypeORM DataSource provided by the app. */
@Global()
@Module({
  // In the order the routes were registered before they were split by use case.
  controllers: [
    SignInController,
    RenewSessionController,
    SignedInCallerController,
    SetUpSecondFactorController,
    ResetSecondFactorController,
    OidcController,
    OfficersController,
    StaffAccountsController,
    ChangeStaffAccountController,
    AccessLogController,
  ],
  providers: [
    IdentityService,
    SignInLockout,
    SecondFactorService,
    OidcSignInService,
    AccessLog,
    AccessLogReview,
    ChangeStaffAccountHandler,
    ListStaffAccountsHandler,
    CreateBoardTenantHandler,
    AddStaffAccountHandler,
    ListOfficersHandler,
    ListBoardsHandler,
    CommandContextFactory,
    StaffDirectory,
    AuthGuard,
    // The same instance the staff pages' guard asks (their session comes in a cookie, ADR 0026).
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [AuthGuard, IdentityService, AccessLog, AccessLogReview, CommandContextFactory, StaffDirectory],
})
export class IdentityModule {}
