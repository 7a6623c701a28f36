import { Injectable } from '@nestjs/common';
import { AccountService } from '../auth/account.service.js';
import { AuthService } from '../auth/auth.service.js';
import { TokensService } from '../auth/tokens.service.js';
import { NotFound } from '../common/errors/domain-error.js';
import { sqlOne } from '../database/sql.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MatchSuggestionsService } from '../matching/match-suggestions.service.js';
import { MentorshipRequestsService } from '../matching/mentorship-requests.service.js';
import { MentorshipsService } from '../matching/mentorships.service.js';
import { MeetupsService } from '../meetups/meetups.service.js';
import { ProgramsService } from '../programs/programs.service.js';
import { SessionsService } from '../sessions/sessions.service.js';

/**
 * DELETE /v1/me. One transaction: each owning module ends what the member takes part in (and writes its events
 * to the outbox in that same transaction), then the account row goes and the database cascades or nulls the
 * rest (see docs/architecture.md, "Deleting an account"). Either all of it happens or none.
 */
@Injectable()
export class AccountDeletionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly account: AccountService,
    private readonly auth: AuthService,
    private readonly tokens: TokensService,
    private readonly requests: MentorshipRequestsService,
    private readonly mentorships: MentorshipsService,
    private readonly suggestions: MatchSuggestionsService,
    private readonly meetups: MeetupsService,
    private readonly programs: ProgramsService,
    private readonly sessions: SessionsService,
  ) {}

  async delete(userId: string, password: string): Promise<void> {
    await this.account.assertPassword(this.uow.db, userId, password, 'password');
    await this.uow.run(async (tx) => {
      // Serialises two deletions of one account (a double click): the second finds nothing.
      const me = await sqlOne(tx, `SELECT id FROM users WHERE id = $1 FOR UPDATE`, [userId]);
      if (!me) throw new NotFound('Account');
      await this.meetups.cancelUpcomingOf(tx, userId);
      await this.meetups.removeMemberRsvps(tx, userId);
      await this.requests.cancelAllOf(tx, userId);
      await this.sessions.cancelUpcomingOf(tx, userId);
      await this.mentorships.completeAllOf(tx, userId);
      await this.programs.removeMember(tx, userId);
      await this.suggestions.forgetMentor(tx, userId);
      await this.tokens.revokeAllFor(tx, userId);
      await this.auth.deleteAccount(tx, userId);
    });
  }
}
