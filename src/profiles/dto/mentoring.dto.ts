import { IsBoolean, IsInt, Max, Min } from 'class-validator';

export class MentoringSettingsDto {
  /** Explicit opt-in: new mentors start at false. */
  @IsBoolean()
  acceptingMentees: boolean;

  /** 0..20. May be set below activeMentees: nobody is dropped, openSlots is 0 until mentorships end. */
  @IsInt()
  @Min(0)
  @Max(20)
  capacity: number;
}

export class MentoringSettings {
  acceptingMentees: boolean;
  capacity: number;
  /** Active mentorships in which this profile is the mentor. */
  activeMentees: number;
  /** max(0, capacity - activeMentees) */
  openSlots: number;
}
