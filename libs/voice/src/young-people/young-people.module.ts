import { Module } from '@nestjs/common';
import { VoiceSettingsModule } from '../settings/settings.module.js';
import { GiveViewHandler } from './give-view/give-view.command.js';
import { GiveViewController } from './give-view/give-view.controller.js';
import { ActOnMyViewHandler } from './my-view/author-commands.js';
import { CheckViewHandler } from './my-view/check-view.query.js';
import { ModerationForAuthor } from './my-view/moderation-for-author.js';
import { MyViewController } from './my-view/my-view.controller.js';
import { ReceiptLookup } from './receipts/receipt-lookup.js';
import { MyViewJourneys } from './journey/my-view-journey.reader.js';
import { BoardOutcomes } from '../read-models/board-outcomes/board-outcomes.reader.js';
import { VoiceProvidersModule } from '../voice-providers/voice-providers.module.js';

/** Young people's own routes (no account): give a view, check it by receipt code, answer, share, withdraw. */
@Module({
  imports: [VoiceSettingsModule, VoiceProvidersModule],
  controllers: [GiveViewController, MyViewController],
  providers: [
    ReceiptLookup,
    ModerationForAuthor,
    MyViewJourneys,
    BoardOutcomes,
    GiveViewHandler,
    CheckViewHandler,
    ActOnMyViewHandler,
  ],
})
export class YoungPeopleModule {}
