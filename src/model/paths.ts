// OU paths: the identity of an OU in the plan, e.g. "/Workloads/Prod". The root is "/".
// OU names may contain "/" and "%", so segments are percent-escaped for those two characters only.

export const ROOT_PATH = '/';

export function escapeSegment(name: string): string {
  return name.replace(/%/g, '%25').replace(/\//g, '%2F');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/%2F/g, '/').replace(/%25/g, '%');
}

export function childPath(parentPath: string, name: string): string {
  return parentPath === ROOT_PATH ? `/${escapeSegment(name)}` : `${parentPath}/${escapeSegment(name)}`;
}

export function parentPathOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? ROOT_PATH : path.slice(0, cut);
}

export function nameOf(path: string): string {
  return unescapeSegment(path.slice(path.lastIndexOf('/') + 1));
}

/** Number of OU levels below the root: "/" is 0, "/A" is 1, "/A/B" is 2. */
export function depthOf(path: string): number {
  return path === ROOT_PATH ? 0 : path.split('/').length - 1;
}
