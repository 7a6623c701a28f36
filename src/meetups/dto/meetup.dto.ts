import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor.js';
import { IsDateTime } from '../../common/validation/dates.js';
import { isCountryCode } from '../../profiles/validation/countries.js';
import { isValidTimeZone } from '../../profiles/validation/timezones.js';
import { MEETUP_LEVELS, type MeetupLevel } from '../meetup-rules.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function custom(
  name: string,
  test: (v: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: test },
    });
}

const IsTimeZone = () =>
  custom('isTimeZone', isValidTimeZone, '$property must be an IANA time zone name, e.g. Europe/Berlin');
const IsCountry = () =>
  custom('isCountry', isCountryCode, '$property must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE');
const HttpsUrl = () =>
  IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: false },
    { message: '$property must be an https URL' },
  );
/** Present and not null: for fields a PATCH may leave out but never clear. */
const NotNullWhenGiven = () => ValidateIf((_: object, v: unknown) => v !== undefined);

export class VenueDto {
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @Transform(trim)
  @IsString()
  @Length(1, 300)
  address: string;

  @Transform(trim)
  @IsString()
  @Length(1, 120)
  city: string;

  /** ISO 3166-1 alpha-2, capitals */
  @IsCountry()
  country: string;

  /** -90..90 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  /** -180..180 */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;
}

export class CreateMeetupDto {
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @IsString()
  @MaxLength(10000)
  description: string;

  /** ISO-8601 with offset */
  @IsDateTime()
  startsAt: string;

  /** ISO-8601 with offset; after startsAt */
  @IsDateTime()
  endsAt: string;

  /** IANA zone name the meetup is held in */
  @IsTimeZone()
  timezone: string;

  @IsBoolean()
  online: boolean;

  /** https link; required when online, refused when in person */
  @IsOptional()
  @HttpsUrl()
  @MaxLength(2000)
  onlineUrl?: string | null;

  /** required when in person; optional (hybrid) when online */
  @IsOptional()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto | null;

  /** 1..10000 */
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  /** slugs of the skill taxonomy (GET /v1/skills) */
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG, { each: true, message: 'each skill must be a skill slug' })
  skills: string[];

  @IsOptional()
  @IsIn(MEETUP_LEVELS)
  level?: MeetupLevel | null;
}

/** Every field optional; `onlineUrl`, `venue` and `level` may be set to null to clear them. */
export class UpdateMeetupDto {
  @NotNullWhenGiven()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @NotNullWhenGiven()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @NotNullWhenGiven()
  @IsDateTime()
  startsAt?: string;

  @NotNullWhenGiven()
  @IsDateTime()
  endsAt?: string;

  @NotNullWhenGiven()
  @IsTimeZone()
  timezone?: string;

  @NotNullWhenGiven()
  @IsBoolean()
  online?: boolean;

  @IsOptional()
  @HttpsUrl()
  @MaxLength(2000)
  onlineUrl?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => VenueDto)
  venue?: VenueDto | null;

  /** 1..10000; below goingCount is 409, above it promotes the waitlist */
  @NotNullWhenGiven()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @NotNullWhenGiven()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(SLUG, { each: true, message: 'each skill must be a skill slug' })
  skills?: string[];

  @IsOptional()
  @IsIn(MEETUP_LEVELS)
  level?: MeetupLevel | null;
}

export const RSVP_REQUESTS = ['going', 'interested', 'not_going'] as const;
export type RsvpRequest = (typeof RSVP_REQUESTS)[number];

export class RsvpDto {
  @IsIn(RSVP_REQUESTS)
  status: RsvpRequest;
}

export class CheckInDto {
  @IsUUID('all')
  profileId: string;
}

export class SearchMeetupsQuery extends PageQuery {
  /** full text over title and description (web-search syntax: "quoted phrase", -exclude, or) */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** a skill slug; a parent skill also finds meetups about its children */
  @IsOptional()
  @IsString()
  @Matches(SLUG, { message: 'skill must be a skill slug' })
  skill?: string;

  /** earliest start (ISO-8601 with offset); default now */
  @IsOptional()
  @IsDateTime()
  from?: string;

  /** latest start, exclusive */
  @IsOptional()
  @IsDateTime()
  to?: string;

  /** LAT,LNG: only in-person meetups within radiusKm of it */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  near?: string;

  /** 0 < radiusKm <= 20000, default 50; needs near */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(20000)
  radiusKm?: number;

  /** true: online (incl. hybrid) only; false: not online only */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  online?: boolean;
}

export class RecommendedQuery {
  /** how many to return, 1..50, default 20 (a top-N list, not paged) */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export const ATTENDEE_STATUSES = ['going', 'waitlisted', 'interested', 'not_going'] as const;
export type RsvpStatus = (typeof ATTENDEE_STATUSES)[number];

export class AttendeesQuery extends PageQuery {
  /** only this status; default every status but not_going */
  @IsOptional()
  @IsIn(ATTENDEE_STATUSES)
  status?: RsvpStatus;
}
