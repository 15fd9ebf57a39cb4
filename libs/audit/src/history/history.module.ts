import { Module } from '@nestjs/common';

/** The history of a decision, meeting or view, and time travel. (Placeholder, being built.) */
@Module({})
export class HistoryModule {}
