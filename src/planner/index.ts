// The planner's public surface. Everything here is pure.

export { planOrg } from './plan-org.js';
export { desiredTreeDocument, type TreeDocument } from './tree-document.js';
export { canonicalJson, serializeLiveState } from './live-state.js';
export { NoteCode } from './notes.js';
export { planDigestText, stepIdentityText } from './plan-digest.js';
