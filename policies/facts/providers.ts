/** The identity providers the catalogue covers, and how messages name them and their top role. */
import { GLOBAL_ADMINISTRATOR, entraRoleById } from './entra-roles';
import { OKTA_TOP_ROLE } from './okta-roles';

export type Provider = 'okta' | 'entra';
export const PROVIDERS: readonly Provider[] = ['okta', 'entra'];

/** The provider's name in a message: "every Okta user", "Entra ID has 1 break-glass account". */
export const PROVIDER_NAME: Readonly<Record<Provider, string>> = { okta: 'Okta', entra: 'Entra ID' };

/** The role that holds everything, as the provider names it: break-glass accounts hold it, few others may. */
export const TOP_ROLE_NAME: Readonly<Record<Provider, string>> = {
  okta: OKTA_TOP_ROLE,
  entra: entraRoleById(GLOBAL_ADMINISTRATOR)!.displayName,
};
