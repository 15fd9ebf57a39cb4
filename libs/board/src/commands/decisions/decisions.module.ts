import { Module } from '@nestjs/common';

/** Decisions with their voice evidence, amendments, and the actions they assign. */
@Module({})
export class DecisionCommandsModule {}
