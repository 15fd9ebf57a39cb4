import type { SessionTimes } from '../token-service.js';
import { ApiProperty } from '@nestjs/swagger';
import { isEmail, IsOptional, IsString, Length, Matches, ValidateBy } from 'class-validator';
import type { StaffUserEntity } from '../staff-user.entity.js';

// A lone surrogate ("\ud800" in JSON) is no e-mail address, and validator's isEmail throws on one
// (encodeURI), which answered 500: such text is refused before isEmail sees it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** An e-mail address (class-validator's check), refusing text that is not well-formed Unicode. */
function IsEmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return false;
        try {
          return isEmail(value);
        } catch {
          return false; // whatever else the library may throw on: not an address we can use
        }
      },
      defaultMessage: () => 'email must be an email address',
    },
  });
}

export class SignInRequest {
  @ApiProperty({ example: 'northshire', description: "The board's short name" })
  @IsString()
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: 'tenant must be the short name of a board (lower-case letters, digits, dashes)',
  })
  tenant!: string;

  @ApiProperty({ example: 'chair@northshire.example' })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiProperty({
    required: false,
    example: '123456',
    description: 'The 6 digits the authenticator app shows, for accounts with a second factor',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code?: string;
}

export class SignInResponse {
  @ApiProperty() token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() tenantId!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty() displayName!: string;
  @ApiProperty({
    enum: ['used', 'set-up', 'not-used', 'council'],
    description:
      '"set-up": the token is good only for setting up a second factor (POST /api/auth/second-factor); "council": signed in through the council',
  })
  secondFactor!: 'used' | 'set-up' | 'not-used' | 'council';
  @ApiProperty({ description: 'When the session can no longer be renewed (SESSION_MAX_SECONDS after signing in)' })
  sessionEndsAt!: string;
  @ApiProperty({ description: "Seconds until the token ends, by the server's clock (count down on yours)" })
  expiresInSeconds!: number;
  @ApiProperty({ description: "Seconds until the session can no longer be renewed, by the server's clock" })
  sessionSecondsLeft!: number;
}

/** A fresh session token, its expiry, and when renewing stops: as renewing or confirming a second factor answers. */
export class RenewedSession {
  @ApiProperty() token!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() sessionEndsAt!: string;
  @ApiProperty() expiresInSeconds!: number;
  @ApiProperty() sessionSecondsLeft!: number;
}

/** A session's times as an answer gives them. */
export function sessionTimes(
  times: SessionTimes,
): Pick<RenewedSession, 'expiresAt' | 'sessionEndsAt' | 'expiresInSeconds' | 'sessionSecondsLeft'> {
  return {
    expiresAt: times.expiresAt.toISOString(),
    sessionEndsAt: times.sessionEndsAt.toISOString(),
    expiresInSeconds: times.expiresInSeconds,
    sessionSecondsLeft: times.sessionSecondsLeft,
  };
}

/** The answer to a sign-in, by password or through the council: the same for both. */
export function signInResponse(
  user: Pick<StaffUserEntity, 'id' | 'tenantId' | 'roles' | 'displayName'>,
  session: SessionTimes & { readonly token: string },
  secondFactor: SignInResponse['secondFactor'],
): SignInResponse {
  return {
    token: session.token,
    userId: user.id,
    tenantId: user.tenantId,
    roles: [...user.roles],
    displayName: user.displayName,
    secondFactor,
    ...sessionTimes(session),
  };
}
