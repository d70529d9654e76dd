import { pino } from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { LogLevel } from './config.js';

/**
 * Credentials never reach a log line: the default request serialiser logs no headers or bodies,
 * and these paths are censored should anything log them anyway.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers["x-baton-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  '*.csrfToken',
];

/** Fastify takes an existing pino instance as `loggerInstance` (not `logger`) since v5. */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): FastifyBaseLogger {
  const options = { level, base: { service: 'baton' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
