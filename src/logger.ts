import type { Logger, LogLevel } from '@slack/bolt';
import { pino } from 'pino';

/** How a line looks: `text` is `time LEVEL [name] message`, `json` one JSON object per line. */
export type LogFormat = 'text' | 'json';

/** Where a line comes from, when known: the Slack layer binds these per request with `child`. */
export interface LogContext {
  /** Workspace (team) id, `T…`. */
  team?: string;
  /** Channel id, `C…`/`D…`/`G…`. */
  channel?: string;
  /** Slack's id of the delivery (event_id, trigger_id or envelope_id), or one made up for it. */
  requestId?: string;
}

/**
 * Bolt's `Logger` plus `child`: the app and Bolt write the same lines, and a request's lines can carry
 * its team, channel and request id.
 */
export interface AppLogger extends Logger {
  /**
   * A logger that adds `context` to every line (over the context it already has); it shares the level of
   * the logger it came from and starts with its name.
   */
  child(context: LogContext): AppLogger;
}

/** Where log lines go, one `write` per line (ending in a newline); `process.stderr` by default. */
export interface LogSink {
  write(line: string): unknown;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written (default: info). */
  level?: LogLevel;
  /** Line format (default: text). */
  format?: LogFormat;
  /** Default: `process.stderr`. */
  sink?: LogSink;
  /** Shown in brackets (text) or as `name` (json); Bolt's clients rename it (default: optpaper). */
  name?: string;
  /** Default: the system clock. */
  clock?: () => Date;
  /**
   * Values that must never appear in a line (tokens, signing secret, passwords): replaced by `[redacted]`
   * wherever they turn up, in a message, an error or a URL. Values under 8 characters are ignored. Slack
   * tokens and URL passwords are masked by their shape even when not listed here.
   */
  secrets?: readonly (string | undefined)[];
}

/** The level names, lowest first: Bolt's `LogLevel` is a string enum of these very names. */
const levelNames = Object.freeze(['debug', 'info', 'warn', 'error'] as const);

type LevelName = (typeof levelNames)[number];

/** The defaults, one place. */
export const logDefaults = Object.freeze({
  level: 'info' as LevelName,
  format: 'text' as LogFormat,
  name: 'optpaper',
  /** Shorter values could be ordinary words: never secrets worth masking. */
  minSecretLength: 8,
  redacted: '[redacted]',
});

/**
 * Secrets recognised by their shape, whoever logs them: Slack tokens (a workspace installed through OAuth
 * has a bot token no configuration names) and the password of a URL (`postgres://user:password@host`).
 */
const secretShapes: readonly [RegExp, string][] = Object.freeze([
  [/\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+/g, logDefaults.redacted],
  [/(\/\/[^/\s:@]*:)[^/\s@]+@/g, `$1${logDefaults.redacted}@`],
]);

/** The level a logger shares with its children: Bolt's setLevel acts on all of them. */
interface Shared {
  level: LevelName;
}

/** Writes a line in one format, with the context bound so far. */
interface LineWriter {
  write(level: LevelName, name: string, parts: readonly unknown[]): void;
  child(context: LogContext): LineWriter;
}

/**
 * A logger with Bolt's interface (so that Bolt and the app log the same way) and `child` for per-request
 * context. `text` (the default) writes `time LEVEL [name] message key=value…`; `json` writes one object
 * per line through pino: `{"level":"info","time":"2026-…Z","team":"T1","channel":"C1","requestId":"…",
 * "name":"optpaper","msg":"…"}`, an error under `err` (`type`, `message`, `stack`).
 *
 * Nothing here formats configuration; the `secrets` given are masked in every line all the same.
 *
 * @param options Level, format, sink, name, clock, secrets (see {@link LoggerOptions}).
 * @returns The logger.
 */
export function createLogger(options: LoggerOptions = {}): AppLogger {
  const shared: Shared = { level: options.level ?? logDefaults.level };
  const clock = options.clock ?? (() => new Date());
  const sink = maskingSink(options.sink ?? process.stderr, options.secrets ?? []);
  const format = options.format ?? logDefaults.format;
  const writer = format === 'json' ? jsonWriter(sink, clock) : textWriter(sink, clock, '');
  return boundLogger(shared, options.name ?? logDefaults.name, writer);
}

