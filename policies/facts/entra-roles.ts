/**
 * Entra ID built-in roles that matter to recovery, by template id (the id that
 * is the same in every tenant). The one place these ids live.
 */
export interface EntraRole {
  readonly templateId: string;
  readonly displayName: string;
  /** Holds a privileged role per the catalogue: its holders are privileged principals. */
  readonly privileged: boolean;
  /** Can reset, enroll or remove another user's authenticators or password, or issue a pass. */
  readonly resetAuthority: boolean;
  /** A help-desk role that must be scoped to an administrative unit (RG-01). */
  readonly operatorRole: boolean;
  /** Can weaken MFA for everyone (policies, CA, security settings): never for a vendor (RG-20). */
  readonly changesAuthentication: boolean;
  /** Can change the membership of groups that are not role-assignable. */
  readonly managesGroups: boolean;
}

const role = (
  templateId: string,
  displayName: string,
  flags: Partial<Omit<EntraRole, 'templateId' | 'displayName'>>,
): EntraRole => ({
  templateId,
  displayName,
  privileged: false,
  resetAuthority: false,
  operatorRole: false,
  changesAuthentication: false,
  managesGroups: false,
  ...flags,
});

/** Template ids the code names on their own: the top role, the role that grants roles, and the bench's and examples' help desk. */
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
export const PRIVILEGED_ROLE_ADMINISTRATOR = 'e8611ab8-c189-46e8-94e1-60213ab1f814';
export const SECURITY_ADMINISTRATOR = '194ae4cb-b126-40b2-bd5b-6091b380977d';
export const HELPDESK_ADMINISTRATOR = '729827e3-9c14-49f7-bb1b-9608f156bbb8';

export const ENTRA_ROLES: readonly EntraRole[] = [
  role(GLOBAL_ADMINISTRATOR, 'Global Administrator', {
    privileged: true,
    resetAuthority: true,
    changesAuthentication: true,
    managesGroups: true,
  }),
  role(PRIVILEGED_ROLE_ADMINISTRATOR, 'Privileged Role Administrator', { privileged: true }),
  role('7be44c8a-adaf-4e2a-84d6-ab2649e08a13', 'Privileged Authentication Administrator', {
    privileged: true,
    resetAuthority: true,
    changesAuthentication: true,
  }),
  role('0526716b-113d-4c15-b2c8-68e3c22b9f80', 'Authentication Policy Administrator', {
    privileged: true,
    changesAuthentication: true,
  }),
  role('b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', 'Conditional Access Administrator', {
    privileged: true,
    changesAuthentication: true,
  }),
  role(SECURITY_ADMINISTRATOR, 'Security Administrator', { privileged: true, changesAuthentication: true }),
  role('fe930be7-5e62-47db-91af-98c3a49a38b1', 'User Administrator', {
    privileged: true,
    resetAuthority: true,
    operatorRole: true,
    managesGroups: true,
  }),
  role('9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3', 'Application Administrator', { privileged: true }),
  role('158c047a-c907-4556-b7ef-446551a6b5f7', 'Cloud Application Administrator', { privileged: true }),
  role('c4e39bd9-1100-46d3-8c65-fb160da0071f', 'Authentication Administrator', {
    resetAuthority: true,
    operatorRole: true,
  }),
  role(HELPDESK_ADMINISTRATOR, 'Helpdesk Administrator', { resetAuthority: true, operatorRole: true }),
  role('966707d0-3269-4727-9be2-8c3a10f19b9d', 'Password Administrator', { resetAuthority: true, operatorRole: true }),
  // Partner support roles reset passwords: Tier1 of non-administrators, Tier2 of everyone (administrators too).
  role('4ba39ca4-527c-499a-b93d-d9b492c50246', 'Partner Tier1 Support', { resetAuthority: true }),
  role('e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8', 'Partner Tier2 Support', { privileged: true, resetAuthority: true }),
  // Not in the catalogue's lists, but edges of the reset-authority graph: whoever joins a group gains its roles.
  role('fdd7a751-b60b-444a-984c-02652fe8fa1c', 'Groups Administrator', { managesGroups: true }),
  role('3a2c62db-5318-420d-8d74-23affee5d9d5', 'Intune Administrator', { managesGroups: true }),
  role('9360feb5-f418-4baa-8175-e2a00bac4301', 'Directory Writers', { managesGroups: true }),
  // Federation: whoever holds these changes how everyone signs in (RG-20).
  role('8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2', 'Hybrid Identity Administrator', { changesAuthentication: true }),
  role('8329153b-31d0-4727-b945-745eb3bc5f31', 'Domain Name Administrator', { changesAuthentication: true }),
  role('be2f45a1-457d-42af-a067-6ec1fa63bc45', 'External Identity Provider Administrator', {
    changesAuthentication: true,
  }),
];

const byId = new Map(ENTRA_ROLES.map((r) => [r.templateId, r]));
const byName = new Map(ENTRA_ROLES.map((r) => [normalise(r.displayName), r]));

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z]/g, '');
}

/** A role by template id (any case, with or without a `/roleDefinitions/` style prefix). */
export function entraRoleById(id: string): EntraRole | undefined {
  const m = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i.exec(id);
  return m ? byId.get(m[0].toLowerCase()) : undefined;
}

export function entraRoleByName(name: string): EntraRole | undefined {
  return byName.get(normalise(name));
}
