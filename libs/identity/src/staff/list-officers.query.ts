import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IdentityService } from './identity.service.js';

export class StaffMemberResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

/** The board's active officers, who can be given actions and report on them. */
export class ListOfficers extends Query<StaffMemberResponse[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@Injectable()
@QueryHandler(ListOfficers)
export class ListOfficersHandler implements IQueryHandler<ListOfficers, StaffMemberResponse[]> {
  constructor(private readonly identity: IdentityService) {}

  execute({ tenantId }: ListOfficers): Promise<StaffMemberResponse[]> {
    return this.identity.activeStaffWithRole(tenantId, 'officer');
  }
}
