import { Module } from '@nestjs/common';

/** Meetings list and calendar, meeting detail, decisions register, action log. */
@Module({})
export class BoardReadModelsModule {}
