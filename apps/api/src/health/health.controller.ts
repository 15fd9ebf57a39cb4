import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, ProjectionRunner, type EventStore } from '#event-store';
import { Public } from '#identity';

/** Liveness and readiness: the event store, the read database and (later) projection lag. */
@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readDb: TypeOrmHealthIndicator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
  ) {}

  @Get()
  @Public()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const result = await this.run();
    void reply.header('cache-control', 'no-store').status(result.status === 'ok' ? 200 : 503);
    return result;
  }

  private async run(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.eventStore(),
        () => this.readDb.pingCheck('readDatabase', { timeout: 2000 }),
        () => this.projections(),
      ]);
    } catch (error) {
      const response = (error as { getResponse?: () => unknown }).getResponse?.();
      if (response && typeof response === 'object' && 'status' in response) return response as HealthCheckResult;
      throw error;
    }
  }

  // Down when a projection is far behind with no rebuild under way; parked events, and events whose personal
  // data could not be opened (applied with it unavailable), are reported, not fatal.
  private async projections() {
    const indicator = this.indicators.check('projections');
    const statuses = await this.runner.status();
    const details = Object.fromEntries(
      statuses.map((s) => [
        s.name,
        {
          version: s.version,
          lag: s.lag,
          lagCapped: s.lagCapped,
          caughtUp: s.caughtUp,
          parked: s.parked,
          unreadable: s.unreadable,
          rebuilding: s.rebuild !== null,
        },
      ]),
    );
    const behind = statuses.filter((s) => !s.caughtUp && s.lagCapped && s.rebuild === null);
    return behind.length === 0 ? indicator.up(details) : indicator.down(details);
  }

  private async eventStore() {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      return indicator.up({ adapter: this.store.name, head: (await this.store.headPosition()) ?? null });
    } catch {
      return indicator.down({ adapter: this.store.name });
    }
  }
}
