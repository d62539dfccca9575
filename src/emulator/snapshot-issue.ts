// One problem found in a snapshot file, at its JSON path (shared by the section checkers, so they need
// not import each other).

export type SnapshotPath = readonly (string | number)[];

export interface SnapshotIssue {
  readonly path: SnapshotPath;
  readonly message: string;
}
