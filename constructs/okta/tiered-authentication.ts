/**
 * Tiered authentication on Okta: MFA for everyone; a phishing-resistant
 * possession factor for administrators, recovery operators and break-glass
 * accounts, as the first rule of the org's existing Admin Console
 * authentication policy; the same for vendors, on a policy assigned to the
 * applications they use; recovery by email only; and every user told when
 * their factors or password change (RG-06, RG-07, RG-11, RG-14, RG-18, RG-20).
 * Enrollment verification cannot be managed with provider 4.20 and is attested
 * (RG-09).
 */
import { AppAccessPolicyAssignment } from '@cdktf/provider-okta/lib/app-access-policy-assignment';
import { AppSignonPolicy } from '@cdktf/provider-okta/lib/app-signon-policy';
import { AppSignonPolicyRule } from '@cdktf/provider-okta/lib/app-signon-policy-rule';
import { DataOktaPolicy } from '@cdktf/provider-okta/lib/data-okta-policy';
import type { Group } from '@cdktf/provider-okta/lib/group';
import { PolicyPassword } from '@cdktf/provider-okta/lib/policy-password';
import { PolicyRuleSignon } from '@cdktf/provider-okta/lib/policy-rule-signon';
import { PolicySignon } from '@cdktf/provider-okta/lib/policy-signon';
import { SecurityNotificationEmails } from '@cdktf/provider-okta/lib/security-notification-emails';
import { Construct } from 'constructs';
import { Attestation } from '../shared/attestation';
import { declarePrincipals } from '../shared/intent';
import type { ApprovalEvidence, Tiers } from '../shared/tiers';

/** The constraint Okta evaluates for "phishing-resistant possession factor required". */
export const PHISHING_RESISTANT_CONSTRAINT = JSON.stringify({
  possession: { required: true, phishingResistant: 'REQUIRED', userPresence: 'REQUIRED' },
});

export interface OktaTieredAuthenticationProps {
  readonly tiers: Tiers<Group>;
  /** The break-glass group: phishing-resistant like administrators, and excluded from nothing else. */
  readonly breakGlass?: Group;
  /**
   * Recovery-operator groups (the help desk): phishing-resistant like
   * administrators, since a phished operator session resets others (RG-06).
   * @default none
   */
  readonly operators?: readonly Group[];
  /**
   * The org's existing authentication policy for the Okta Admin Console, read
   * with a data source: every org has one, and a new policy would apply to no
   * application. @default 'Okta Admin Console'
   */
  readonly adminConsolePolicyName?: string;
  /**
   * Ids of the applications vendors use (`okta_app_*.id`). The vendor policy is
   * assigned to each; it is required when `tiers.vendor` names groups, since a
   * policy assigned to no application enforces nothing.
   */
  readonly vendorApps?: readonly string[];
  /** How often vendors must sign in again. @default 'PT4H' */
  readonly vendorReauthentication?: string;
  /** Evidence that enrolling a factor needs a phishing-resistant factor (the account-management policy), attested (RG-09). */
  readonly enrollment: ApprovalEvidence;
}

export class OktaTieredAuthentication extends Construct {
  readonly everyone: PolicySignon;
  /** The Admin Console's existing authentication policy, which the administrators' rule joins. */
  readonly adminConsole: DataOktaPolicy;
  readonly vendorPolicy?: AppSignonPolicy;
  readonly passwordPolicy: PolicyPassword;

  constructor(scope: Construct, id: string, props: OktaTieredAuthenticationProps) {
    super(scope, id);
    const { standard, privileged, vendor = [] } = props.tiers;
    if (privileged.length === 0)
      throw new Error(
        `OktaTieredAuthentication ${this.node.path}: tiers.privileged is empty. Name the administrator groups so their sign-in can be made phishing-resistant.`,
      );
    const vendorApps = props.vendorApps ?? [];
    if (vendor.length > 0 && vendorApps.length === 0)
      throw new Error(
        `OktaTieredAuthentication ${this.node.path}: tiers.vendor names groups but vendorApps is empty. Name the applications vendors sign in to (okta_app_*.id): a policy assigned to no application enforces nothing.`,
      );
    const operators = props.operators ?? [];
    const all = [...standard, ...privileged, ...vendor].map((g) => g.id);

    this.everyone = new PolicySignon(this, 'everyone', {
      name: 'Everyone: MFA',
      status: 'ACTIVE',
      groupsIncluded: all,
    });
    new PolicyRuleSignon(this, 'everyone_mfa', {
      policyId: this.everyone.id,
      name: 'Require MFA',
      status: 'ACTIVE',
      mfaRequired: true,
      mfaPrompt: 'ALWAYS',
    });

    this.adminConsole = new DataOktaPolicy(this, 'admin_console', {
      name: props.adminConsolePolicyName ?? 'Okta Admin Console',
      type: 'ACCESS_POLICY',
    });
    new AppSignonPolicyRule(this, 'admins', {
      policyId: this.adminConsole.id,
      name: 'Phishing-resistant for administrators',
      priority: 1,
      groupsIncluded: [...privileged, ...operators, ...(props.breakGlass ? [props.breakGlass] : [])].map((g) => g.id),
      factorMode: '2FA',
      constraints: [PHISHING_RESISTANT_CONSTRAINT],
    });
    if (vendor.length > 0) {
      const vendorPolicy = new AppSignonPolicy(this, 'vendors', {
        name: 'Vendor access',
        description: 'Third parties sign in with a phishing-resistant factor, and often',
      });
      this.vendorPolicy = vendorPolicy;
      vendorApps.forEach(
        (appId, i) => new AppAccessPolicyAssignment(this, `vendor_app_${i + 1}`, { appId, policyId: vendorPolicy.id }),
      );
      new AppSignonPolicyRule(this, 'vendor_rule', {
        policyId: vendorPolicy.id,
        name: 'Phishing-resistant for vendors',
        priority: 1,
        groupsIncluded: vendor.map((g) => g.id),
        factorMode: '2FA',
        constraints: [PHISHING_RESISTANT_CONSTRAINT],
        reAuthenticationFrequency: props.vendorReauthentication ?? 'PT4H',
      });
      // A new policy's catch-all rule lets anyone else in: the vendor applications are for vendors.
      new AppSignonPolicyRule(this, 'vendor_others', {
        policyId: vendorPolicy.id,
        name: 'Everyone else: denied',
        priority: 2,
        access: 'DENY',
      });
      declarePrincipals('vendors', ...vendor);
    }

    this.passwordPolicy = new PolicyPassword(this, 'recovery', {
      name: 'Recovery by email only',
      status: 'ACTIVE',
      groupsIncluded: all,
      smsRecovery: 'INACTIVE',
      callRecovery: 'INACTIVE',
      questionRecovery: 'INACTIVE',
      emailRecovery: 'ACTIVE',
    });
    new SecurityNotificationEmails(this, 'notify_users', {
      sendEmailForFactorResetEnabled: true,
      sendEmailForFactorEnrollmentEnabled: true,
      sendEmailForPasswordChangedEnabled: true,
      sendEmailForNewDeviceEnabled: true,
      reportSuspiciousActivityEnabled: true,
    });
    new Attestation(this, 'enrollment_verified', {
      control: 'RG-09',
      ...props.enrollment,
      owner: props.enrollment.owner ?? 'identity-platform',
    });
    declarePrincipals('privileged', ...privileged);
    if (props.breakGlass) declarePrincipals('breakGlass', props.breakGlass);
  }
}
