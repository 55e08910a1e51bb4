/**
 * The catalogue: every rule module, in id order. The `rules` command, SARIF
 * metadata and the docs checks are generated from this list; a test pins it.
 */
import type { AnyRule } from '../engine/rule';
import resetAuthorityScoped from './RG-01-reset-authority-scoped';
import resetAuthorityJustInTime from './RG-03-reset-authority-just-in-time';
import everyoneHasMfa from './RG-07-everyone-has-mfa';
import breakGlassExpiry from './RG-13-break-glass-expiry';
import identityLogsExported from './RG-16-identity-logs-exported';

export const RULES: readonly AnyRule[] = [resetAuthorityScoped, resetAuthorityJustInTime, everyoneHasMfa, breakGlassExpiry, identityLogsExported];
