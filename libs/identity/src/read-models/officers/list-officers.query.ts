import { Injectable } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { StaffDirectory } from '../../contracts/staff-directory.js';

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
  constructor(private readonly staff: StaffDirectory) {}

  async execute({ tenantId }: ListOfficers): Promise<StaffMemberResponse[]> {
    // By name: whom an action can be given to.
    const officers = await this.staff.activeMembers(tenantId, 'officer');
    return officers.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}
