// What the deployment tests read and run without a container engine: docker/compose.yaml (with Compose's
// variable interpolation), docker/.env.example, docker/Dockerfile (its stages, and its final stage's files
// laid out as its COPY lines say) and the commands those files give.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerfileParser, type Copy, type Env, type Instruction } from 'dockerfile-ast';
import { parse as parseYaml } from 'yaml';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const repoPath = (...parts: string[]): string => join(REPO, ...parts);

// ---------------------------------------------------------------------------------------------------
// docker/compose.yaml
// ---------------------------------------------------------------------------------------------------

export type ComposeFile = {
  services: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
  [key: string]: unknown;
};

/** YAML with merge keys (`<<: *anchor`), as Compose reads it. */
export function parseCompose(text: string): ComposeFile {
  return parseYaml(text, { merge: true }) as ComposeFile;
}

export function readText(path: string): string {
  return readFileSync(repoPath(path), 'utf8');
}

/** A variable Compose needs and does not have (`${NAME:?message}`): `docker compose up` stops. */
export class MissingVariableError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`required variable ${variable} is missing a value: ${message}`);
  }
}

const REFERENCE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Compose's interpolation (compose-spec, "Interpolation"): $NAME, ${NAME}, ${NAME:-default},
 * ${NAME-default}, ${NAME:?error}, ${NAME?error}, ${NAME:+replacement}, ${NAME+replacement}, and $$ for
 * a literal $. Nested references are not used in this repository and are not supported.
 */
export function interpolate(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  return text.replace(REFERENCE, (whole, braced?: string, operator?: string, operand?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare)!;
    const value = vars[name];
    const unset = value === undefined;
    const empty = unset || value === '';
    switch (operator) {
      case undefined:
        return value ?? '';
      case ':-':
        return empty ? operand! : value!;
      case '-':
        return unset ? operand! : value!;
      case ':?':
        if (empty) throw new MissingVariableError(name, operand!);
        return value!;
      case '?':
        if (unset) throw new MissingVariableError(name, operand!);
        return value!;
      case ':+':
        return empty ? '' : operand!;
      case '+':
        return unset ? '' : operand!;
      default:
        throw new Error(`unsupported interpolation ${whole}`);
    }
  });
}

/**
 * Every variable the file's values refer to (comments and keys are not interpolated), with how: required
 * (`:?`/`?`), with a default (`:-`/`-`), or plain.
 */
export function variableReferences(doc: unknown): Array<{ name: string; operator: string | undefined }> {
  const found: Array<{ name: string; operator: string | undefined }> = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      for (const match of node.matchAll(REFERENCE)) {
        if (match[0] !== '$$') found.push({ name: (match[1] ?? match[4])!, operator: match[2] });
      }
    } else if (node && typeof node === 'object') {
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  return found;
}

/** The whole file with every string interpolated, as Compose does before it validates and runs it. */
export function interpolateCompose(doc: ComposeFile, vars: Readonly<Record<string, string | undefined>>): ComposeFile {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolate(node, vars);
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value)]));
    }
    return node;
  };
  return walk(doc) as ComposeFile;
}

/** A service's `environment` (mapping or KEY=VALUE list) as the strings the process receives. */
export function serviceEnvironment(service: Record<string, unknown>): Record<string, string> {
  const environment = service.environment;
  const entries: Array<[string, unknown]> = Array.isArray(environment)
    ? (environment as string[]).map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, null] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries((environment ?? {}) as Record<string, unknown>);
  // A name without a value is taken from the shell running compose: absent here.
  return Object.fromEntries(entries.filter(([, value]) => value !== null).map(([key, value]) => [key, String(value)]));
}

// ---------------------------------------------------------------------------------------------------
// docker/.env.example
// ---------------------------------------------------------------------------------------------------

export interface EnvExampleEntry {
  readonly name: string;
  readonly value: string;
  /** The command its `# generate:` comment gives: a secret to make, not to copy. */
  readonly generate?: string;
}

