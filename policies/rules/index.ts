/**
 * The catalogue: every rule module, in id order. The `rules` command, SARIF
 * metadata and the docs checks are generated from this list; a test pins it.
 */
import type { AnyRule } from '../engine/rule';
import resetAuthorityScoped from './RG-01-reset-authority-scoped';
import privilegedIdentitiesOutOfOperatorReach from './RG-02-privileged-identities-out-of-operator-reach';
import resetAuthorityJustInTime from './RG-03-reset-authority-just-in-time';
import supervisedActivation from './RG-04-supervised-activation';
import noSelfApproval from './RG-05-no-self-approval';
import privilegedPhishingResistant from './RG-06-privileged-phishing-resistant';
import everyoneHasMfa from './RG-07-everyone-has-mfa';
import noStandingBypass from './RG-08-no-standing-bypass';
import enrollmentVerified from './RG-09-enrollment-verified';
import recoveryShortLived from './RG-10-recovery-short-lived';
import weakRecoveryChannelsOff from './RG-11-weak-recovery-channels-off';
import breakGlassNarrow from './RG-12-break-glass-narrow';
import breakGlassExpiry from './RG-13-break-glass-expiry';
import breakGlassCovered from './RG-14-break-glass-covered';
import breakGlassMonitored from './RG-15-break-glass-monitored';
import identityLogsExported from './RG-16-identity-logs-exported';
import recoveryEventsAlerted from './RG-17-recovery-events-alerted';
import userNotified from './RG-18-user-notified';
import noSharedRecoveryMailbox from './RG-19-no-shared-recovery-mailbox';
import vendorCannotWeakenMfa from './RG-20-vendor-cannot-weaken-mfa';
import vendorAccessExpires from './RG-21-vendor-access-expires';
import nhiResetAuthority from './RG-22-nhi-reset-authority';
import policiesEnforced from './RG-23-policies-enforced';
import attestationsCurrent from './RG-24-attestations-current';

export const RULES: readonly AnyRule[] = [
  resetAuthorityScoped,
  privilegedIdentitiesOutOfOperatorReach,
  resetAuthorityJustInTime,
  supervisedActivation,
  noSelfApproval,
  privilegedPhishingResistant,
  everyoneHasMfa,
  noStandingBypass,
  enrollmentVerified,
  recoveryShortLived,
  weakRecoveryChannelsOff,
  breakGlassNarrow,
  breakGlassExpiry,
  breakGlassCovered,
  breakGlassMonitored,
  identityLogsExported,
  recoveryEventsAlerted,
  userNotified,
  noSharedRecoveryMailbox,
  vendorCannotWeakenMfa,
  vendorAccessExpires,
  nhiResetAuthority,
  policiesEnforced,
  attestationsCurrent,
];
