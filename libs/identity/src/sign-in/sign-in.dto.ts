import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { StaffUserEntity } from '../staff/staff-user.entity.js';

export class SignInRequest {
  @ApiProperty({ example: 'northshire', description: "The board's short name" })
  @IsString()
  @Matches(/^[a-z0-9-]{2,64}$/, {
    message: 'tenant must be the short name of a board (lower-case letters, digits, dashes)',
  })
  tenant!: string;

  @ApiProperty({ example: 'chair@northshire.example' })
  @IsEmail({}, { message: 'email must be an email address' })
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
}

/** The answer to a sign-in, by password or through the council: the same for both. */
export function signInResponse(
  user: Pick<StaffUserEntity, 'id' | 'tenantId' | 'roles' | 'displayName'>,
  session: { token: string; expiresAt: Date },
  secondFactor: SignInResponse['secondFactor'],
): SignInResponse {
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    userId: user.id,
    tenantId: user.tenantId,
    roles: [...user.roles],
    displayName: user.displayName,
    secondFactor,
  };
}
