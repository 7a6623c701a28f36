import { ApiProperty } from '@nestjs/swagger';
import { AvailabilityWindowDto, LocationDto } from './profile.dto.js';

export class OwnProfile {
  id: string;
  displayName: string;
  headline: string;
  bio: string;
  @ApiProperty({ enum: ['learner', 'mentor', 'organizer', 'admin'], isArray: true })
  roles: ('learner' | 'mentor' | 'organizer' | 'admin')[];
  timezone: string;
  languages: string[];
  @ApiProperty({ type: () => LocationDto, nullable: true })
  location: LocationDto | null;
  contactUrl: string | null;
  @ApiProperty({ type: () => [AvailabilityWindowDto] })
  availability: AvailabilityWindowDto[];
}

export class PublicLocation {
  city: string;
  country: string;
}

export class PublicMentoring {
  acceptingMentees: boolean;
  openSlots: number;
}

/** Never carries email, lat, lng; contactUrl only for the other party of an active or completed mentorship. */
export class PublicProfile {
  id: string;
  displayName: string;
  headline: string;
  bio: string;
  @ApiProperty({ enum: ['learner', 'mentor', 'organizer'], isArray: true })
  roles: ('learner' | 'mentor' | 'organizer' | 'admin')[];
  timezone: string;
  languages: string[];
  @ApiProperty({ type: () => PublicLocation, nullable: true })
  location: PublicLocation | null;
  @ApiProperty({ type: () => [AvailabilityWindowDto] })
  availability: AvailabilityWindowDto[];
  /** Null unless the profile is a mentor's. */
  @ApiProperty({ type: () => PublicMentoring, nullable: true })
  mentoring: PublicMentoring | null;
  /** Present only when the caller is the other party of an active or completed mentorship with this profile. */
  @ApiProperty({ required: false, nullable: true, type: String })
  contactUrl?: string | null;
}
