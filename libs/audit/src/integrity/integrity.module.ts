import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityService } from './integrity.service.js';

/** Hash-chain verification and signed export bundles for auditors (docs/audit.md, ADR 0008). */
@Module({
  controllers: [IntegrityController],
  providers: [IntegrityService],
})
export class IntegrityModule {}
