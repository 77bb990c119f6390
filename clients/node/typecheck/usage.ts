// Compiled, never run: `npm run typecheck` (tsc --noEmit) checks that the typings describe the
// client as the tests and README use it, and reject what the runtime would not accept.
import {
  KeyturnClient,
  KeyturnError,
  type ApiKey,
  type CreateKeyOptions,
  type KeyStatus,
  type KeyturnPackage,
  type Timestamp,
} from '..';
import { loadKeyturn } from '..';

export async function flow(keyturn: KeyturnClient): Promise<string> {
  const [org, created] = await keyturn.getOrCreateOrganization('Acme Inc');
  const fresh: boolean = created;
  const options: CreateKeyOptions = {
    metadata: { name: 'node', scopes: ['read'], rate_limit: { requests: 100, window: 'RATE_LIMIT_WINDOW_MINUTE' } },
    environment: 'ENVIRONMENT_TEST',
    ttl: { seconds: 3600 },
  };
  const { key, plaintext } = await keyturn.createKey(org.id, options);
  const status: KeyStatus | undefined = key?.status;
  const uses: string | undefined = key?.use_count; // int64 arrives as a string
  const ok = await keyturn.validateKey(plaintext, { required_scopes: ['read'], skip_usage: true });
  const limit: string | undefined = ok.rate_limit?.limit;
  const issued: Timestamp | null | undefined = ok.key?.create_time;
  const revoked: ApiKey = await keyturn.revokeKey(ok.key?.id ?? '', 'typecheck');
  try {
    await keyturn.validateKey(plaintext);
  } catch (err) {
    if (err instanceof KeyturnError && err.reason === 'KEY_REVOKED') return `${fresh} ${status} ${uses} ${limit}`;
  }
  // @ts-expect-error camelCase names are not what the client sends (keepCase)
  await keyturn.validateKey(plaintext, { requiredScopes: ['read'] });
  // @ts-expect-error not a keyturn.v1.Environment value
  const wrong: CreateKeyOptions = { environment: 'ENVIRONMENT_STAGING' };
  // @ts-expect-error statuses are names, not numbers, on what the client returns
  const numeric: KeyStatus = 1;
  void wrong;
  void numeric;
  return `${issued?.seconds} ${revoked.status}`;
}

export function services(): KeyturnPackage['KeyService'] {
  return loadKeyturn().KeyService;
}
