import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { AuthService } from '../auth/auth.service.js';
import { AuthModule, jwtModule } from '../auth/auth.module.js';
import { CoreModule } from '../app/core.module.js';
import { loadConfig } from '../config/app-config.js';
import { exitOnConfigError } from '../config/exit-on-config-error.js';

/**
 * `npm run admin:grant -- <email>`: gives an existing account the admin role (effective at its next login or
 * refresh).
 */
const email = process.argv[2];
if (!email || !email.includes('@')) {
  process.stderr.write('usage: npm run admin:grant -- <email>\n');
  process.exit(64);
}
const config = exitOnConfigError(loadConfig);

@Module({ imports: [CoreModule.forRoot(config), jwtModule, AuthModule] })
class AdminCliModule {}

const app = await NestFactory.createApplicationContext(AdminCliModule, { logger: ['error'] });
try {
  const found = await app.get(AuthService).grantRole(email, 'admin');
  if (!found) {
    process.stderr.write('no account with that e-mail\n');
    process.exitCode = 1;
  } else {
    process.stdout.write('admin role granted; it takes effect at the next login or token refresh\n');
  }
} finally {
  await app.close();
}
