/**
 * Tiered authentication on Okta: MFA for everyone, a phishing-resistant
 * possession factor for administrators and break-glass accounts (Admin
 * Console policy) and for vendors, recovery by email only, and every user told
 * when their factors or password change (RG-06, RG-07, RG-11, RG-14, RG-18).
 * Enrollment verification cannot be managed with provider 4.20 and is attested
 * (RG-09).
 */
import { AppSignonPolicy } from '@cdktf/provider-okta/lib/app-signon-policy';
import { AppSignonPolicyRule } from '@cdktf/provider-okta/lib/app-signon-policy-rule';
import type { Group } from '@cdktf/provider-okta/lib/group';
import { PolicyPassword } from '@cdktf/provider-okta/lib/policy-password';
import { PolicyRuleSignon } from '@cdktf/provider-okta/lib/policy-rule-signon';
import { PolicySignon } from '@cdktf/provider-okta/lib/policy-signon';
import { SecurityNotificationEmails } from '@cdktf/provider-okta/lib/security-notification-emails';
import { Construct } from 'constructs';
import { Attestation } from '../attestation';
import { declarePrincipals } from '../intent';
import type { ApprovalEvidence, Tiers } from '../tiers';

/** The constraint Okta evaluates for "phishing-resistant possession factor required". */
export const PHISHING_RESISTANT_CONSTRAINT = JSON.stringify({ possession: { required: true, phishingResistant: 'REQUIRED', userPresence: 'REQUIRED' } });

export interface OktaTieredAuthenticationProps {
  readonly tiers: Tiers<Group>;
  /** The break-glass group: phishing-resistant like administrators, and excluded from nothing else. */
  readonly breakGlass?: Group;
  /** How often vendors must sign in again. @default 'PT4H' */
  readonly vendorReauthentication?: string;
  /** Evidence that enrolling a factor needs a phishing-resistant factor (the account-management policy), attested (RG-09). */
  readonly enrollment: ApprovalEvidence;
}

export class OktaTieredAuthentication extends Construct {
  readonly everyone: PolicySignon;
  readonly adminConsole: AppSignonPolicy;
  readonly passwordPolicy: PolicyPassword;

  constructor(scope: Construct, id: string, props: OktaTieredAuthenticationProps) {
    super(scope, id);
    const { standard, privileged, vendor = [] } = props.tiers;
    if (privileged.length === 0) throw new Error(`OktaTieredAuthentication ${this.node.path}: tiers.privileged is empty. Name the administrator groups so their sign-in can be made phishing-resistant.`);
    const all = [...standard, ...privileged, ...vendor].map((g) => g.id);

    this.everyone = new PolicySignon(this, 'everyone', { name: 'Everyone: MFA', status: 'ACTIVE', groupsIncluded: all });
    new PolicyRuleSignon(this, 'everyone_mfa', { policyId: this.everyone.id, name: 'Require MFA', status: 'ACTIVE', mfaRequired: true, mfaPrompt: 'ALWAYS' });

    this.adminConsole = new AppSignonPolicy(this, 'admin_console', { name: 'Okta Admin Console', description: 'Administrators and break-glass accounts sign in with a phishing-resistant factor' });
    new AppSignonPolicyRule(this, 'admins', {
      policyId: this.adminConsole.id,
      name: 'Phishing-resistant for administrators',
      priority: 1,
      groupsIncluded: [...privileged, ...(props.breakGlass ? [props.breakGlass] : [])].map((g) => g.id),
      factorMode: '2FA',
      constraints: [PHISHING_RESISTANT_CONSTRAINT],
    });
    if (vendor.length > 0) {
      const vendorPolicy = new AppSignonPolicy(this, 'vendors', { name: 'Vendor access', description: 'Third parties sign in with a phishing-resistant factor, and often' });
      new AppSignonPolicyRule(this, 'vendor_rule', {
        policyId: vendorPolicy.id,
        name: 'Phishing-resistant for vendors',
        priority: 1,
        groupsIncluded: vendor.map((g) => g.id),
        factorMode: '2FA',
        constraints: [PHISHING_RESISTANT_CONSTRAINT],
        reAuthenticationFrequency: props.vendorReauthentication ?? 'PT4H',
      });
      declarePrincipals('vendors', ...vendor);
    }

    this.passwordPolicy = new PolicyPassword(this, 'recovery', { name: 'Recovery by email only', status: 'ACTIVE', groupsIncluded: all, smsRecovery: 'INACTIVE', callRecovery: 'INACTIVE', questionRecovery: 'INACTIVE', emailRecovery: 'ACTIVE' });
    new SecurityNotificationEmails(this, 'notify_users', {
      sendEmailForFactorResetEnabled: true,
      sendEmailForFactorEnrollmentEnabled: true,
      sendEmailForPasswordChangedEnabled: true,
      sendEmailForNewDeviceEnabled: true,
      reportSuspiciousActivityEnabled: true,
    });
    new Attestation(this, 'enrollment_verified', { control: 'RG-09', ...props.enrollment, owner: props.enrollment.owner ?? 'identity-platform' });
    declarePrincipals('privileged', ...privileged);
    if (props.breakGlass) declarePrincipals('breakGlass', props.breakGlass);
  }
}
