import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardStreams, EVENT_STORE, type EventStore } from '#event-store';
import { IDENTITY_ENTITIES, IDENTITY_SETTINGS, TokenService } from '#identity';
import { Clock, Metrics, ServerPepper, SystemClock, type AppConfig } from '#platform';
import { timeAppends } from '../metrics/timed-event-store.js';
import { openEventStore, type OpenedEventStore } from './event-store.factory.js';
import { PERSONAL_DATA_POLICY } from './personal-data.js';
import { openReadDatabase, readDatabaseOptions } from './read-database.js';
import { identitySettings } from './identity-settings.js';
import { loadSecrets } from './secrets.js';

export const APP_CONFIG = 'cpb:AppConfig';

export interface InfrastructureOverrides {
  readonly clock?: Clock;
  readonly eventStore?: EventStore;
}

const OPENED_STORE = 'cpb:OpenedEventStore';

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(OPENED_STORE) private readonly opened: OpenedEventStore | undefined) {}
  async onApplicationShutdown(): Promise<void> {
    await this.opened?.close();
  }
}

/** Everything that touches the outside world, chosen by configuration. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, overrides: InfrastructureOverrides = {}): DynamicModule {
    const secrets = loadSecrets(config);
    const clock = overrides.clock ?? new SystemClock();
    return {
      module: InfrastructureModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => readDatabaseOptions(config, [...IDENTITY_ENTITIES]),
          dataSourceFactory: (options) => openReadDatabase(options!),
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: IDENTITY_SETTINGS, useValue: identitySettings(config, secrets) },
        { provide: Clock, useValue: clock },
        { provide: ServerPepper, useValue: new ServerPepper(secrets.receiptPepper) },
        {
          provide: TokenService,
          useValue: new TokenService(
            secrets.tokenSecret,
            config.TOKEN_TTL_SECONDS,
            () => clock.now(),
            config.SESSION_MAX_SECONDS,
          ),
        },
        {
          provide: OPENED_STORE,
          useFactory: () =>
            overrides.eventStore ? undefined : openEventStore(config, secrets.masterKey, PERSONAL_DATA_POLICY),
        },
        // This process's figures (served on METRICS_PORT by main.ts when set).
        { provide: Metrics, useValue: new Metrics() },
        {
          provide: EVENT_STORE,
          // Every append timed, labelled by the kind of store only.
          useFactory: (opened: OpenedEventStore | undefined, metrics: Metrics) =>
            overrides.eventStore
              ? timeAppends(overrides.eventStore, metrics, 'other')
              : timeAppends(opened!.store, metrics, config.EVENT_STORE),
          inject: [OPENED_STORE, Metrics],
        },
        // The one writer every context writes through (and reads a board's stream by).
        { provide: BoardStreams, useFactory: (store: EventStore) => new BoardStreams(store), inject: [EVENT_STORE] },
        EventStoreCloser,
      ],
      exports: [APP_CONFIG, IDENTITY_SETTINGS, Clock, ServerPepper, TokenService, EVENT_STORE, BoardStreams, Metrics],
    };
  }
}
