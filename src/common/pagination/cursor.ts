import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ValidationFailed } from '../errors/domain-error.js';
import { isUuid } from '../http/uuid.pipe.js';

export class PageQuery {
  /** 1..100, default 20 */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Opaque cursor from a previous page's nextCursor; its length is checked by the list's CursorCodec. */
  @ApiPropertyOptional({ description: "Opaque: a previous page's nextCursor." })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageLimit = (q: { limit?: number }): number => q.limit ?? 20;

/** Far above any cursor we issue (a few uuids and timestamps), so a longer one is tampered with. */
const MAX_CURSOR_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** What cursorTimestamp() writes: UTC with microseconds, which a JS Date would lose. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const BIGINT = /^(0|[1-9]\d{0,17})$/;

/** Date.parse takes 2026-02-30 and year 0, which Postgres refuses: the time must print back as it was given. */
function isRealTime(v: string): boolean {
  const ms = Date.parse(v);
  return Number.isFinite(ms) && !v.startsWith('0000') && new Date(ms).toISOString().slice(0, 19) === v.slice(0, 19);
}

/** One position of a keyset cursor: what it holds and how a decoded value is checked. */
export interface CursorField<T> {
  readonly accepts: (v: unknown) => v is T;
}

const field = <T>(accepts: (v: unknown) => boolean): CursorField<T> => ({
  accepts: accepts as (v: unknown) => v is T,
});

export const cursorField = {
  /** A timestamptz as written by cursorTimestamp(), bound as `$n::timestamptz`. */
  timestamp: field<string>((v) => typeof v === 'string' && TIMESTAMP.test(v) && isRealTime(v)),
  uuid: field<string>(isUuid),
  /** An integer in min..max. */
  int: (min: number, max: number): CursorField<number> =>
    field<number>((v) => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max),
  /** A non-negative bigint as decimal text (JSON numbers lose precision past 2^53), bound as `$n::bigint`. */
  bigint: field<string>((v) => typeof v === 'string' && BIGINT.test(v)),
  nullable: <T>(inner: CursorField<T>): CursorField<T | null> => field<T | null>((v) => v === null || inner.accepts(v)),
} as const;

type FieldValues<F extends readonly CursorField<unknown>[]> = {
  -readonly [I in keyof F]: F[I] extends CursorField<infer T> ? T : never;
};

/**
 * Keyset cursors: opaque base64url JSON tuples, so clients cannot depend on their shape. Each list declares
 * its tuple once; decode checks shape, types and length, so a tampered cursor is a 400 INVALID_CURSOR and
 * never reaches SQL as a value Postgres would reject.
 */
export class CursorCodec<F extends readonly CursorField<unknown>[]> {
  constructor(private readonly fields: F) {}

  encode(values: FieldValues<F>): string {
    return Buffer.from(JSON.stringify(values)).toString('base64url');
  }

  decode(cursor: string | undefined): FieldValues<F> | null {
    if (cursor === undefined) return null;
    if (cursor.length > MAX_CURSOR_LENGTH || !BASE64URL.test(cursor)) throw invalidCursor();
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw invalidCursor();
    }
    if (!Array.isArray(value) || value.length !== this.fields.length) throw invalidCursor();
    if (!this.fields.every((f, i) => f.accepts(value[i]))) throw invalidCursor();
    return value as FieldValues<F>;
  }

  /** Given limit+1 rows, returns the page and the cursor built from the last item shown. */
  page<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => FieldValues<F>): Page<T> {
    const more = rows.length > limit;
    const shown = more ? rows.slice(0, limit) : rows;
    return { items: shown.map(map), nextCursor: more ? this.encode(key(shown[shown.length - 1])) : null };
  }
}

export const cursorCodec = <const F extends readonly CursorField<unknown>[]>(...fields: F): CursorCodec<F> =>
  new CursorCodec(fields);

/** SQL for a timestamptz column as a cursorField.timestamp value (UTC, microseconds). */
export const cursorTimestamp = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const invalidCursor = (): ValidationFailed => ValidationFailed.field('cursor', 'cursor is not valid', 'INVALID_CURSOR');
