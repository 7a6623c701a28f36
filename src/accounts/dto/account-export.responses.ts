import { ApiProperty } from '@nestjs/swagger';
import { UserView } from '../../auth/dto/auth.responses.js';
import { MessageView } from '../../conversations/dto/conversation.dto.js';
import { FeedbackView, MentorshipView } from '../../matching/dto/mentorship.dto.js';
import { MentorshipRequestView } from '../../matching/dto/mentorship-request.dto.js';
import { NotificationPreferencesView, NotificationView } from '../../notifications/dto/notifications.dto.js';
import { Goal } from '../../profiles/dto/goals.dto.js';
import { MentoringSettings } from '../../profiles/dto/mentoring.dto.js';
import { ProfileSkill } from '../../profiles/dto/profile-skills.dto.js';
import { OwnProfile } from '../../profiles/dto/profile.responses.js';
import { MembershipView } from '../../programs/dto/program.dto.js';
import { SessionView } from '../../sessions/dto/session.dto.js';

/** The version of the export document's shape; it grows when a field changes meaning or goes away. */
export const EXPORT_VERSION = 1;

export class ExportAccount extends UserView {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ExportRsvp {
  @ApiProperty({ format: 'uuid' })
  meetupId: string;
  meetupTitle: string;
  @ApiProperty({ format: 'date-time' })
  meetupStartsAt: string;
  @ApiProperty({ enum: ['going', 'waitlisted', 'interested', 'not_going'] })
  status: 'going' | 'waitlisted' | 'interested' | 'not_going';
  /** 1-based place on the waitlist, or null. */
  waitlistPosition: number | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  checkedInAt: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ExportOrganizedMeetup {
  @ApiProperty({ format: 'uuid' })
  id: string;
  title: string;
  @ApiProperty({ format: 'date-time' })
  startsAt: string;
  status: string;
}

export class ExportEmailChange {
  oldEmail: string;
  newEmail: string;
  @ApiProperty({ format: 'date-time' })
  changedAt: string;
}

export class ExportBlock {
  @ApiProperty({ format: 'uuid' })
  blockedId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ExportReport {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', description: 'The reported profile' })
  profileId: string;
  reason: string;
  details: string;
  @ApiProperty({ enum: ['open', 'resolved', 'dismissed'] })
  status: 'open' | 'resolved' | 'dismissed';
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ExportConversation {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The other party; null once deleted' })
  withId: string | null;
  @ApiProperty({ type: [MessageView], description: 'Every message of the conversation, oldest first' })
  messages: MessageView[];
}

/**
 * GET /v1/me/export: everything stored about the caller, as one JSON document. Never holds a password hash or
 * a token (refresh tokens, link tokens, calendar-feed tokens, webhook secrets).
 */
export class AccountExport {
  @ApiProperty({ enum: [EXPORT_VERSION], description: 'Shape version of this document' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  exportedAt: string;
  account: ExportAccount;
  /** Earlier addresses of the account, oldest change first. */
  emailChanges: ExportEmailChange[];
  profile: OwnProfile;
  skills: ProfileSkill[];
  goals: Goal[];
  /** Mentors only; null otherwise. */
  @ApiProperty({ type: MentoringSettings, nullable: true })
  mentoring: MentoringSettings | null;
  /** Sent and received, newest first. */
  requests: MentorshipRequestView[];
  /** As learner and as mentor, with their tasks. */
  mentorships: MentorshipView[];
  feedbackGiven: FeedbackView[];
  feedbackReceived: FeedbackView[];
  rsvps: ExportRsvp[];
  organizedMeetups: ExportOrganizedMeetup[];
  programs: MembershipView[];
  notifications: NotificationView[];
  @ApiProperty({ type: NotificationPreferencesView, nullable: true })
  notificationPreferences: NotificationPreferencesView | null;
  conversations: ExportConversation[];
  sessions: SessionView[];
  /** Members the caller blocked. */
  blocks: ExportBlock[];
  /** Reports the caller filed (reports about the caller are moderation data and name their reporter: not here). */
  reportsFiled: ExportReport[];
}
