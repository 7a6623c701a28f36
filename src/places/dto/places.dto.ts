import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class PlacesQuery {
  /**
   * A place name or its beginning, forgiving accents, case and small typos ("Berln", "zurich"). Without it, the
   * biggest places come first.
   */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  /** ISO 3166-1 alpha-2 country code (e.g. DE); only places in that country. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase() : value))
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country?: string;

  /** How many places to answer, 1..20 (default 10). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  limit?: number;
}

export class PlaceView {
  /** The place's GeoNames id. */
  id: number;
  name: string;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** GeoNames first-level administrative division code within the country (e.g. "CA", "16"); null when unknown. */
  admin1: string | null;
  lat: number;
  lng: number;
  /** IANA time zone of the place. */
  timezone: string;
  population: number;
}

export class PlaceList {
  /** Best matches first: exact names, then name beginnings, then close spellings; biggest first within each. */
  items: PlaceView[];
  /** Always null: the answer is the best `limit` places, not a page. */
  nextCursor: string | null;
}
