import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { LogLevel } from './config.js';

/** Fastify takes an existing pino instance as `loggerInstance` (not `logger`) since v5. */
export function createLogger(level: LogLevel): FastifyBaseLogger {
  return pino({ level, base: { service: 'baton' } });
}
