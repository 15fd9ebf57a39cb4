import { Module } from '@nestjs/common';
import { ContributionWriter } from './contribution-writer.js';
import { MeetingCheck } from './meeting-check.js';
import { RECEIPT_PEPPER, receiptPepperProvider } from './receipt-pepper.provider.js';

/** What several voice modules use: one instance each of the writer, the meeting check and the pepper. */
@Module({
  providers: [receiptPepperProvider, ContributionWriter, MeetingCheck],
  exports: [RECEIPT_PEPPER, ContributionWriter, MeetingCheck],
})
export class VoiceSharedModule {}