/** KEY=value lines (values unquoted as Compose's .env reader does), with the `# generate:` just above. */
export function parseEnvExample(text: string): EnvExampleEntry[] {
  const entries: EnvExampleEntry[] = [];
  let generate: string | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const command = /^#\s*generate:\s*(.+)$/.exec(line);
    if (command) {
      generate = command[1]!.trim();
      continue;
    }
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (assignment) {
      let value = assignment[2]!.trim();
      const quote = value[0];
      if ((quote === "'" || quote === '"') && value.endsWith(quote) && value.length >= 2) value = value.slice(1, -1);
      entries.push({ name: assignment[1]!, value, ...(generate ? { generate } : {}) });
    }
    if (!line.startsWith('#')) generate = undefined;
  }
  return entries;
}

/** Runs each secret's documented `generate:` command (sh, openssl on the host) and takes what it prints. */
export function generateSecrets(entries: readonly EnvExampleEntry[]): Record<string, string> {
  return Object.fromEntries(
    entries
      .filter((entry) => entry.generate)
      .map((entry) => [entry.name, execFileSync('/bin/sh', ['-c', entry.generate!], { encoding: 'utf8' }).trim()]),
  );
}

// ---------------------------------------------------------------------------------------------------
// docker/Dockerfile
// ---------------------------------------------------------------------------------------------------

export interface Stage {
  readonly name: string | null;
  /** The image or earlier stage it starts from, as written. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export function dockerfileStages(text: string): Stage[] {
  const stages: Array<{ name: string | null; from: string; instructions: Instruction[] }> = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const as = args.findIndex((a) => a.toUpperCase() === 'AS');
      stages.push({ name: as >= 0 ? args[as + 1]! : null, from: args[0]!, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const keyword = (instruction: Instruction): string => instruction.getKeyword();
const args = (instruction: Instruction): string[] => instruction.getArguments().map((a) => a.getValue());

/** `["node", "x.js"]` of an exec-form instruction (CMD, ENTRYPOINT, or HEALTHCHECK ... CMD [...]). */
export function execForm(instruction: Instruction): string[] {
  const content = instruction.getArgumentsContent() ?? '';
  const json = content.slice(content.indexOf('['));
  const parsed = JSON.parse(json) as unknown;
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`${keyword(instruction)} is not in exec form: ${content}`);
  }
  return parsed;
}

/** The final stage as a container sees it: user, working directory, environment, command, health check. */
export interface RuntimeImage {
  readonly stage: Stage;
  readonly user: string | undefined;
  readonly workdir: string;
  readonly env: Record<string, string>;
  readonly cmd: string[];
  readonly entrypoint: string[] | undefined;
  readonly healthcheck: string[] | undefined;
}

export function runtimeImage(stages: readonly Stage[]): RuntimeImage {
  const stage = stages.at(-1)!;
  let user: string | undefined;
  let workdir = '/';
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  let entrypoint: string[] | undefined;
  let healthcheck: string[] | undefined;
  for (const instruction of stage.instructions) {
    switch (keyword(instruction)) {
      case 'USER':
        user = args(instruction)[0];
        break;
      case 'WORKDIR':
        workdir = posix.resolve(workdir, args(instruction)[0]!);
        break;
      case 'ENV':
        for (const property of (instruction as Env).getProperties()) {
          env[property.getName()] = property.getValue() ?? '';
        }
        break;
      case 'CMD':
        cmd = execForm(instruction);
        break;
      case 'ENTRYPOINT':
        entrypoint = execForm(instruction);
        break;
      case 'HEALTHCHECK':
        healthcheck = args(instruction).includes('NONE') ? undefined : execForm(instruction);
        break;
    }
  }
  return { stage, user, workdir, env, cmd, entrypoint, healthcheck };
}

/** The working directory of a stage, following the stages it is built FROM. */
function stageWorkdir(stages: readonly Stage[], name: string): { workdir: string; lineage: Stage[] } {
  const lineage: Stage[] = [];
  let current = stages.find((s) => s.name === name);
  while (current) {
    lineage.unshift(current);
    const parent: string = current.from;
    current = stages.find((s) => s.name === parent);
  }
  let workdir = '/';
  for (const stage of lineage) {
    for (const instruction of stage.instructions) {
      if (keyword(instruction) === 'WORKDIR') workdir = posix.resolve(workdir, args(instruction)[0]!);
    }
  }
  return { workdir, lineage };
}

