import { ApiProperty } from '@nestjs/swagger';
import type { Role } from '../../common/auth/auth-user.js';
import { OwnProfile } from '../../profiles/dto/profile.responses.js';

export class UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  emailVerified: boolean;
}

export class TokenPair {
  accessToken: string;
  /** Absent when the refresh token travels in the guildhall_refresh cookie (browser sessions). */
  refreshToken?: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export class AuthResult extends TokenPair {
  user: UserView;
}

/**
 * The answer to a request for a mailed link: always the same, whether or not a mail goes out (for a reset, the
 * answer must not tell whether the address has an account).
 */
export class LinkRequested {
  @ApiProperty({ enum: ['queued'] })
  status: 'queued';
}

/** The signed-in account and its own profile. */
export class MeView extends UserView {
  profile: OwnProfile;
}
