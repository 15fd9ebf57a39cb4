import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AccessLog, CurrentCaller, Public, Roles, type Caller } from '#identity';
import { IntegrityService, type IntegrityCheck } from './integrity.service.js';

export interface PublicKeyAnswer {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  readonly publicKeyPem: string;
}

@ApiTags('audit')
@Controller('api/audit')
export class IntegrityController {
  constructor(
    private readonly integrity: IntegrityService,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('integrity')
  @ApiBearerAuth()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "Verify the event log's hash chain; reports the first break (the read is recorded)" })
  async verify(@CurrentCaller() caller: Caller): Promise<IntegrityCheck> {
    const report = await this.integrity.verify(caller.tenantId);
    await this.accessLog.record(caller, 'audit-integrity-verify', 'event-log', [caller.tenantId]);
    return report;
  }

  /** A public key is public: anyone holding a bundle must be able to check it without an account. */
  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 public key that signs export bundles (public)' })
  @ApiOkResponse({ description: '{ algorithm, keyId, publicKeyPem }' })
  publicKey(): PublicKeyAnswer {
    const key = this.integrity.signingKey();
    return { algorithm: 'Ed25519', keyId: key.keyId, publicKeyPem: key.publicKeyPem };
  }

  @Get('export')
  @ApiBearerAuth()
  @ApiProduces('application/x-ndjson')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "The caller's tenant's events as a signed JSON Lines bundle (other tenants' events are opaque gaps)",
  })
  async export(@CurrentCaller() caller: Caller): Promise<StreamableFile> {
    await this.accessLog.record(caller, 'audit-export-bundle', 'event-log', [caller.tenantId]);
    const body = await this.integrity.exportTenant(caller.tenantId);
    return new StreamableFile(body, {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="audit-bundle-${caller.tenantId}.jsonl"`,
    });
  }
}
