/**
 * Microsoft Graph application permissions that amount to reset authority
 * (the guidance's "Reset authority"), by id and by name. The one place these live.
 */
export const GRAPH_RESET_PERMISSIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    '50483e42-d915-4231-9639-7fdb7fd190e5': 'UserAuthenticationMethod.ReadWrite.All',
    '29c18626-4985-4dcd-85c0-193eef327366': 'Policy.ReadWrite.AuthenticationMethod',
    '01c0a623-fc9b-48e9-b794-0756f8e8f067': 'Policy.ReadWrite.ConditionalAccess',
    '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8': 'RoleManagement.ReadWrite.Directory',
    'cc117bb9-00cf-4eb8-b580-ea2a878fe8f7': 'User-PasswordProfile.ReadWrite.All',
    '0400e371-7db1-4338-a269-96069eb65227': 'UserAuthMethod-Passkey.ReadWrite.All',
    '627169a8-8c15-451c-861a-5b80e383de5c': 'UserAuthMethod-TAP.ReadWrite.All',
    '6e85d483-7092-4375-babe-0a94a8213a58': 'UserAuthMethod-Phone.ReadWrite.All',
    'f6d38dfd-ec08-4995-8f07-23e929df0936': 'UserAuthMethod-Password.ReadWrite.All',
    'c833c349-a1ab-4b6d-94a2-fa9a8674420c': 'UserAuthMethod-MicrosoftAuthApp.ReadWrite.All',
    '787442d4-3c6e-4e99-aa95-8ccca20a48ff': 'UserAuthMethod-SoftwareOATH.ReadWrite.All',
    '7e9ebcc1-90aa-4471-8051-e68d6b4e9c89': 'UserAuthMethod-HardwareOATH.ReadWrite.All',
    'e8ecb853-1435-4a49-95ba-ec5b31b11672': 'UserAuthMethod-Email.ReadWrite.All',
    'f14eee8a-713e-45aa-8223-2ab74632db1a': 'UserAuthMethod-WindowsHello.ReadWrite.All',
    '1a87acf4-a9ca-4576-a974-452ea265d5f6': 'UserAuthMethod-PlatformCred.ReadWrite.All',
    '4869299f-18c3-40c8-98f2-222657e67db1': 'UserAuthMethod-QR.ReadWrite.All',
    'c7a22c2e-5b01-4129-8159-6c8be2c78f16': 'UserAuthMethod-External.ReadWrite.All',
    // Permissions that let an application grant itself any of the above: they count as holding them.
    '06b708a9-e830-4db3-a914-8e69da51d44f': 'AppRoleAssignment.ReadWrite.All',
    '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9': 'Application.ReadWrite.All',
    'dd199f4a-f148-40a4-a2ec-f0069cc799ec': 'RoleAssignmentSchedule.ReadWrite.Directory',
    'fee28b28-e1f3-4841-818e-2704dc62245f': 'RoleEligibilitySchedule.ReadWrite.Directory',
    '41202f2c-f7ab-45be-b001-85c9728b9d69': 'PrivilegedAssignmentSchedule.ReadWrite.AzureADGroup',
    '618b6020-bca8-4de6-99f6-ef445fa4d857': 'PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup',
    '2f6817f8-7b12-4f0f-bc18-eeaf60705a9e': 'PrivilegedAccess.ReadWrite.AzureADGroup',
  }),
);

/**
 * Not reset authority, but edges of the attack-path graph: federation changes
 * how everyone signs in, and group membership writes reach every group that
 * is not role-assignable (a conditional-access exclusion group, say). Keys
 * are lower-case ids and names.
 */
export const GRAPH_EDGE_PERMISSIONS: ReadonlyMap<string, 'changes federation' | 'adds group members'> = new Map([
  ['7e05723c-0bb0-42da-be95-ae9f08a6e53c', 'changes federation'], // Domain.ReadWrite.All
  ['domain.readwrite.all', 'changes federation'],
  ['dbaae8cf-10b5-4b86-a4a1-f871c94c6695', 'adds group members'], // GroupMember.ReadWrite.All
  ['groupmember.readwrite.all', 'adds group members'],
]);

const NAMES = new Set(GRAPH_RESET_PERMISSIONS.values());
/** Any per-method write permission, and password profile writes, count by name. */
const NAME_PATTERN = /^(UserAuthMethod-[A-Za-z0-9]+\.ReadWrite\.All|User-PasswordProfile\.ReadWrite\.All)$/;

/** The reset-authority permission a literal id or name denotes, if any. */
export function graphResetPermission(idOrName: string): string | undefined {
  const byId = GRAPH_RESET_PERMISSIONS.get(idOrName.toLowerCase());
  if (byId) return byId;
  return NAMES.has(idOrName) || NAME_PATTERN.test(idOrName) ? idOrName : undefined;
}

/** A reset-authority permission named inside an expression. */
export function graphResetPermissionIn(expression: string): string | undefined {
  for (const m of expression.matchAll(
    /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  )) {
    const found = graphResetPermission(m[0]);
    if (found) return found;
  }
  return undefined;
}
