/**
 * What counts as a secret when Terraform does not say so (configuration has no
 * sensitivity marks): attributes named like credentials. Plans add their own
 * `*_sensitive` marks on top of this.
 */
const SECRET_NAME =
  /^(password|old_password|recovery_answer|client_secret|secret|secret_text|token|api_token|access_token|refresh_token|bearer_token|private_key|private_key_pem|passphrase|hec_token|shared_secret|salt)$|_(secret|password|token|private_key)$/;
/** Generic names that hold secrets only inside credential-carrying blocks (okta_event_hook `auth`, `headers`). */
const SECRET_IN_BLOCK = new Map<string, RegExp>([
  ['auth', /^(value|key)$/],
  ['headers', /^value$/],
  ['password_hash', /^(value|salt)$/],
  ['settings', /^(token|password|value)$/],
]);

// Attribute names repeat across every resource: remember the verdict per name.
const secretNames = new Map<string, boolean>();

export function isSecretAttribute(name: string, parent: string | undefined): boolean {
  let named = secretNames.get(name);
  if (named === undefined) secretNames.set(name, (named = SECRET_NAME.test(name)));
  if (named) return true;
  return parent !== undefined && SECRET_IN_BLOCK.get(parent)?.test(name) === true;
}
