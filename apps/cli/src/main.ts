import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '#platform';
import { openRawEventStore } from './open-store.js';
import { verifyCommand } from './commands/verify.command.js';

const HELP = `Usage: cpb <command> [options]

Commands:
  verify        Verify the event log's hash chain and report the first break (exit 1 if broken).
  help          Show this help.

Options:
  --no-progress Do not draw a progress bar.

Configuration comes from the same environment variables as the API (EVENT_STORE, DATA_DIR,
DATABASE_URL, KURRENTDB_URL); see README.md.
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'verify': {
      const store = await openRawEventStore(config);
      try {
        const outcome = await verifyCommand(store, {
          progress: !values['no-progress'] && process.stderr.isTTY === true,
        });
        console.log(outcome.message);
        return outcome.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `cpb: ${(error as Error).message}`);
    process.exit(2);
  },
);