/** Top-level packages `npm prune --omit=dev` keeps, from package-lock.json. */
export function productionPackages(): string[] {
  const lock = JSON.parse(readText('package-lock.json')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) && !entry.dev)
    .map(([path]) => path.slice('node_modules/'.length));
}

/**
 * Lays the final stage's files out under `dir` as its COPY lines say, from this checkout (dist/ already
 * built): a build stage's WORKDIR is the repository root; its node_modules are the production packages
 * only when that stage (or one it is built from) ran `npm prune --omit=dev`. Packages are linked, not
 * copied: code under `dir` resolves a bare import from dir/node_modules, which holds nothing else.
 */
export function layOutRuntime(stages: readonly Stage[], dir: string): void {
  const image = runtimeImage(stages);
  let workdir = '/';
  for (const instruction of image.stage.instructions) {
    if (keyword(instruction) === 'WORKDIR') workdir = posix.resolve(workdir, args(instruction)[0]!);
    if (keyword(instruction) !== 'COPY') continue;
    const from = (instruction as Copy)
      .getFlags()
      .find((flag) => flag.getName() === 'from')
      ?.getValue();
    const parts = args(instruction);
    const destination = posix.resolve(workdir, parts.at(-1)!);
    const intoDirectory = parts.at(-1)!.endsWith('/') || parts.length > 2;
    for (const source of parts.slice(0, -1)) {
      let repoSource: string;
      let pruned = false;
      if (from) {
        const origin = stageWorkdir(stages, from);
        if (origin.lineage.length === 0) throw new Error(`COPY --from=${from}: not a stage of this Dockerfile`);
        repoSource = posix.relative(origin.workdir, posix.resolve(origin.workdir, source));
        if (repoSource.startsWith('..')) throw new Error(`COPY --from=${from} ${source}: outside the stage's WORKDIR`);
        pruned = origin.lineage.some((stage) =>
          stage.instructions.some((i) => keyword(i) === 'RUN' && /npm prune\b.*--omit=dev/.test(args(i).join(' '))),
        );
      } else {
        repoSource = source;
      }
      if (!existsSync(repoPath(repoSource))) throw new Error(`COPY ${source}: ${repoSource} is not in this checkout`);
      // As Docker: a directory's contents go into the destination; a file goes to it, or into it if it
      // names a directory.
      const directory = statSync(repoPath(repoSource)).isDirectory();
      const target = hostPath(
        dir,
        directory || !intoDirectory ? destination : posix.join(destination, basename(source)),
      );
      mkdirSync(directory ? target : dirname(target), { recursive: true });
      if (directory && basename(repoSource) === 'node_modules') {
        const names = pruned ? productionPackages() : readdirSync(repoPath(repoSource));
        for (const name of names) {
          if (!existsSync(repoPath(repoSource, name))) continue; // an optional package for another platform
          mkdirSync(dirname(join(target, name)), { recursive: true });
          symlinkSync(repoPath(repoSource, name), join(target, name), 'dir');
        }
      } else {
        cpSync(repoPath(repoSource), target, { recursive: true });
      }
    }
  }
}

/**
 * .dockerignore as Docker reads it: one pattern a line (Go's filepath.Match, with `**` for any number of
 * directories), `!` to let a path back in, the last matching line deciding; a path is out of the build
 * context when it or a directory above it is excluded.
 */
export function dockerignore(text: string): (path: string) => boolean {
  const glob = (segment: string): string =>
    segment
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]');
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const segments = posix.normalize((negate ? line.slice(1) : line).replace(/^\/+/, '')).split('/');
      const pattern = segments
        .map((segment, i) => {
          const last = i === segments.length - 1;
          if (segment === '**') return last ? '.*' : '(?:.*/)?';
          return glob(segment) + (last ? '' : '/');
        })
        .join('');
      return { negate, regex: new RegExp(`^${pattern}$`) };
    });
  return (path) => {
    const parts = posix.normalize(path).split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((prefix) => rule.regex.test(prefix))) excluded = !rule.negate;
    }
    return excluded;
  };
}

