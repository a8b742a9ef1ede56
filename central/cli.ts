import { parseArgs } from 'node:util';
import { parseTokenList } from './http/auth';
import { clockFrom } from './runtime';
import { startCentral } from './server';
import { DEFAULT_DB_PATH } from './store/db';

/**
 * `npx tsx central/cli.ts [--port N] [--db path] [--demo] [--tokens 001-01=secret,…] [--send-now-interval-min N] [--reservation-ttl-min N] [--clock-start ISO] [--exit-with-stdin]`
 * Env: CENTRAL_PORT, CENTRAL_DB, CENTRAL_TOKENS (same format as --tokens), CENTRAL_HOST, CENTRAL_SEND_NOW_INTERVAL_MIN
 * (minutes between two immediate security-code sends to the same customer; default 2, see OtpPolicySchema),
 * CENTRAL_RESERVATION_TTL_MIN (minutes a reservation of the daily withdrawal limits lives unconsumed; default 15),
 * CENTRAL_CLOCK_START (test and training: central's clock starts at this ISO instant and runs from there).
 * Prints `CENTRAL_READY <url>` on stdout once listening; request logs go to stderr as JSON lines.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    demo: { type: 'boolean', default: false },
    tokens: { type: 'string' },
    host: { type: 'string' },
    'send-now-interval-min': { type: 'string' },
    'reservation-ttl-min': { type: 'string' },
    'clock-start': { type: 'string' },
    /** Stop when stdin closes: a parent that starts central as its child takes it down even when killed -9. */
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

const port = Number(values.port ?? process.env.CENTRAL_PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write('central: --port debe ser un número entre 0 y 65535\n');
  process.exit(2);
}
const intervalText = values['send-now-interval-min'] ?? process.env.CENTRAL_SEND_NOW_INTERVAL_MIN;
const sendNowInterval = intervalText === undefined ? undefined : Number(intervalText);
if (sendNowInterval !== undefined && (!Number.isInteger(sendNowInterval) || sendNowInterval < 0 || sendNowInterval > 1440)) {
  process.stderr.write('central: --send-now-interval-min debe ser un número de minutos entre 0 y 1440\n');
  process.exit(2);
}
// How long a reservation of an account's daily withdrawal limits outlives a workstation that never sent its withdrawal.
const ttlText = values['reservation-ttl-min'] ?? process.env.CENTRAL_RESERVATION_TTL_MIN;
const reservationTtl = ttlText === undefined ? undefined : Number(ttlText);
if (reservationTtl !== undefined && (!Number.isInteger(reservationTtl) || reservationTtl < 1 || reservationTtl > 240)) {
  process.stderr.write('central: --reservation-ttl-min debe ser un número de minutos entre 1 y 240\n');
  process.exit(2);
}
const clockText = values['clock-start'] ?? process.env.CENTRAL_CLOCK_START;
const clockStart = clockText === undefined ? undefined : new Date(clockText);
if (clockStart !== undefined && Number.isNaN(clockStart.getTime())) {
  process.stderr.write(`central: --clock-start no es una fecha y hora ISO válida: ${clockText}\n`);
  process.exit(2);
}
const tokens = parseTokenList(values.tokens ?? process.env.CENTRAL_TOKENS ?? '');
if (tokens.length === 0 && !values.demo) {
  process.stderr.write('central: sin tokens de estación (use --tokens o CENTRAL_TOKENS, o --demo)\n');
  process.exit(2);
}

const central = await startCentral({
  port,
  host: values.host ?? process.env.CENTRAL_HOST ?? '127.0.0.1',
  dbPath: values.db ?? process.env.CENTRAL_DB ?? DEFAULT_DB_PATH,
  demo: values.demo,
  tokens,
  ...(sendNowInterval === undefined ? {} : { otpPolicy: { sendNowMinIntervalMs: sendNowInterval * 60_000 } }),
  ...(reservationTtl === undefined ? {} : { reservationTtlMs: reservationTtl * 60_000 }),
  ...(clockStart === undefined ? {} : { clock: clockFrom(clockStart) }),
});
if (values.demo) {
  for (const t of central.demoTokens) process.stdout.write(`CENTRAL_DEMO_TOKEN ${t.workstation} ${t.token}\n`);
}
process.stdout.write(`CENTRAL_READY ${central.url}\n`);

const stop = (): void => {
  void central.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (values['exit-with-stdin']) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
