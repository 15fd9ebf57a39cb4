import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '#platform';
// Each command's code is loaded when it runs (below): `cpb help` and the light commands start without the
// whole product (read models, stores, PDF, KurrentDB), which took seconds at every start.
const signingKeys = () => import('../../../libs/audit/src/contracts/export-bundles.js');
const openStore = () => import('./open-store.js');

const HELP = `Usage: cpb <command> [options]

Commands:
  verify                 Verify the event log's hash chain and report the first break (exit 1 if broken).
  export --out <file>    Write a signed export bundle (JSON Lines) of the whole log; with --tenant <id>,
                         only that tenant's events (other tenants' as opaque gaps). Refuses a broken log.
  verify-bundle <file> --public-key <pem-file|PEM>
                         Verify a bundle offline (no database): every hash, link and position, and the
                         checkpoint's Ed25519 signature. Exit 0 intact, 1 tampered, 2 could not check.
  public-key             Print the public half of the bundle signing key (PEM), as GET /api/audit/public-key.
  backup --out <dir>     Copy DATA_DIR's SQLite files (events.db, read.db) into an empty folder while the api runs,
                         with a manifest (sizes, SHA-256, log head). PostgreSQL, KurrentDB: their own tools (exit 2).
  restore --from <dir> [--force]
                         Restore a backup into DATA_DIR (api stopped): checks the manifest, verifies the chain.
                         Refuses if DATA_DIR holds a log, unless --force (the present files are moved aside).
  create-board --board <short-name> --name "<board name>" --email <admin email>
                         A new board (a council) and its first admin, with a password shown once.
  add-staff --board <short-name> --email <email> --role <role>[,<role>...] [--display-name "<name>"]
                         A further staff account on a board, with a password shown once.
  access-log --board <short-name> [--view <id>] [--staff <id|email>] [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>]
             [--page <n>] [--page-size <n>] [--json]
                         Who read the board's children's words (and every audit read), when and why, newest
                         first, as a table or JSON. The review is itself recorded in the access log.
  projections            Each read model's live version, lag, parked events, events whose personal data could
                         not be opened (unreadable) and state.
  projections rebuild <name>
                         Rebuild one read model from the log beside its live tables (still readable), then
                         swap. Needs its lease: stop the projector (or an api with PROJECTIONS=in-process).
  rotate-master-key --yes
                         Re-wrap every subject key and reseal every second-factor secret under the key in
                         CPB_NEW_MASTER_KEY. Stop every api and projector first; then start them with the new
                         CPB_MASTER_KEY. Run again after a failure, it finishes what is left.
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
      from: { type: 'string' },
      force: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      board: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      'display-name': { type: 'string' },
      view: { type: 'string' },
      staff: { type: 'string' },
      to: { type: 'string' },
      page: { type: 'string' },
      'page-size': { type: 'string' },
      json: { type: 'boolean', default: false },
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
    const { verifyBundleCommand } = await import('./commands/verify-bundle.command.js');
    const outcome = await verifyBundleCommand(file, publicKey);
    (outcome.code === 0 ? console.log : console.error)(outcome.message);
    return outcome.code;
  }
  const config = loadConfig();
  // Commands that open personal data refuse a master key that is not the key store's, before they start.
  if (command === 'projections' || command === 'create-board' || command === 'add-staff') {
    const { checkMasterKey } = await import('../../api/src/infrastructure/master-key-check.js');
    await checkMasterKey(config);
  }
  switch (command) {
    case 'verify': {
      const { verifyCommand } = await import('./commands/verify.command.js');
      const store = await (await openStore()).openRawEventStore(config);
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
      const { loadSigningKey, signingKeySettingsFromEnv } = await signingKeys();
      const { exportCommand } = await import('./commands/export.command.js');
      const key = loadSigningKey(signingKeySettingsFromEnv(process.env, config.DATA_DIR, config.NODE_ENV));
      const store = await (await openStore()).openRawEventStore(config);
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
      const { loadSigningKey, signingKeySettingsFromEnv } = await signingKeys();
      const key = loadSigningKey(signingKeySettingsFromEnv(process.env, config.DATA_DIR, config.NODE_ENV));
      process.stdout.write(key.publicKeyPem);
      console.error(`key id ${key.keyId} (${key.source === 'data-dir' ? 'development key in DATA_DIR' : key.source})`);
      return 0;
    }
    case 'backup':
    case 'restore': {
      const { backupCommand, backupElsewhereMessage } = await import('./commands/backup.command.js');
      const { restoreCommand } = await import('./commands/restore.command.js');
      if (config.EVENT_STORE !== 'sqlite') {
        console.error(backupElsewhereMessage(config.EVENT_STORE));
        return 2;
      }
      const target = command === 'backup' ? values.out : values.from;
      if (!target) {
        console.error(`${command} needs ${command === 'backup' ? '--out' : '--from'} <dir>.\n\n${HELP}`);
        return 2;
      }
      const outcome =
        command === 'backup'
          ? await backupCommand({ dataDir: config.DATA_DIR, out: target, progress })
          : await restoreCommand({ dataDir: config.DATA_DIR, from: target, force: values.force, progress });
      (outcome.code === 0 ? console.log : console.error)(outcome.message);
      return outcome.code;
    }
    case 'create-board':
    case 'add-staff': {
      const { staffCommand } = await import('./commands/staff.command.js');
      const outcome = await staffCommand(config, {
        board: values.board,
        name: values.name,
        email: values.email,
        displayName: values['display-name'],
        roles: values.role,
        createBoard: command === 'create-board',
      });
      (outcome.code === 0 ? console.log : console.error)(outcome.message);
      return outcome.code;
    }
    case 'access-log': {
      const { accessLogCommand } = await import('./commands/access-log.command.js');
      const outcome = await accessLogCommand(config, {
        board: values.board,
        view: values.view,
        staff: values.staff,
        from: values.from,
        to: values.to,
        page: values.page,
        pageSize: values['page-size'],
        json: values.json,
      });
      (outcome.code === 0 ? console.log : console.error)(outcome.message);
      return outcome.code;
    }
    case 'projections': {
      const [, action, name] = positionals;
      if (action !== undefined && (action !== 'rebuild' || !name)) {
        console.error(`projections takes no argument, or "rebuild <name>".\n\n${HELP}`);
        return 2;
      }
      const { projectionsCommand } = await import('./commands/projections.command.js');
      const outcome = await projectionsCommand(config, { rebuild: name, progress });
      (outcome.code === 0 ? console.log : console.error)(outcome.message);
      return outcome.code;
    }
    case 'rotate-master-key': {
      if (!values.yes) {
        console.error('rotate-master-key changes every subject key: stop every api and projector, then add --yes.');
        return 2;
      }
      const { rotateMasterKeyCommand } = await import('./commands/rotate-master-key.command.js');
      const outcome = await rotateMasterKeyCommand(config, process.env.CPB_NEW_MASTER_KEY);
      (outcome.code === 0 ? console.log : console.error)(outcome.message);
      return outcome.code;
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
