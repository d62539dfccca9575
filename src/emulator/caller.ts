// Who is calling. Signatures are not checked; the access key ID in the SigV4 Authorization header picks
// the caller's account: a key whose last 12 characters are digits acts as that account (for example
// AKIA210987654321 is account 210987654321), any other key acts as the emulator's default account.

export interface Caller {
  readonly accountId: string;
  readonly accessKeyId: string | undefined;
}

const CREDENTIAL = /Credential=([^/,\s]+)\/[^/]*\/([^/]*)\/([^/]+)\//;

export interface SignatureInfo {
  readonly accessKeyId: string | undefined;
  /** The SigV4 signing name from the credential scope, e.g. "organizations", "budgets", "sts". */
  readonly signingName: string | undefined;
  /** The SigV4 signing region from the credential scope, e.g. "us-east-1". */
  readonly region: string | undefined;
}

export function readSignature(authorization: string | undefined): SignatureInfo {
  const match = authorization === undefined ? null : CREDENTIAL.exec(authorization);
  return { accessKeyId: match?.[1], signingName: match?.[3], region: match?.[2] || undefined };
}

export function callerFor(accessKeyId: string | undefined, defaultAccountId: string): Caller {
  const match = accessKeyId === undefined ? null : /(\d{12})$/.exec(accessKeyId);
  return { accountId: match?.[1] ?? defaultAccountId, accessKeyId };
}

/** An access key ID the emulator maps to `accountId`. */
export function accessKeyIdFor(accountId: string): string {
  if (!/^\d{12}$/.test(accountId)) throw new Error(`An AWS account ID has 12 digits (got "${accountId}").`);
  return `AKIA${accountId}`;
}
