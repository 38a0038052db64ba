import { buildApp, configFromEnv } from '@lotse/api';
import type { LotseDatabase } from '@lotse/db';

export interface ServeOptions {
  database: LotseDatabase;
  host: string;
  port: number;
  webRoot?: string;
  onListening?: (url: string) => void;
}

/** Listens until SIGINT/SIGTERM, then stops taking requests and closes the database (PGlite must close cleanly). */
export async function serve(options: ServeOptions) {
  const app = await buildApp({ database: options.database, config: { ...configFromEnv(), webRoot: options.webRoot } });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal} empfangen – Lotse wird beendet …\n`);
    try {
      await app.close();
    } finally {
      await options.database.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ host: options.host, port: options.port });
  options.onListening?.(address);
  return app;
}
