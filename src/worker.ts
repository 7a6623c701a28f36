import 'reflect-metadata';
import { createWorkerApp } from './app/create-worker-app.js';
import { exitOnConfigError } from './config/exit-on-config-error.js';
import { loadConfig } from './config/app-config.js';

const config = exitOnConfigError(loadConfig);
await createWorkerApp(config);
