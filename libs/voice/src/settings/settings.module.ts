import { Module } from '@nestjs/common';

/** A board's voice settings: screening rules, safeguarding owners and deadline, invite codes. (Placeholder, being built.) */
@Module({})
export class VoiceSettingsModule {}
