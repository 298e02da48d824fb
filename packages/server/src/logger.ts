// Structured logs (pino). Credentials are redacted wherever they could
// appear, so that a log file can be shared to debug a problem.
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
];

export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
