import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentCaller, Public, Roles, type Caller } from '#identity/contracts';
import { CheckIntegrity, ExportAuditBundle, GetSigningKey, type PublicKeyAnswer } from './integrity.queries.js';
import type { IntegrityCheck } from './integrity.service.js';

@ApiTags('audit')
@Controller('api/audit')
export class IntegrityController {
  constructor(private readonly queries: QueryBus) {}

  @Get('integrity')
  @ApiBearerAuth()
  @Roles('auditor', 'admin')
  @ApiOperation({ summary: "Verify the event log's hash chain; reports the first break (the read is recorded)" })
  verify(@CurrentCaller() caller: Caller): Promise<IntegrityCheck> {
    return this.queries.execute(new CheckIntegrity(caller));
  }

  /** A public key is public: anyone holding a bundle must be able to check it without an account. */
  @Get('public-key')
  @Public()
  @ApiOperation({ summary: 'The Ed25519 public key that signs export bundles (public)' })
  @ApiOkResponse({ description: '{ algorithm, keyId, publicKeyPem }' })
  publicKey(): Promise<PublicKeyAnswer> {
    return this.queries.execute(new GetSigningKey());
  }

  @Get('export')
  @ApiBearerAuth()
  @ApiProduces('application/x-ndjson')
  @Roles('auditor', 'admin')
  @ApiOperation({
    summary: "The caller's tenant's events as a signed JSON Lines bundle (other tenants' events are opaque gaps)",
  })
  async export(@CurrentCaller() caller: Caller): Promise<StreamableFile> {
    const body = await this.queries.execute(new ExportAuditBundle(caller));
    return new StreamableFile(body, {
      type: 'application/x-ndjson',
      disposition: `attachment; filename="audit-bundle-${caller.tenantId}.jsonl"`,
    });
  }
}