/** The files a stage (and the stages it is built from) COPY from the build context, as written. */
export function contextSources(stages: readonly Stage[], name: string): string[] {
  return stageWorkdir(stages, name).lineage.flatMap((stage) =>
    stage.instructions
      .filter((i) => keyword(i) === 'COPY' && !(i as Copy).getFlags().some((flag) => flag.getName() === 'from'))
      .flatMap((i) => args(i).slice(0, -1)),
  );
}

/**
 * Lays out what a build stage sees under `dir`: its COPY lines' sources from this checkout, less what
 * .dockerignore keeps out of the context; node_modules linked (the stage's `npm ci`, already done here).
 */
export function layOutBuildContext(stages: readonly Stage[], name: string, dir: string): void {
  const excluded = dockerignore(readText('.dockerignore'));
  for (const source of contextSources(stages, name)) {
    cpSync(repoPath(source), join(dir, source), {
      recursive: true,
      filter: (from) => !excluded(relative(REPO, from)),
    });
  }
  symlinkSync(repoPath('node_modules'), join(dir, 'node_modules'), 'dir');
}

/** The RUN lines of a stage that are not installs (`npm ci`, `apt-get`): the ones to run here. */
export function buildCommands(stage: Stage): string[] {
  return stage.instructions
    .filter((i) => keyword(i) === 'RUN')
    .map((i) => i.getArgumentsContent() ?? '')
    .filter((command) => !/\b(apt-get|npm ci|npm install|npm prune)\b/.test(command));
}

/** Where the image's WORKDIR is inside a laid-out directory. */
export function hostPath(dir: string, containerPath: string): string {
  return isAbsolute(containerPath) ? join(dir, relative('/', containerPath)) : join(dir, containerPath);
}

// ---------------------------------------------------------------------------------------------------
// Running what those files say
// ---------------------------------------------------------------------------------------------------

export interface Running {
  readonly child: ChildProcess;
  output(): string;
  /** `{ code, signal }` once it has exited. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** SIGKILL if still running (clean-up after a failure). */
  kill(): Promise<void>;
}

/** `node` in an image's command is this test run's node (the same major version as the image's). */
function executable(command: string): string {
  return command === 'node' ? process.execPath : command;
}

/** Starts `argv` as a container would: that working directory and that environment, nothing inherited. */
export function runCommand(argv: readonly string[], options: { cwd: string; env: Record<string, string> }): Running {
  const child = spawn(executable(argv[0]!), argv.slice(1), {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    output: () => output,
    exited: () => exit,
    hasExited,
    async kill() {
      if (!hasExited()) child.kill('SIGKILL');
      await exit;
    },
  };
}

/** Runs a health check command (Docker's `CMD` form) to its end: its exit code. */
export async function runHealthcheck(
  argv: readonly string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<number> {
  const running = runCommand(argv, options);
  const timer = setTimeout(() => running.child.kill('SIGKILL'), 10_000);
  const { code } = await running.exited();
  clearTimeout(timer);
  return code ?? -1;
}

/** Runs a shell command to its end without blocking the event loop (other processes' sockets stay served). */
export async function runShell(
  command: string,
  options: { cwd: string; timeoutMs: number },
): Promise<{ code: number | null; output: string }> {
  const running = runCommand(['/bin/sh', '-c', command], {
    cwd: options.cwd,
    env: { ...process.env } as Record<string, string>,
  });
  const timer = setTimeout(() => running.child.kill('SIGKILL'), options.timeoutMs);
  const { code } = await running.exited();
  clearTimeout(timer);
  return { code, output: running.output() };
}

/** Polls `url` until it answers `status` (or the process exits, or the time is up); answers the body. */
export async function waitForStatus(
  url: string,
  status: number,
  running: Running,
  timeoutMs = 60_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (running.hasExited()) throw new Error(`exited before ${url} answered ${status}:\n${running.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const body = await response.text();
      if (response.status === status) return body;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status} in ${timeoutMs} ms (last: ${last}):\n${running.output()}`);
}
