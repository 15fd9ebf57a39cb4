import { Module } from '@nestjs/common';
import { BoardRecords } from './board-records.js';
import { MeetingCheck } from './meeting-check.js';
import { RECEIPT_PEPPER, receiptPepperProvider } from './receipt-pepper.provider.js';

/** The injectables several voice modules use: one instance each of the board record checks and the receipt pepper. */
@Module({
  providers: [receiptPepperProvider, MeetingCheck, BoardRecords],
  exports: [RECEIPT_PEPPER, MeetingCheck, BoardRecords],
})
export class VoiceProvidersModule {}
