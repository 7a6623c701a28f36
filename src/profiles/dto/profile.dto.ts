import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { IfPresent } from './present.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class LocationDto {
  /** 1..120 characters */
  city: string;
  /** ISO 3166-1 alpha-2, capitals (DE) */
  country: string;
  /** -90..90; never shown to others */
  lat: number;
  /** -180..180; never shown to others */
  lng: number;
}

export class AvailabilityWindowDto {
  @ApiProperty({ enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] })
  day: string;
  /** HH:MM, 00:00..23:59, in the profile's time zone */
  start: string;
  /** HH:MM after start, up to 24:00 */
  end: string;
}

/** Every field optional; fields not listed here are rejected with 400. */
export class UpdateProfileDto {
  /** 1..80 characters; also the account's displayName (GET /v1/me). */
  @IfPresent()
  @Transform(trim)
  @IsString()
  @Length(1, 80)
  displayName?: string;

  @IfPresent()
  @IsString()
  @MaxLength(160)
  headline?: string;

  @IfPresent()
  @IsString()
  @MaxLength(4000)
  bio?: string;

  /** IANA zone name, e.g. Europe/Berlin; unknown names are 400. */
  @IfPresent()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  /** ISO 639-1 codes, lowercase (en, de); duplicates are dropped; at most 10 distinct. */
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  languages?: string[];

  /** `{ city, country, lat, lng }`, or null to clear. Others only ever see city and country. */
  @ApiProperty({ type: () => LocationDto, nullable: true, required: false })
  @IsOptional()
  @IsObject()
  location?: Record<string, unknown> | null;

  /** http(s) URL, or null to clear; shown only to the other party of an active or completed mentorship. */
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'contactUrl must be an http or https URL' },
  )
  contactUrl?: string | null;

  /** Weekly windows (at most 28); overlapping or touching windows of a day are merged. */
  @ApiProperty({ type: () => [AvailabilityWindowDto], required: false })
  @IfPresent()
  @IsArray()
  availability?: unknown[];
}
