// Organizations ID formats (aws-facts §2.1) and a generator of fresh, unique IDs in those formats.

import { DIGITS, HEX, LOWER_ALNUM, type SeededRandom } from '../random.js';

export const ORG_ID = /^o-[a-z0-9]{10,32}$/;
export const ROOT_ID = /^r-[0-9a-z]{4,32}$/;
export const OU_ID = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
export const ACCOUNT_ID = /^\d{12}$/;
export const POLICY_ID = /^p-[0-9a-zA-Z_]{8,128}$/;
export const CREATE_ACCOUNT_REQUEST_ID = /^car-[a-z0-9]{8,32}$/;
export const PARENT_ID = /^(r-[0-9a-z]{4,32})$|^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const CHILD_ID = /^(\d{12})$|^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const TARGET_ID = /^(r-[0-9a-z]{4,32})$|^(\d{12})$|^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
export const TAGGABLE_ID = /^(r-[0-9a-z]{4,32})$|^(\d{12})$|^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$|^(p-[0-9a-zA-Z_]{8,128})$|^(rp-[0-9a-zA-Z_]{4,128})$|^(rt-[0-9a-z]{4,32})$/;
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class IdGenerator {
  constructor(private readonly random: SeededRandom) {}

  private unique(make: () => string, taken: (id: string) => boolean): string {
    for (;;) {
      const id = make();
      if (!taken(id)) return id;
    }
  }

  organization(): string {
    return `o-${this.random.chars(LOWER_ALNUM, 10)}`;
  }

  root(): string {
    return `r-${this.random.chars(LOWER_ALNUM, 4)}`;
  }

  organizationalUnit(rootId: string, taken: (id: string) => boolean): string {
    const rootPart = rootId.slice(2);
    return this.unique(() => `ou-${rootPart}-${this.random.chars(LOWER_ALNUM, 8)}`, taken);
  }

  account(taken: (id: string) => boolean): string {
    // No leading zero, so tools that read IDs as numbers do not silently change them.
    return this.unique(() => `${this.random.chars('123456789', 1)}${this.random.chars(DIGITS, 11)}`, taken);
  }

  policy(taken: (id: string) => boolean): string {
    return this.unique(() => `p-${this.random.chars(LOWER_ALNUM, 8)}`, taken);
  }

  createAccountRequest(taken: (id: string) => boolean): string {
    return this.unique(() => `car-${this.random.chars(HEX, 32)}`, taken);
  }
}