/**
 * The name is this object's own: Bolt's clients call setName on the logger they are given, and a child
 * handed to them (`logger.child({})`) keeps their name off the app's lines.
 */
function boundLogger(shared: Shared, initialName: string, writer: LineWriter): AppLogger {
  let name = initialName;
  const log =
    (level: LevelName) =>
    (...parts: unknown[]) => {
      if (levelNames.indexOf(level) < levelNames.indexOf(shared.level)) return;
      writer.write(level, name, parts);
    };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    setLevel: (level) => {
      shared.level = level;
    },
    // Bolt's LogLevel enum has exactly these string values.
    getLevel: () => shared.level as LogLevel,
    setName: (next) => {
      name = next;
    },
    child: (context) => boundLogger(shared, name, writer.child(definedOnly(context))),
  };
}

function textWriter(sink: LogSink, clock: () => Date, fields: string): LineWriter {
  return {
    write: (level, name, parts) => {
      sink.write(
        `${clock().toISOString()} ${level.toUpperCase()} [${name}] ${render(parts, true)}${fields}\n`,
      );
    },
    child: (context) =>
      textWriter(
        sink,
        clock,
        fields +
          Object.entries(context)
            .map(([key, value]) => ` ${key}=${value}`)
            .join(''),
      ),
  };
}

function jsonWriter(sink: LogSink, clock: () => Date): LineWriter {
  const root = pino(
    {
      // Levels are checked by boundLogger: one level, shared with children pino never sees changed.
      level: 'debug',
      base: null,
      timestamp: () => `,"time":"${clock().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    sink,
  );
  const writer = (logger: typeof root): LineWriter => ({
    write: (level, name, parts) => {
      const error = parts.find((part) => part instanceof Error);
      logger[level](error ? { name, err: error } : { name }, render(parts, false));
    },
    child: (context) => writer(logger.child(context)),
  });
  return writer(root);
}

/** A message from Bolt-style arguments: strings as they are, errors by stack (text) or message, the rest as JSON. */
function render(parts: readonly unknown[], stacks: boolean): string {
  return parts
    .map((part) =>
      part instanceof Error
        ? stacks
          ? (part.stack ?? part.message)
          : part.message
        : typeof part === 'string'
          ? part
          : JSON.stringify(part),
    )
    .join(' ');
}

/** Every line passes here last, whatever its format: secrets are masked in the text that is written. */
function maskingSink(sink: LogSink, secrets: readonly (string | undefined)[]): LogSink {
  const values = secrets.filter(
    (secret): secret is string => secret !== undefined && secret.length >= logDefaults.minSecretLength,
  );
  return {
    write: (line) => {
      let text = line;
      for (const value of values) text = text.replaceAll(value, logDefaults.redacted);
      for (const [shape, replacement] of secretShapes) text = text.replace(shape, replacement);
      return sink.write(text);
    },
  };
}

function definedOnly(context: LogContext): LogContext {
  return Object.fromEntries(
    Object.entries(context).filter(([, value]) => value !== undefined && value !== ''),
  );
}

/**
 * Read a log level name.
 *
 * @param value `debug`, `info`, `warn` or `error`, any case.
 * @returns The level, or `undefined` for anything else.
 */
export function parseLogLevel(value: string): LogLevel | undefined {
  const wanted = value.trim().toLowerCase();
  // Bolt's LogLevel enum has exactly these string values; its runtime object would load all of Bolt.
  return levelNames.find((name) => name === wanted) as LogLevel | undefined;
}

/**
 * Read a log format name.
 *
 * @param value `text` or `json`, any case.
 * @returns The format, or `undefined` for anything else.
 */
export function parseLogFormat(value: string): LogFormat | undefined {
  const wanted = value.trim().toLowerCase();
  return wanted === 'text' || wanted === 'json' ? wanted : undefined;
}

/**
 * A logger that adds where a line comes from, when the logger can (the app's own can; a plain Bolt
 * logger is returned as it is).
 *
 * @param logger Any logger.
 * @param context Team, channel, request id.
 * @returns A logger whose lines carry them.
 */
export function withContext(logger: Logger, context: LogContext): Logger {
  const child = (logger as Partial<AppLogger>).child;
  return typeof child === 'function' ? child.call(logger, context) : logger;
}
