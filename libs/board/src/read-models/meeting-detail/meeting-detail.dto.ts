import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AGENDA_ITEM_PURPOSES, ATTENDANCE_STATUSES, DECISION_KINDS } from '../../domain/index.js';
import { LISTED_MEETING_STATUSES } from '../meeting-status.js';
import { ID_MESSAGE, ID_PATTERN } from '#platform';

export class MeetingIdParams {
  @ApiProperty()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  id!: string;
}

export class PaperView {
  @ApiProperty() title!: string;
  @ApiPropertyOptional() link?: string;
  @ApiPropertyOptional({ description: "An uploaded file's reference" }) fileRef?: string;
}

export const MINUTES_STATES = ['none', 'being-taken', 'drafted', 'approved', 'published'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export class ItemMinutesView {
  @ApiProperty({ description: 'The minutes as they stand (corrected, if a correction was approved)' }) text!: string;
  @ApiProperty({ description: 'The text as recorded at the meeting' }) asRecorded!: string;
  @ApiProperty() corrected!: boolean;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ enum: MINUTES_STATES }) state!: MinutesState;
}

export class AgendaItemView {
  @ApiProperty() itemId!: string;
  @ApiProperty({ description: '1-based place on the agenda; withdrawn items come last' }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AGENDA_ITEM_PURPOSES }) purpose!: string;
  @ApiProperty() lead!: string;
  @ApiProperty({ type: [String] }) themes!: string[];
  @ApiProperty({ type: [String] }) principles!: string[];
  @ApiProperty({ type: [PaperView] }) papers!: PaperView[];
  @ApiProperty({ description: 'Exempt information: taken in private, papers not published' }) restricted!: boolean;
  @ApiProperty({ description: 'One of the standing items offered on every agenda' }) standing!: boolean;
  @ApiProperty() withdrawn!: boolean;
  @ApiPropertyOptional() withdrawnReason?: string;
  @ApiPropertyOptional({ description: "The chair's reason for adding it after publication" }) urgencyReason?: string;
  @ApiProperty() addedAt!: string;
  @ApiPropertyOptional({ type: ItemMinutesView }) minutes?: ItemMinutesView;
}

export class NoticeView {
  @ApiProperty() publishedAt!: string;
  @ApiProperty({ description: 'London date of publication' }) publishedOn!: string;
  @ApiProperty({ description: 'London date of the meeting' }) meetingOn!: string;
  @ApiProperty() clearWorkingDays!: number;
  @ApiProperty() requiredClearWorkingDays!: number;
  @ApiProperty({ description: 'The last date the agenda could have been published in time' }) latestOn!: string;
  @ApiProperty() onTime!: boolean;
  @ApiPropertyOptional({ description: "The chair's reason for short notice" }) urgencyReason?: string;
}

export class AttendanceEntryView {
  @ApiProperty() memberId!: string;
  @ApiPropertyOptional({ description: "The member's name (absent for substitutes who are not members)" })
  name?: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: 'The member a substitute stands in for' }) substituteFor?: string;
}

export class AttendanceView {
  @ApiProperty({ description: 'True once the meeting has opened and attendance was taken' }) recorded!: boolean;
  @ApiProperty() quorum!: number;
  @ApiPropertyOptional() presentCount?: number;
  @ApiPropertyOptional() quorate?: boolean;
  @ApiProperty({ type: [AttendanceEntryView] }) entries!: AttendanceEntryView[];
}

export class DeclarationView {
  @ApiProperty() memberId!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() nature!: string;
  @ApiProperty() declaredAt!: string;
}

export class MinutesApprovalView {
  @ApiProperty({ description: 'The later meeting that approved them' }) approvedAtMeetingId!: string;
  @ApiProperty({ description: 'The decision that approved them' }) decisionId!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'Items corrected on approval' }) corrections!: number;
}

export class MinutesView {
  @ApiProperty({ enum: MINUTES_STATES }) state!: MinutesState;
  @ApiPropertyOptional() draftedAt?: string;
  @ApiPropertyOptional({ type: MinutesApprovalView }) approval?: MinutesApprovalView;
  @ApiPropertyOptional() publishedAt?: string;
}

export class MeetingDecisionView {
  @ApiProperty() decisionId!: string;
  @ApiProperty({
    example: 'D-0042',
    description: 'Its short reference: its place in the order decisions were recorded on the board',
  })
  reference!: string;
  @ApiProperty() itemId!: string;
  @ApiProperty() resolution!: string;
  @ApiProperty({ enum: DECISION_KINDS }) kind!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ type: [String], description: 'Later decisions that amended it' }) amendedBy!: string[];
  @ApiPropertyOptional({ description: 'The later decision that superseded it' }) supersededBy?: string;
}

export class TimelineEntryView {
  @ApiProperty({ example: 'AgendaPublished' }) event!: string;
  @ApiProperty({ enum: LISTED_MEETING_STATUSES, description: 'The status after it' }) status!: string;
  @ApiProperty() at!: string;
  @ApiPropertyOptional({ type: Object, description: 'A reason, the new start, the approving decision' })
  detail?: Record<string, unknown>;
}

export class MeetingDetailView {
  @ApiProperty() meetingId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startsAt!: string;
  @ApiPropertyOptional() endsAt?: string;
  @ApiPropertyOptional() place?: string;
  @ApiPropertyOptional() onlineLink?: string;
  @ApiProperty({ enum: LISTED_MEETING_STATUSES }) status!: string;
  @ApiProperty({ enum: ['england', 'wales'] }) jurisdiction!: string;
  @ApiPropertyOptional() cancelledReason?: string;
  @ApiPropertyOptional() adjournedReason?: string;
  @ApiPropertyOptional({ type: NoticeView, description: 'Absent until the agenda is published' }) notice?: NoticeView;
  @ApiProperty({ type: [AgendaItemView] }) agenda!: AgendaItemView[];
  @ApiProperty({ type: AttendanceView }) attendance!: AttendanceView;
  @ApiProperty({ type: [DeclarationView] }) declarations!: DeclarationView[];
  @ApiProperty({ type: MinutesView }) minutes!: MinutesView;
  @ApiProperty({ type: [MeetingDecisionView] }) decisions!: MeetingDecisionView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
}
