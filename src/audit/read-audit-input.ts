// Reads what the audit needs through the port, every read at once. A read that fails (denied,
// missing, throttled past retries) becomes a ReadFailure for its check; only bugs throw.

import { isAwsCallError } from '../aws/errors.js';
import { iamActionsFor, PORT_OPERATIONS, type PortMethod } from '../aws/operations.js';
import type { AwsPort } from '../aws/port.js';
import type { DesiredSecurity } from '../model/desired.js';
import type { AlternateContactSpec } from '../model/security.js';
import type { AlternateContactObservation, AuditInput, IdentityCenterObservation, Observation } from './audit-input.js';
import { readAdminAccess } from './read-admin-access.js';

export interface ReadAuditOptions {
  readonly accountId: string;
  readonly scope: AuditInput['scope'];
  readonly managementAccountId: string;
  readonly security: DesiredSecurity | undefined;
  /** security.identityCenterRegion, else AWS_REGION (the shell decides); undefined: not checked. */
  readonly identityCenterRegion: string | undefined;
  /** Contacts the plan reads anyway (so they are not read twice); read here when absent. */
  readonly alternateContacts?: readonly AlternateContactObservation[] | Promise<readonly AlternateContactObservation[]>;
  readonly now: number;
}

export async function readAuditInput(port: AwsPort, options: ReadAuditOptions): Promise<AuditInput> {
  const management = options.scope === 'management';
  const security = options.security;
  const region = options.identityCenterRegion;
  const instancesRead = region === undefined ? Promise.resolve(undefined) : observe('listIdentityCenterInstances', () => port.listIdentityCenterInstances(region));
  // Who has administrator permission sets on the management account, once its instance is known.
  const adminAccessRead = management ? instancesRead.then((found) => readAdminAccess(port, region, found, options.accountId)) : Promise.resolve(undefined);
  const [rootCredentials, organizationsFeatures, breakGlassUsers, instances, alternateContacts, adminAccess] = await Promise.all([
    observe('getRootCredentialSummary', () => port.getRootCredentialSummary()),
    observe('listOrganizationsFeatures', () => port.listOrganizationsFeatures()),
    Promise.all(
      (management ? (security?.breakGlassUsers ?? []) : []).map(async (user) => {
        const [mfaDevices, accessKeys, iamUser] = await Promise.all([
          observe('listMfaDevices', () => port.listMfaDevices(user.name)),
          observe('listAccessKeys', () => port.listAccessKeys(user.name)),
          // Its tags: a user orgctl created without MFA yet gets step-by-step instructions.
          observe('getIamUser', () => port.getIamUser(user.name)),
        ]);
        return { name: user.name, ...(user.at && { at: user.at }), mfaDevices, accessKeys, user: iamUser };
      }),
    ),
    instancesRead,
    options.alternateContacts ?? (management ? readAlternateContacts(port, security) : Promise.resolve([])),
    adminAccessRead,
  ]);
  const identityCenter: IdentityCenterObservation = region === undefined || instances === undefined ? { region: undefined } : { region, instances };
  return {
    accountId: options.accountId,
    scope: options.scope,
    managementAccountId: options.managementAccountId,
    security,
    rootCredentials,
    organizationsFeatures,
    breakGlassUsers,
    identityCenter,
    alternateContacts,
    now: options.now,
    ...(adminAccess && { adminAccess }),
  };
}

/** GetAlternateContact for each declared contact type (none when none is declared). */
export function readAlternateContacts(port: AwsPort, security: DesiredSecurity | undefined): Promise<AlternateContactObservation[]> {
  return Promise.all(
    (security?.alternateContacts ?? []).map(async (c) => ({
      type: c.type,
      contact: await observe<AlternateContactSpec | null>('getAlternateContact', () => port.getAlternateContact(c.type)),
    })),
  );
}

/** Runs one port call; an AWS failure becomes a value naming the call and the IAM action it needs. */
export async function observe<T>(method: PortMethod, call: () => Promise<T>): Promise<Observation<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    if (!isAwsCallError(error)) throw error;
    const { service, operation } = PORT_OPERATIONS[method];
    return {
      ok: false,
      failure: {
        operation,
        action: iamActionsFor(service, operation).join(' or '),
        code: error.code,
        denied: error.kind === 'accessDenied',
        notFound: error.kind === 'notFound',
        message: error.message,
      },
    };
  }
}
