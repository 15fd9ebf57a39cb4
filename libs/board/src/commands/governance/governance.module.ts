import { Module } from '@nestjs/common';

/** Board membership and the meeting cycle: schedule, agenda, open, minutes, close, approve, publish. */
@Module({})
export class GovernanceCommandsModule {}
