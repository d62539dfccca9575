// What marks an IAM user as the break-glass user orgctl created (org.yaml security.breakGlassUsers with
// `create: true`), shared by the break-glass kind (which creates and recognizes it) and the audit (which
// tells the person who must enrol its MFA device what to do).

/** The managed policy a break-glass user gets: it is the way in when single sign-on fails. */
export const ADMINISTRATOR_ACCESS_POLICY_ARN = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** The tags orgctl gives the user it creates: managed-by as on its other resources, and its role. */
export const BREAK_GLASS_USER_TAGS: Readonly<Record<string, string>> = { 'managed-by': 'orgctl', 'orgctl:role': 'break-glass' };

/** The user carries both of orgctl's break-glass tags (so orgctl created it). */
export function isOrgctlBreakGlassUser(tags: Readonly<Record<string, string>>): boolean {
  return Object.entries(BREAK_GLASS_USER_TAGS).every(([key, value]) => tags[key] === value);
}

/** "break-glass-user:break-glass". */
export function breakGlassUserAddress(userName: string): string {
  return `break-glass-user:${userName}`;
}
