import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RevokedFamilies } from '../common/auth/revoked-families.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { AuthController, MeController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginLimiter } from './login-limiter.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [ProfilesModule],
  controllers: [AuthController, MeController],
  providers: [AuthService, TokensService, LoginLimiter, RevokedFamilies],
  exports: [AuthService, RevokedFamilies],
})
export class AuthModule {}

/** JWT signing/verification shared by the auth module and the global guard. */
export const jwtModule = JwtModule.registerAsync({
  global: true,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256' } }),
});
