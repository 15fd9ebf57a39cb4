import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccessLog, type Caller } from '#identity/contracts';
import { IntegrityService, type IntegrityCheck } from './integrity.service.js';

// The auditor's integrity reads, through the QueryBus like every other read (docs/adr/0023): each
// records itself in the access log, as every audit read is.

/** The board's events checked against the chain since the last verified, signed checkpoint. */
export class CheckIntegrity extends Query<IntegrityCheck> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(CheckIntegrity)
export class CheckIntegrityHandler implements IQueryHandler<CheckIntegrity, IntegrityCheck> {
  constructor(
    private readonly integrity: IntegrityService,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller }: CheckIntegrity): Promise<IntegrityCheck> {
    const report = await this.integrity.verify(caller.tenantId);
    await this.accessLog.record(caller, 'audit-integrity-verify', 'event-log', [caller.tenantId]);
    return report;
  }
}

/** The board's events as a signed JSON Lines bundle (other boards' events are opaque gaps). */
export class ExportAuditBundle extends Query<Readable> {
  constructor(readonly caller: Caller) {
    super();
  }
}

@Injectable()
@QueryHandler(ExportAuditBundle)
export class ExportAuditBundleHandler implements IQueryHandler<ExportAuditBundle, Readable> {
  constructor(
    private readonly integrity: IntegrityService,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ caller }: ExportAuditBundle): Promise<Readable> {
    // Recorded before the first byte: an export cut short was still a read of the board's log.
    await this.accessLog.record(caller, 'audit-export-bundle', 'event-log', [caller.tenantId]);
    return this.integrity.exportTenant(caller.tenantId);
  }
}

export interface PublicKeyAnswer {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly publicKeyPem: string;
}

/** The public key that signs bundles: public, so anyone holding a bundle can check it. */
export class GetSigningKey extends Query<PublicKeyAnswer> {}

@Injectable()
@QueryHandler(GetSigningKey)
export class GetSigningKeyHandler implements IQueryHandler<GetSigningKey, PublicKeyAnswer> {
  constructor(private readonly integrity: IntegrityService) {}

  execute(): Promise<PublicKeyAnswer> {
    const key = this.integrity.signingKey();
    return Promise.resolve({ algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem });
  }
}
