import { Module } from '@nestjs/common';

/** Young people's own routes (no account): give a view, check it by receipt code, answer, share, withdraw. */
@Module({})
export class YoungPeopleModule {}
