import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The token from a mailed link (`?token=…`). */
export class LinkTokenDto {
  @IsString()
  @MaxLength(200)
  token: string;
}

export class PasswordResetRequestDto {
  @Transform(trim)
  @IsString()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmDto {
  @IsString()
  @MaxLength(200)
  token: string;

  /** The new password: 10–128 characters, not a common one. */
  @IsString()
  @Length(10, 128, { message: 'password must be 10 to 128 characters long' })
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  /** 10–128 characters, not a common one. */
  @IsString()
  @Length(10, 128, { message: 'newPassword must be 10 to 128 characters long' })
  newPassword: string;
}

export class ChangeEmailDto {
  /** The new address; it starts unverified and gets a verification link. */
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(128)
  currentPassword: string;
}

export class DeleteAccountDto {
  /** The account's password, asked again so a stolen access token alone cannot delete the account. */
  @IsString()
  @MaxLength(128)
  password: string;
}
