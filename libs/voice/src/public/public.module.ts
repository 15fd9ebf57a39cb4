import { Module } from '@nestjs/common';

/** What anyone may read: the public "You said, we did" list. (Placeholder, being built.) */
@Module({})
export class PublicVoiceModule {}
