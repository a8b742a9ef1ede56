import type { Log } from '../compose';

/** JSON lines on stderr; stdout is kept for the lines that tell a person or a test where the app is. */
export const stderrLog: Log = (entry) => {
  const { err, ...rest } = entry;
  const e = err instanceof Error ? { err: err.message, stack: err.stack } : err === undefined ? {} : { err: String(err) };
  process.stderr.write(`${JSON.stringify({ at: new Date().toISOString(), ...rest, ...e })}\n`);
};
