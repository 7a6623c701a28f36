import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EventsService } from '../queues/events.service.js';
import type { Role } from '../common/auth/auth-user.js';
import { Conflict, NotFound, Unauthorized } from '../common/errors/domain-error.js';
import { sql, sqlOne } from '../database/sql.js';
import { UnitOfWork, type Tx } from '../database/unit-of-work.js';
import type { AuthResult, TokenPair, UserView } from './dto/auth.responses.js';
import type { LoginDto, RegisterDto } from './dto/auth.dto.js';
import { ProfilesService } from '../profiles/profiles.service.js';
import { LoginLimiter } from './login-limiter.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { assertAcceptablePassword } from './password-policy.js';
import { TokensService } from './tokens.service.js';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  email_verified: boolean;
  password_hash: string;
}

const toView = (u: Pick<UserRow, 'id' | 'email' | 'display_name' | 'roles' | 'email_verified'>): UserView => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  roles: u.roles,
  emailVerified: u.email_verified,
});

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokensService,
    private readonly limiter: LoginLimiter,
    private readonly profiles: ProfilesService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(dto: RegisterDto): Promise<AuthResult> {
    const email = dto.email.toLowerCase();
    const roles = [...new Set(dto.roles)] as Role[];
    assertAcceptablePassword(dto.password);
    const passwordHash = await hashPassword(dto.password);
    return this.uow.run(async (tx) => {
      const [user] = await sql<Omit<UserRow, 'display_name' | 'password_hash'>>(
        tx,
        `INSERT INTO users (email, password_hash, roles) VALUES ($1, $2, $3)
         ON CONFLICT (email) DO NOTHING RETURNING id, email, roles, email_verified`,
        [email, passwordHash, roles],
      );
      if (!user) throw new Conflict('EMAIL_TAKEN', 'An account with this e-mail already exists.');
      await this.profiles.create(tx, user.id, dto.displayName);
      if (this.config.smtpUrl) await this.events.emit(tx, 'account.verification_requested', { userId: user.id });
      const pair = await this.tokens.issue(tx, user.id, roles);
      return { user: toView({ ...user, display_name: dto.displayName }), ...pair };
    });
  }

  /** `address` is the client's (see TRUST_PROXY): failures are limited per account and per address. */
  async login(dto: LoginDto, address: string): Promise<AuthResult> {
    const email = dto.email.toLowerCase();
    await this.limiter.begin(email, address);
    const user = await sqlOne<UserRow>(
      this.uow.db,
      `SELECT u.id, u.email, u.roles, u.email_verified, u.password_hash, p.display_name
         FROM users u JOIN profiles p ON p.id = u.id WHERE u.email = $1`,
      [email],
    );
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), dto.password);
    if (!user || !ok) throw new Unauthorized('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
    await this.limiter.succeeded(email, address);
    const pair = await this.uow.run((tx) => this.tokens.issue(tx, user.id, user.roles));
    return { user: toView(user), ...pair };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    // Roles are re-read so a granted or removed role takes effect at the next refresh.
    const rolesOf = async (tx: Tx, userId: string): Promise<Role[] | null> => {
      const [user] = await sql<{ roles: Role[] }>(tx, `SELECT roles FROM users WHERE id = $1`, [userId]);
      return user?.roles ?? null;
    };
    const result = await this.uow.run((tx) => this.tokens.rotate(tx, refreshToken, rolesOf));
    if (result.kind === 'reused') {
      await this.uow.run((tx) => this.tokens.revokeFamily(tx, result.familyId));
      throw new Unauthorized(
        'REFRESH_TOKEN_REUSED',
        'This refresh token was already used; every session of its family has been signed out.',
      );
    }
    return result.pair;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.uow.run((tx) => this.tokens.revokeByToken(tx, refreshToken));
  }

  async user(id: string): Promise<UserView> {
    const u = await sqlOne<UserRow>(
      this.uow.db,
      `SELECT u.id, u.email, u.roles, u.email_verified, p.display_name
         FROM users u JOIN profiles p ON p.id = u.id WHERE u.id = $1`,
      [id],
    );
    if (!u) throw new NotFound('Account');
    return toView(u);
  }

  /**
   * The last step of an account deletion, in its transaction: the profile and everything that is only the
   * member's go by cascade; rows the other party keeps lose the member (ON DELETE SET NULL).
   */
  async deleteAccount(tx: Tx, id: string): Promise<void> {
    await sql(tx, `DELETE FROM users WHERE id = $1`, [id]);
  }

  /** For `npm run admin:grant`. */
  async grantRole(email: string, role: Role): Promise<boolean> {
    return this.uow.run(async (tx) => {
      // profiles.roles follows by trigger.
      await sql(
        tx,
        `UPDATE users SET roles = array_append(roles, $2), updated_at = now()
          WHERE email = $1 AND NOT ($2 = ANY(roles)) RETURNING id`,
        [email.toLowerCase(), role],
      );
      return Boolean(await sqlOne(tx, `SELECT 1 FROM users WHERE email = $1`, [email.toLowerCase()]));
    });
  }
}
