import { Module } from '@nestjs/common';
import { BoardRecords } from './board-records.js';
import { MeetingCheck } from './meeting-check.js';
import { RECEIPT_PEPPER, receiptPepperProvider } from './receipt-pepper.provider.js';

/** What several voice modules use: one instance each of the writer, the record checks and the pepper. */
@Module({
  providers: [receiptPepperProvider, MeetingCheck, BoardRecords],
  exports: [RECEIPT_PEPPER, MeetingCheck, BoardRecords],
})
export class VoiceSharedModule {}
