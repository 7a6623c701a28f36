import type { Role } from '../../common/auth/auth-user.js';

export class UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export class TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export class AuthResult extends TokenPair {
  user: UserView;
}
