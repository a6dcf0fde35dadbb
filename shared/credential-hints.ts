import { messageRef } from './messages'

/**
 * The expected form of each profile field whose format the core checks before anything is sent, as the
 * {hint} of CREDENTIALS_FIELD_INVALID: message refs (CREDENTIALS_HINT_*), so the hint is rendered in the
 * language of the message, by the core (IPC errors) and the CLI alike.
 */
export const FIELD_HINTS = {
  roleArn: messageRef('CREDENTIALS_HINT_ROLE_ARN'),
  oidcProviderArn: messageRef('CREDENTIALS_HINT_OIDC_PROVIDER_ARN'),
  roleSessionName: messageRef('CREDENTIALS_HINT_SESSION_NAME', { min: 2, max: 64 }),
  durationSeconds: messageRef('CREDENTIALS_HINT_DURATION', { min: 900, max: 43200 }),
  policy: messageRef('CREDENTIALS_HINT_POLICY'),
  stsExpiration: messageRef('CREDENTIALS_HINT_STS_EXPIRATION', { example: '2026-12-01T12:00:00Z' }),
} as const
