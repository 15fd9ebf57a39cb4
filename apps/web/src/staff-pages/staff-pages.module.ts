import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CsrfGuard } from '../pages/csrf.guard.js';
import { YoungPeoplePagesModule } from '../pages/young-people-pages.module.js';
import { AuditPagesController } from './audit-pages.controller.js';
import { SignOutPageController } from './sign-out-page.controller.js';
import { StaffPageAccess, StaffSessionGuard } from './staff-session.guard.js';
import { StaffPages } from './staff-pages.js';

/**
 * The server-rendered staff pages (docs/adr/0026-server-rendered-staff-pages.md): so far the inspector's
 * read-only pages and sign out. Their session is the staff session cookie set at sign-in.
 */
@Module({
  imports: [CqrsModule, YoungPeoplePagesModule],
  controllers: [AuditPagesController, SignOutPageController],
  providers: [StaffPageAccess, StaffSessionGuard, StaffPages, CsrfGuard],
  exports: [StaffPageAccess, StaffPages],
})
export class StaffPagesModule {}
