/**
 * Tiered authentication on Entra ID, as conditional access: MFA for all users,
 * the phishing-resistant strength for privileged and reset-authority roles,
 * administrators' and recovery operators' groups, the same
 * plus a sign-in frequency for vendors, strong authentication to register
 * security info, and a policy of their own for break-glass accounts, which
 * every other policy excludes and nothing else does (RG-06–RG-09, RG-14).
 */
import {
  ConditionalAccessPolicy,
  ConditionalAccessPolicyConfig,
} from '@cdktf/provider-azuread/lib/conditional-access-policy';
import type { Group } from '@cdktf/provider-azuread/lib/group';
import { Construct } from 'constructs';
import { PHISHING_RESISTANT_STRENGTH as BUILT_IN_PHISHING_RESISTANT } from '../../policies/tenant/conditional-access';
import { ENTRA_ROLES } from '../../policies/facts/entra-roles';
import { declarePrincipals } from '../shared/intent';
import type { Tiers } from '../shared/tiers';

/** The built-in phishing-resistant authentication strength, as azuread writes it. */
export const PHISHING_RESISTANT_STRENGTH = `/policies/authenticationStrengthPolicies/${BUILT_IN_PHISHING_RESISTANT}`;

export interface EntraTieredAuthenticationProps {
  readonly tiers: Tiers<Group>;
  /** The break-glass group: excluded from every policy here, covered by its own. */
  readonly breakGlass: Group;
  /**
   * Recovery-operator groups (`EntraRecoveryOperators.group`): phishing-resistant
   * like administrators, since a phished help-desk session resets others. They
   * are covered by group, because Entra applies `included_roles` only to
   * directory-wide assignments, never to one scoped to an administrative unit (RG-06).
   * @default none
   */
  readonly operators?: readonly Group[];
  /**
   * Roles to cover by role as well as by group (template ids); this reaches
   * directory-wide assignments only.
   * @default every privileged and reset-authority role of the catalogue
   */
  readonly privilegedRoles?: readonly string[];
  /** How often vendors sign in again, in hours. @default 4 */
  readonly vendorSignInFrequencyHours?: number;
}

type PolicyConfig = Pick<ConditionalAccessPolicyConfig, 'conditions' | 'grantControls' | 'sessionControls'>;

export class EntraTieredAuthentication extends Construct {
  readonly policies: Readonly<
    Record<'everyone' | 'privileged' | 'registration' | 'breakGlass', ConditionalAccessPolicy>
  > & { readonly vendors?: ConditionalAccessPolicy };

  constructor(scope: Construct, id: string, props: EntraTieredAuthenticationProps) {
    super(scope, id);
    const { privileged, vendor = [] } = props.tiers;
    if (privileged.length === 0)
      throw new Error(
        `EntraTieredAuthentication ${this.node.path}: tiers.privileged is empty. Name the role-assignable groups through which administrators hold their roles.`,
      );
    const frequency = props.vendorSignInFrequencyHours ?? 4;
    if (frequency > 12)
      throw new Error(
        `EntraTieredAuthentication ${this.node.path}: vendors signing in every ${frequency} hours is too seldom. Use at most 12.`,
      );
    const excluded = [props.breakGlass.objectId];
    const allApps = { clientAppTypes: ['all'], applications: { includedApplications: ['All'] } };
    const strong = { operator: 'OR', authenticationStrengthPolicyId: PHISHING_RESISTANT_STRENGTH };
    const policy = (policyId: string, displayName: string, config: PolicyConfig) =>
      new ConditionalAccessPolicy(this, policyId, { displayName, state: 'enabled', ...config });

    const everyone = policy('everyone', 'All users: MFA', {
      conditions: { ...allApps, users: { includedUsers: ['All'], excludedGroups: excluded } },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    const roles =
      props.privilegedRoles ?? ENTRA_ROLES.filter((r) => r.privileged || r.resetAuthority).map((r) => r.templateId);
    const admins = policy('privileged', 'Privileged roles: phishing-resistant', {
      conditions: {
        ...allApps,
        users: {
          includedRoles: [...roles],
          includedGroups: [...privileged, ...(props.operators ?? [])].map((g) => g.objectId),
          excludedGroups: excluded,
        },
      },
      grantControls: strong,
    });
    const registration = policy('registration', 'Registering security info: MFA', {
      conditions: {
        clientAppTypes: ['all'],
        applications: { includedUserActions: ['urn:user:registersecurityinfo'] },
        users: { includedUsers: ['All'], excludedGroups: excluded },
      },
      grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    });
    const breakGlass = policy('break_glass', 'Break glass: phishing-resistant', {
      conditions: { ...allApps, users: { includedGroups: excluded } },
      grantControls: strong,
    });
    let vendors: ConditionalAccessPolicy | undefined;
    if (vendor.length > 0) {
      vendors = policy('vendors', 'Vendors: phishing-resistant, frequent sign-in', {
        conditions: { ...allApps, users: { includedGroups: vendor.map((g) => g.objectId), excludedGroups: excluded } },
        grantControls: strong,
        sessionControls: { signInFrequency: frequency, signInFrequencyPeriod: 'hours' },
      });
      declarePrincipals('vendors', ...vendor);
    }
    this.policies = { everyone, privileged: admins, registration, breakGlass, ...(vendors ? { vendors } : {}) };
    declarePrincipals('privileged', ...privileged);
    declarePrincipals('breakGlass', props.breakGlass); // the one exclusion every policy here makes
  }
}
