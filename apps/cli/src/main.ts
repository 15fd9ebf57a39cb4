import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '#platform';
import { loadSigningKey, signingKeySettingsFromEnv } from '../../../libs/audit/src/integrity/index.js';
import { openRawEventStore } from './open-store.js';
import { exportCommand } from './commands/export.command.js';
import { verifyBundleCommand } from './commands/verify-bundle.command.js';
import { verifyCommand } from './commands/verify.command.js';

const HELP = `Usage: cpb <command> [options]

Commands:
  verify                 Verify the event log's hash chain and report the first break (exit 1 if broken).
  export --out <file>    Write a signed export bundle (JSON Lines) of the whole log; with --tenant <id>,
                         only that tenant's events (other tenants' as opaque gaps). Refuses a broken log.
  verify-bundle <file> --public-key <pem-file|PEM>
                         Verify a bundle offline (no database): every hash, link and position, and the
                         checkpoint's Ed25519 signature. Exit 0 intact, 1 tampered, 2 could not check.
  public-key             Print the public half of the bundle signing key (PEM), as GET /api/audit/public-key.
  help                   Show this help.

Options:
  --no-progress Do not draw a progress bar.

Configuration comes from the same environment variables as the API (EVENT_STORE, DATA_DIR,
DATABASE_URL, KURRENTDB_URL); the bundle signing key from CPB_AUDIT_SIGNING_KEY (PEM) or
CPB_AUDIT_SIGNING_KEY_FILE, else a development key kept in DATA_DIR. See docs/audit.md.
`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'no-progress': { type: 'boolean', default: false },
      out: { type: 'string' },
      tenant: { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0] ?? 'help';
  if (values.help || command === 'help') {
    console.log(HELP);
    return 0;
  }
  const progress = !values['no-progress'] && process.stderr.isTTY === true;
  // Offline: needs neither configuration nor a database.
  if (command === 'verify-bundle') {
    const file = positionals[1];
    const publicKey = values['public-key'];
    if (!file || !publicKey) {
      console.error(`verify-bundle needs a bundle file and --public-key.\n\n${HELP}`);
      return 2;
    }
    const outcome = await verifyBundleCommand(file, publicKey);
    (outcome.code === 0 ? console.log : console.error)(outcome.message);
    return outcome.code;
  }
  const config = loadConfig();
  switch (command) {
    case 'verify': {
      const store = await openRawEventStore(config);
      try {
        const outcome = await verifyCommand(store, { progress });
        console.log(outcome.message);
        return outcome.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    case 'export': {
      if (!values.out) {
        console.error(`export needs --out <file>.\n\n${HELP}`);
        return 2;
      }
      const key = loadSigningKey(signingKeySettingsFromEnv(process.env, config.DATA_DIR, config.NODE_ENV));
      const store = await openRawEventStore(config);
      try {
        const outcome = await exportCommand(store, key, {
          out: values.out,
          tenantId: values.tenant,
          progress,
          exportedAt: new Date().toISOString(),
        });
        (outcome.ok ? console.log : console.error)(outcome.message);
        if (key.source === 'data-dir') {
          console.error('Note: signed with the development key kept in DATA_DIR; configure CPB_AUDIT_SIGNING_KEY.');
        }
        return outcome.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    case 'public-key': {
      const key = loadSigningKey(signingKeySettingsFromEnv(process.env, config.DATA_DIR, config.NODE_ENV));
      process.stdout.write(key.publicKeyPem);
      console.error(`key id ${key.keyId} (${key.source === 'data-dir' ? 'development key in DATA_DIR' : key.source})`);
      return 0;
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
