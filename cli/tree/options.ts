import { Option } from 'commander'

/** Help text and options shared by several commands of the tree. */

export const EXIT_HELP = `
Exit codes:
  0  success
  1  invalid input, or a plan with refused actions
  2  usage error
  3  cloud, authentication, permission or keychain error
  4  conflict (the cloud or a draft changed meanwhile)

Environment:
  PAI_ADMIN_DATA_DIR  data directory shared with the desktop app (like --data-dir)
  PAI_ADMIN_LANG      message language: en or zh-CN (default: from LANG)
  ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET, _SECURITY_TOKEN, ALIBABA_CLOUD_ROLE_ARN,
  ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE
                      read with --credentials env (never stored)`

/**
 * `--credentials env`: a pipeline's credentials from the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID and
 * _SECRET [+ _SECURITY_TOKEN], else the OIDC variables, else the ECS instance's RAM role), with a
 * throw-away data directory and no keychain. `--region` is then required.
 */
export function credentialsOption(): Option {
  return new Option(
    '--credentials <source>',
    'keychain: a stored profile (--profile); env: the environment (CI: ALIBABA_CLOUD_* variables, OIDC, ECS), no keychain',
  ).choices(['keychain', 'env'])
}
