/** HCL `dynamic` blocks: expanded where the collection is literal, unknown (and noticed) where it is not. */
import { DEFAULT_CONFIG } from '../../policies/config/config';
import { runRules } from '../../policies/engine/run';
import { blocks } from '../../policies/model/value';
import rg16 from '../../policies/rules/RG-16-identity-logs-exported';
import { configStack, hclStack } from '../support/stacks';

const NOW = new Date('2026-11-26T12:00:00Z');

const SETTING = (forEach: string, extra = '') => `
variable "categories" {
  default = ["AuditLogs", "SignInLogs", "NonInteractiveUserSignInLogs", "ServicePrincipalSignInLogs", "RiskyUsers", "UserRiskEvents", "ManagedIdentitySignInLogs"]
}
variable "unset" {}
resource "azuread_group" "a" { display_name = "A" }
resource "azurerm_monitor_aad_diagnostic_setting" "logs" {
  name = "identity"
  ${extra}
  dynamic "enabled_log" {
    for_each = ${forEach}
    iterator = log
    content { category = log.value }
  }
}`;

describe('HCL dynamic blocks', () => {
  it('expands a literal collection into one block per element, beside static blocks of the same name', async () => {
    const stack = await hclStack(SETTING('var.categories', 'enabled_log { category = "MicrosoftGraphActivityLogs" }'));
    const setting = stack.resources.find((r) => r.type === 'azurerm_monitor_aad_diagnostic_setting')!;
    expect(blocks(setting.values.enabled_log).map((b) => b.category)).toEqual([
      'MicrosoftGraphActivityLogs',
      'AuditLogs',
      'SignInLogs',
      'NonInteractiveUserSignInLogs',
      'ServicePrincipalSignInLogs',
      'RiskyUsers',
      'UserRiskEvents',
      'ManagedIdentitySignInLogs',
    ]);
    expect(setting.references.size).toBe(0); // the iterator is not a resource reference
    const result = runRules([stack], [rg16], { config: DEFAULT_CONFIG, now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('expands a map in key order, as Terraform iterates it (Terraform JSON keeps the order it was written in)', () => {
    const stack = configStack({
      azurerm_monitor_aad_diagnostic_setting: {
        logs: {
          name: 'identity',
          dynamic: {
            enabled_log: {
              for_each: { sign_in: 'SignInLogs', audit: 'AuditLogs' },
              content: { category: '${enabled_log.value}' },
            },
          },
        },
      },
    });
    expect(blocks(stack.resources[0].values.enabled_log).map((b) => b.category)).toEqual(['AuditLogs', 'SignInLogs']);
  });

  it('a rule sees what the expansion leaves out', async () => {
    const stack = await hclStack(SETTING('["AuditLogs"]'));
    const result = runRules([stack], [rg16], { config: DEFAULT_CONFIG, now: NOW });
    expect(result.findings.map((f) => `${f.messageId} ${f.resource}`)).toEqual([
      'missingCategories azurerm_monitor_aad_diagnostic_setting.logs',
    ]);
  });

  it('a collection that is not literal leaves the block unknown and the resource in the static-limits notice', async () => {
    const stack = await hclStack(SETTING('var.unset'));
    expect(stack.notEvaluated).toEqual(['azurerm_monitor_aad_diagnostic_setting.logs']);
    const result = runRules([stack], [rg16], { config: DEFAULT_CONFIG, now: NOW });
    expect(result.findings).toEqual([]);
    expect(result.notices).toEqual([
      expect.objectContaining({ resources: ['azurerm_monitor_aad_diagnostic_setting.logs'] }),
    ]);
  });
});
