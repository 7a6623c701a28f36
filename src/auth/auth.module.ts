import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RevokedFamilies } from '../common/auth/revoked-families.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { AccountLinksController } from './account-links.controller.js';
import { AccountLinksService } from './account-links.service.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';
import { AuthController, MeController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LinkTokensService } from './link-tokens.service.js';
import { LoginLimiter } from './login-limiter.js';
import { ResetLimiter } from './reset-limiter.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [ProfilesModule],
  controllers: [AuthController, MeController, AccountLinksController, AccountController],
  providers: [
    AuthService,
    TokensService,
    LoginLimiter,
    ResetLimiter,
    RevokedFamilies,
    LinkTokensService,
    AccountLinksService,
    AccountService,
  ],
  exports: [AuthService, AccountService, TokensService, RevokedFamilies],
})
export class AuthModule {}

/**
 * JWT signing/verification shared by the auth module and the global guard. The secret is handed over as
 * a KeyObject: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every
 * verify, which cost ~10% of the CPU of an authenticated request in bench/http-overhead.bench.ts.
 */
export const jwtModule = JwtModule.registerAsync({
  global: true,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    return { secret: key as unknown as string, signOptions: { algorithm: 'HS256' } };
  },
});
