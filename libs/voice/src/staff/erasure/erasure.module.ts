import { Module } from '@nestjs/common';
import { EraseContributionHandler } from './erase-contribution.command.js';
import { ErasureController } from './erasure.controller.js';
import { ReadDatabaseFlusher } from './read-database-flusher.js';
import { SubjectKeyShredder } from './subject-key-shredder.js';

/** Erasure on a valid request: the admin's route, the key's destruction (durable), the read models scrub. */
@Module({
  controllers: [ErasureController],
  providers: [EraseContributionHandler, SubjectKeyShredder, ReadDatabaseFlusher],
  exports: [SubjectKeyShredder],
})
export class ErasureModule {}
