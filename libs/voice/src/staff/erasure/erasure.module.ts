import { Module } from '@nestjs/common';

/** Erasure on a valid request: staff route, key destruction, scrubbing. (Placeholder, being built.) */
@Module({})
export class ErasureModule {}
