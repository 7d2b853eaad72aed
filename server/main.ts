import { loadConfig } from './config';
import { DEMO_PASSWORD } from './domain/seed/demoAccounts';
import { createLogger } from './logger';
import { installProcessGuards } from './processGuards';
import { startServer } from './startServer';

/** Process entry: read the environment once, start, and shut down cleanly on signals. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, logger);

  if (server.seeded.length > 0) {
    const rows = server.seeded.map((a) => `  ${a.username.padEnd(12)} ${a.role.padEnd(12)} ${a.delegation.padEnd(16)} ${a.negotiation}`);
    process.stdout.write(`\nDemo accounts (password "${DEMO_PASSWORD}"):\n${rows.join('\n')}\n\n`);
  }
  process.stdout.write(`Resolution workspace ready at ${server.url.replace('127.0.0.1', 'localhost')}\n`);

  let stopping = false;
  const shutdown = (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error('shutdown took too long; exiting with pending work');
      process.exit(1);
    }, 15_000);
    server.close().then(
      () => {
        clearTimeout(forced);
        process.exit(exitCode);
      },
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  installProcessGuards(process, logger, shutdown);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
