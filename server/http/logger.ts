import { pino, type DestinationStream } from 'pino';
import type { LogLevel } from '../config';

/** Facts beside a message (`requestId`, `route`, `status`…), kept as fields so a log store can filter on them. */
export type LogFields = Record<string, unknown>;

/** Where the server writes; tests pass a silent or capturing one. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  error(message: string, err?: unknown, fields?: LogFields): void;
}

/**
 * One JSON object a line on stdout (pino), for a log collector rather than a terminal:
 * `{"level":"info","time":"…","pid":…,"hostname":"…","msg":"…",…fields}`. Several instances
 * write to one store, so pid and hostname stay on every line to tell them apart.
 *
 * Written synchronously: the lines before a `process.exit` (a failed start, a forced stop)
 * are the ones that explain it, and an asynchronous buffer would drop them.
 */
export function createJsonLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  const log = pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names rather than pino's numbers: collectors other than pino's own tools read them as they are.
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    // `err` goes through pino's error serializer: type, message, stack and own fields such as a SQL state `code`.
    error: (message, err, fields) => log.error(err === undefined ? (fields ?? {}) : { ...fields, err }, message),
  };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
