// Shared by executors: an AWS error of one kind means the work is already done.

import { isAwsCallError, type AwsErrorKind } from '../aws/errors.js';

export async function ignoring(kind: AwsErrorKind, call: () => Promise<void>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if (!isAwsCallError(error, kind)) throw error;
  }
}
