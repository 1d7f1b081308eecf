// Entry point of the broker process: the only file that reads env and signals.
import { pino } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { readBrokerConfig } from './config.ts';
import { createBroker } from './create-broker.ts';
import { createCredentialStore } from './credentials.ts';
import { createMetricsServer } from './metrics-server.ts';

const logger = pino({ name: 'broker' });

async function main(): Promise<void> {
  const config = readBrokerConfig(process.env);
  const credentials = createCredentialStore({ path: config.credentialsPath });
  await credentials.load();

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const broker = await createBroker({ port: config.mqttPort, credentials, registry, logger });
  const metrics = config.metricsPort > 0 ? createMetricsServer({ port: config.metricsPort, registry }) : null;

  await broker.start();
  await metrics?.start();
  logger.info(
    { mqttPort: broker.address().port, metricsPort: metrics?.address().port ?? null, credentials: config.credentialsPath },
    'broker started',
  );

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    Promise.all([broker.stop(), metrics?.stop()]).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  logger.fatal({ err }, 'broker failed to start');
  process.exit(1);
});
