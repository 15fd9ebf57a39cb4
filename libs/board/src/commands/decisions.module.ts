import { Module } from '@nestjs/common';
import { ActionsController } from './track-actions/actions.controller.js';
import { AssignActionHandler } from './track-actions/assign-action.command.js';
import { UpdateActionHandler } from './track-actions/update-action.command.js';
import { ApproveMinutesController } from './approve-minutes/approve-minutes.controller.js';
import { ApproveMinutesHandler } from './approve-minutes/approve-minutes.command.js';
import { ChangeDecisionController } from './change-decision/change-decision.controller.js';
import { AmendDecisionHandler, SupersedeDecisionHandler } from './change-decision/change-decision.command.js';
import { RecordDecisionController } from './record-decision/record-decision.controller.js';
import { RecordDecisionHandler } from './record-decision/record-decision.command.js';
import { DecisionRecorder } from './decision-recorder.js';

/** Decisions with their voice evidence, amendments, minutes approval, and the actions decisions assign. */
@Module({
  controllers: [RecordDecisionController, ChangeDecisionController, ApproveMinutesController, ActionsController],
  providers: [
    DecisionRecorder,
    RecordDecisionHandler,
    AmendDecisionHandler,
    SupersedeDecisionHandler,
    ApproveMinutesHandler,
    AssignActionHandler,
    UpdateActionHandler,
  ],
})
export class DecisionCommandsModule {}
