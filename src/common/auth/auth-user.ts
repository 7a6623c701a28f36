export const ROLES = ['learner', 'mentor', 'organizer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const SELF_ASSIGNABLE_ROLES = ['learner', 'mentor', 'organizer'] as const;

/** What a verified access token tells us about the caller. */
export interface AuthUser {
  id: string;
  roles: Role[];
  familyId: string;
}

export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  fid: string;
}
