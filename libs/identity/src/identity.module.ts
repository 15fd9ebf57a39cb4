import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessLog } from './contracts/access-log.service.js';
import { AccessLogController } from './read-models/access-log/access-log.controller.js';
import { AccessLogReview } from './read-models/access-log/access-log-review.js';
import { CommandContextFactory } from './contracts/command-context.factory.js';
import { StaffDirectory } from './contracts/staff-directory.js';
import { AuthGuard } from './contracts/auth.guard.js';
import { SignInLockout } from './commands/sign-in/sign-in-lockout.js';
import { OidcController } from './commands/sign-in-with-council/oidc.controller.js';
import { OidcSignInService } from './commands/sign-in-with-council/oidc-sign-in.service.js';
import { SecondFactorController } from './commands/set-up-second-factor/set-up-second-factor.controller.js';
import { SecondFactorService } from './commands/set-up-second-factor/second-factor.service.js';
import { SignInController } from './commands/sign-in/sign-in.controller.js';
import { IdentityService } from './contracts/identity.service.js';
import { ListOfficersHandler } from './read-models/officers/list-officers.query.js';
import { StaffDirectoryController } from './read-models/officers/officers.controller.js';
import { ChangeStaffAccountHandler, ListStaffAccountsHandler } from './commands/change-staff-account/change-staff-account.command.js';
import { AddStaffAccountHandler, CreateBoardTenantHandler } from './commands/add-staff-account/add-staff-account.command.js';
import { StaffAccountsController } from './commands/change-staff-account/change-staff-account.controller.js';

/** Needs a TokenService, a Clock, IDENTITY_SETTINGS, the EVENT_STORE and a TypeORM DataSource provided by the app. */
@Global()
@Module({
  controllers: [
    SignInController,
    SecondFactorController,
    OidcController,
    StaffDirectoryController,
    StaffAccountsController,
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
    CommandContextFactory,
    StaffDirectory,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, AccessLog, AccessLogReview, CommandContextFactory, StaffDirectory],
})
export class IdentityModule {}
