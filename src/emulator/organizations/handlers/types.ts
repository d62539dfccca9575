import type { JsonObject } from '../../json.js';
import type { OrgContext } from '../context.js';

export type OrgHandler = (input: JsonObject, ctx: OrgContext) => JsonObject;
