import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller.js';
import { CheckIntegrityHandler, ExportAuditBundleHandler, GetSigningKeyHandler } from './integrity.queries.js';
import { IntegrityService } from './integrity.service.js';

/** Hash-chain verification and signed export bundles for auditors (docs/audit.md, ADR 0008). */
@Module({
  controllers: [IntegrityController],
  providers: [IntegrityService, CheckIntegrityHandler, ExportAuditBundleHandler, GetSigningKeyHandler],
})
export class IntegrityModule {}
