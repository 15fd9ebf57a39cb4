import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessLog } from './access-log/access-log.service.js';
import { AccessLogController } from './access-log/access-log.controller.js';
import { AccessLogReview } from './access-log/access-log-review.js';
import { CommandContextFactory } from './command-context/command-context.factory.js';
import { StaffDirectory } from './contracts/staff-directory.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SignInLockout } from './lockout/sign-in-lockout.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';
import { SecondFactorController } from './second-factor/second-factor.controller.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { IdentityService } from './staff/identity.service.js';
import { ListOfficersHandler } from './staff/list-officers.query.js';
import { StaffDirectoryController } from './staff/staff-directory.controller.js';
import { ChangeStaffAccountHandler, ListStaffAccountsHandler } from './staff/staff-accounts.handlers.js';
import { AddStaffAccountHandler, CreateBoardTenantHandler } from './staff/staff-onboarding.handlers.js';
import { StaffAccountsController } from './staff/staff-accounts.controller.js';
import { ListBoardsHandler } from './read-models/boards/list-boards.query.js';

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
    ListBoardsHandler,
    CommandContextFactory,
    StaffDirectory,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, AccessLog, AccessLogReview, CommandContextFactory, StaffDirectory],
})
export class IdentityModule {}
