import 'reflect-metadata';
import { createApiApp, LISTEN_BACKLOG } from './app/create-api-app.js';
import { exitOnConfigError } from './config/exit-on-config-error.js';
import { loadConfig } from './config/app-config.js';

const config = exitOnConfigError(loadConfig);
const app = await createApiApp(config);
await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
