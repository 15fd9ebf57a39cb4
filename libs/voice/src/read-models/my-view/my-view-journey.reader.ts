import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { projectedRows } from '../projected-rows.js';
import { MY_VIEW_JOURNEYS, myViewJourneyProjection, type MyViewJourneyRow } from './my-view-journey.projection.js';

/** A view's own words, the board's words and the answers, for its author (found by receipt code first). */
@Injectable()
export class MyViewJourneys {
  constructor(private readonly db: DataSource) {}

  async of(tenantId: string, contributionId: string): Promise<MyViewJourneyRow | undefined> {
    const [row] = await projectedRows(
      this.db,
      myViewJourneyProjection,
      MY_VIEW_JOURNEYS,
      tenantId,
      { sql: 't.contribution_id = :contributionId', params: { contributionId } },
      [],
    );
    return row;
  }
}
