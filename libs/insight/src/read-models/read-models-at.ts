import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, liveTables, replayAsAt, type AsAt, type EventStore } from '#event-store';
import { voiceInfluenceProjection } from './voice-influence.projection.js';

/** The insight tables to read: their physical names in `db`. */
export interface InsightTables {
  readonly db: DataSource;
  readonly t: Readonly<Record<string, string>>;
  /**
   * Read "as at" a past moment: the live tables too, for what may be shown of a child's words (their
   * author's choice and safeguarding as they stand now); null when nothing is projected now. Absent:
   * these are the live tables.
   */
  readonly live?: InsightTables | null;
}

/**
 * Every insight query reads through here, so each can answer "as at" a past moment: the live tables,
 * or the same projection replayed up to that moment into a scratch database (see replayAsAt).
 */
@Injectable()
export class InsightReadModelsAt {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Absent `asAt`: now, from the live tables. */
  async read<T>(asAt: AsAt | undefined, query: (tables: InsightTables | undefined) => Promise<T>): Promise<T> {
    if (!asAt) return query(await insightTables(this.db));
    const live = await insightTables(this.db);
    const scratch = await replayAsAt(this.store, [voiceInfluenceProjection], asAt);
    try {
      const then = await insightTables(scratch.db);
      return await query(then && { ...then, live: live ?? null });
    } finally {
      await scratch.close();
    }
  }
}

/** The live insight tables in `db`, or undefined before the projection first ran there. */
export async function insightTables(db: DataSource): Promise<InsightTables | undefined> {
  const t = await liveTables(db, voiceInfluenceProjection);
  return t ? { db, t } : undefined;
}
