import type { IssuedToken } from '../token-service.js';
import { Inject, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource, IsNull } from 'typeorm';
import { Clock, Conflict, NotFound, RuleBroken } from '#platform';
import { TokenService } from '../token-service.js';
import type { Caller } from '../../contracts/caller.js';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../identity-settings.js';
import { StaffUserEntity } from '../staff-user.entity.js';
import { SecretSealer } from './secret-sealer.js';
import { acceptedTotpStep, newTotpSecret, totpUri } from './totp.js';

export interface SecondFactorSetUp {
  /** For typing into an authenticator app by hand. */
  readonly secret: string;
  readonly otpauthUri: string;
  /** The same address as a QR code (SVG), for scanning. */
  readonly qrCodeSvg: string;
}

/**
 * A TOTP second factor for local staff accounts: set up (a secret shown once), confirmed with a
 * first code (which opens a full session), and reset by the board's admin when a phone is lost.
 */
@Injectable()
export class SecondFactorService {
  private readonly sealer: SecretSealer;

  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
  ) {
    this.sealer = new SecretSealer(settings.sealingKey);
  }

  async begin(caller: Caller): Promise<SecondFactorSetUp> {
    const user = await this.user(caller.userId, caller.tenantId);
    if (user.totpSecret) {
      throw new Conflict('A second factor is already set up for this account; the board’s admin can reset it.');
    }
    const secret = newTotpSecret();
    await this.repo().update({ id: user.id }, { totpPending: this.sealer.seal(user.id, secret) });
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrCodeSvg: await QRCode.toString(otpauthUri, { type: 'svg', margin: 2 }) };
  }

  /** Confirms the pending secret with a code from the app; returns a full session. */
  async confirm(caller: Caller, code: string): Promise<IssuedToken> {
    const user = await this.user(caller.userId, caller.tenantId);
    if (user.totpSecret) throw new Conflict('A second factor is already set up for this account.');
    if (!user.totpPending) {
      throw new RuleBroken('no-second-factor-pending', 'Start setting up the second factor first.');
    }
    const step = acceptedTotpStep(this.sealer.open(user.id, user.totpPending), code, this.clock.now(), null);
    if (step === null) {
      throw new RuleBroken('code-not-right', 'That code is not right. Enter the 6 digits the app shows now.');
    }
    const { affected } = await this.repo().update(
      { id: user.id, totpSecret: IsNull(), totpPending: user.totpPending },
      { totpSecret: user.totpPending, totpPending: null, totpLastStep: step },
    );
    if (affected !== 1) throw new Conflict('The second factor changed meanwhile; start again.');
    return this.tokens.issue({
      userId: user.id,
      tenantId: user.tenantId,
      roles: user.roles,
      methods: ['pwd', 'otp'],
    });
  }

  /**
   * Whether `code` is right for the user's second factor now, and not used before. The last step
   * used is moved on only if no other request moved it first, so a code works once even in a race.
   */
  async acceptAtSignIn(user: StaffUserEntity, code: string): Promise<boolean> {
    if (!user.totpSecret) return false;
    const step = acceptedTotpStep(
      this.sealer.open(user.id, user.totpSecret),
      code,
      this.clock.now(),
      user.totpLastStep,
    );
    if (step === null) return false;
    const { affected } = await this.repo().update(
      { id: user.id, totpLastStep: user.totpLastStep ?? IsNull() },
      { totpLastStep: step },
    );
    return affected === 1;
  }

  /** The board's admin clears someone's second factor (a lost phone); they set up a new one at sign-in. */
  async reset(admin: Caller, userId: string): Promise<void> {
    const user = await this.user(userId, admin.tenantId);
    await this.repo().update({ id: user.id }, { totpSecret: null, totpPending: null, totpLastStep: null });
  }

  private async user(id: string, tenantId: string): Promise<StaffUserEntity> {
    const user = await this.repo().findOne({ where: { id, tenantId } });
    if (!user) throw new NotFound('There is no such member of staff on your board.');
    return user;
  }

  private repo() {
    return this.db.getRepository(StaffUserEntity);
  }
}
