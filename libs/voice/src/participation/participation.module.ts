import { Module } from '@nestjs/common';

/** Calls for views (staff open and close them; anyone lists the open ones) and views given on a young person's behalf. (Placeholder, being built.) */
@Module({})
export class ParticipationModule {}
