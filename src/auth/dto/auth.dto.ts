import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { Transform } from 'class-transformer';
import { SELF_ASSIGNABLE_ROLES } from '../../common/auth/auth-user.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  /** 10–128 characters */
  @IsString()
  @Length(10, 128, { message: 'password must be 10 to 128 characters long' })
  password: string;

  @Transform(trim)
  @IsString()
  @Length(1, 80)
  displayName: string;

  /** At least one of learner, mentor, organizer; admin is never self-assigned. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(SELF_ASSIGNABLE_ROLES, { each: true, message: 'roles may only contain learner, mentor and organizer' })
  roles: ('learner' | 'mentor' | 'organizer')[];

  /** Browser sessions: answer without refreshToken and set it as the HttpOnly cookie guildhall_refresh instead. */
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class LoginDto {
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(128)
  password: string;

  /** Browser sessions: answer without refreshToken and set it as the HttpOnly cookie guildhall_refresh instead. */
  @IsOptional()
  @IsBoolean()
  cookie?: boolean;
}

export class RefreshTokenDto {
  /** Omitted by browsers: the guildhall_refresh cookie is used instead (the request's Origin must be allowed). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
