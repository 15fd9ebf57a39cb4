import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CheckMyViewPagesController } from './check-my-view-pages.controller.js';
import { CheckSessionStore } from './check-sessions.js';
import { CsrfGuard } from './csrf.guard.js';
import { DraftStore } from './drafts.js';
import { PageRenderer } from './page-renderer.js';
import { PublicPagesController } from './public-pages.controller.js';
import { YoungPeoplePagesController } from './young-people-pages.controller.js';
import { YouSaidWeDidPagesController } from './you-said-we-did-pages.controller.js';

/** The server-rendered pages for young people and the public (apps/web/README.md). */
@Module({
  imports: [CqrsModule],
  controllers: [
    YoungPeoplePagesController,
    CheckMyViewPagesController,
    YouSaidWeDidPagesController,
    PublicPagesController,
  ],
  providers: [
    { provide: PageRenderer, useFactory: () => new PageRenderer() },
    DraftStore,
    CheckSessionStore,
    CsrfGuard,
  ],
  exports: [PageRenderer],
})
export class YoungPeoplePagesModule {}
