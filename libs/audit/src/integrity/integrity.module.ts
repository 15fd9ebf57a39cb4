import { Module } from '@nestjs/common';

/** Hash-chain verification and signed export bundles for auditors. (Placeholder, being built.) */
@Module({})
export class IntegrityModule {}
