import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessLog } from './access-log/access-log.service.js';
import { CommandContextFactory } from './command-context/command-context.factory.js';
import { AuthGuard } from './auth/auth.guard.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { IdentityService } from './staff/identity.service.js';
import { StaffDirectoryController } from './staff/staff-directory.controller.js';

/** Needs a TokenService, a Clock and a TypeORM DataSource provided by the app. */
@Global()
@Module({
  controllers: [SignInController, StaffDirectoryController],
  providers: [IdentityService, AccessLog, CommandContextFactory, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [IdentityService, AccessLog, CommandContextFactory],
})
export class IdentityModule {}
