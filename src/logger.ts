import type { Logger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';

const order: Readonly<Record<LogLevel, number>> = Object.freeze({
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
});

/** Where log lines go; `process.stderr` by default, an array in tests. */
export interface LogSink {
  write(line: string): unknown;
}

/**
 * A logger with Bolt's interface, so that Bolt and the app log the same way: one line per event,
 * `time LEVEL [name] message`. Nothing here formats configuration: secrets never reach it.
 *
 * @param options `level` (default: info), `sink` (default: stderr), `name` (default: optpaper), `clock`.
 * @returns The logger.
 */
export function createLogger(
  options: { level?: LogLevel; sink?: LogSink; name?: string; clock?: () => Date } = {},
): Logger {
  let level = options.level ?? LogLevel.INFO;
  let name = options.name ?? 'optpaper';
  const sink = options.sink ?? process.stderr;
  const clock = options.clock ?? (() => new Date());
  const log =
    (at: LogLevel) =>
    (...message: unknown[]) => {
      if (order[at] < order[level]) return;
      const text = message
        .map((part) =>
          part instanceof Error
            ? (part.stack ?? part.message)
            : typeof part === 'string'
              ? part
              : JSON.stringify(part),
        )
        .join(' ');
      sink.write(`${clock().toISOString()} ${at.toUpperCase()} [${name}] ${text}\n`);
    };
  return {
    debug: log(LogLevel.DEBUG),
    info: log(LogLevel.INFO),
    warn: log(LogLevel.WARN),
    error: log(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

/**
 * Read a log level name.
 *
 * @param value `debug`, `info`, `warn` or `error`, any case.
 * @returns The level, or `undefined` for anything else.
 */
export function parseLogLevel(value: string): LogLevel | undefined {
  const wanted = value.trim().toLowerCase();
  return Object.values(LogLevel).find((candidate) => candidate === wanted);
}
