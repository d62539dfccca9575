// STS: who the credentials belong to.

export interface StsPort {
  /** STS GetCallerIdentity. */
  getCallerAccountId(): Promise<string>;
}
