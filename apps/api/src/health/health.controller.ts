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

/**
 * Readiness (`/api/health`): the event store, the read database, and read models that have caught up with
 * the log at least once since this process started. After a restart on a long log the read models are
 * still catching up: answering 200 then sent people to a replica that would tell a child their code was
 * "not found". Liveness (`/api/health/live`): the process answers.
 */
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

  /** Projections seen caught up since this process started: once ready, a moment's lag under load is not. */
  private readonly caughtUpOnce = new Set<string>();

  @Get('live')
  @Public()
  live(@Res({ passthrough: true }) reply: FastifyReply): { status: 'ok' } {
    void reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  }

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

  // Down when a projection is far behind, or has not yet caught up since this process started, with no
  // rebuild under way; parked events, and events whose personal data could not be opened (applied with it
  // unavailable), are reported, not fatal.
  private async projections() {
    const indicator = this.indicators.check('projections');
    const statuses = await this.runner.status();
    // Nothing left to apply counts too: an api whose projector has not yet built a read model over an
    // empty log is not behind.
    for (const s of statuses) if (s.caughtUp || (s.lag === 0 && !s.lagCapped)) this.caughtUpOnce.add(s.name);
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
          catchingUp: !this.caughtUpOnce.has(s.name),
        },
      ]),
    );
    const behind = statuses.filter(
      (s) => !s.caughtUp && (s.lagCapped || !this.caughtUpOnce.has(s.name)) && s.rebuild === null,
    );
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
