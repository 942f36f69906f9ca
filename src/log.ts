// The one place loggers are made: every component logs through pino with its own `component`
// binding, so one JSON stream can be filtered per room of the architecture.
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.FIXGATE_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name: 'fixgate', level, base: { pid: process.pid } });
}
