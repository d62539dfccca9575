// Typed, validated access to a request's JSON input. Constraint violations become the service's own
// validation error (InvalidInputException for Organizations, InvalidParameterException for Budgets);
// values of the wrong JSON type become SerializationException, as AWS's JSON protocol answers.

import { ApiError } from './api-error.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { plural } from '../text/plural.js';

export type ValidationReason =
  | 'INPUT_REQUIRED'
  | 'INVALID_PATTERN'
  | 'MIN_LENGTH_EXCEEDED'
  | 'MAX_LENGTH_EXCEEDED'
  | 'INVALID_ENUM'
  | 'MIN_VALUE_EXCEEDED'
  | 'MAX_VALUE_EXCEEDED'
  | 'MIN_LIST_LENGTH'
  | 'MAX_LIST_LENGTH';

export interface ValidationFailure {
  readonly reason: ValidationReason;
  /** Dotted path of the member, e.g. "Budget.BudgetLimit.Amount". */
  readonly field: string;
  readonly message: string;
}

export type ValidationErrorFactory = (failure: ValidationFailure) => ApiError;

export interface StringRules {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
}

export interface NumberRules {
  readonly min?: number;
  readonly max?: number;
}

export interface ListRules {
  readonly min?: number;
  readonly max?: number;
}

function serializationError(field: string, expected: string): ApiError {
  return new ApiError('SerializationException', `${field} must be ${expected}.`, 400);
}

export class InputReader {
  constructor(
    readonly data: JsonObject,
    private readonly fail: ValidationErrorFactory,
    private readonly prefix = '',
  ) {}

  private field(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }

  has(name: string): boolean {
    const value = this.data[name];
    return value !== undefined && value !== null;
  }

  raw(name: string): JsonValue | undefined {
    const value = this.data[name];
    return value === null ? undefined : value;
  }

  private required<T>(name: string, value: T | undefined): T {
    if (value === undefined) {
      throw this.fail({ reason: 'INPUT_REQUIRED', field: this.field(name), message: `${this.field(name)} is required.` });
    }
    return value;
  }

  optionalString(name: string, rules: StringRules = {}): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw serializationError(this.field(name), 'a string');
    this.checkString(name, value, rules);
    return value;
  }

  string(name: string, rules: StringRules = {}): string {
    return this.required(name, this.optionalString(name, rules));
  }

  checkString(name: string, value: string, rules: StringRules): void {
    const field = this.field(name);
    const length = [...value].length;
    if (rules.min !== undefined && length < rules.min) {
      throw this.fail({ reason: 'MIN_LENGTH_EXCEEDED', field, message: `${field} must be at least ${rules.min} characters long.` });
    }
    if (rules.max !== undefined && length > rules.max) {
      throw this.fail({ reason: 'MAX_LENGTH_EXCEEDED', field, message: `${field} must be at most ${rules.max} characters long.` });
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      throw this.fail({ reason: 'INVALID_PATTERN', field, message: `${field} does not match the required pattern.` });
    }
  }

  optionalEnum<const T extends string>(name: string, values: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (!(values as readonly string[]).includes(value)) {
      const field = this.field(name);
      throw this.fail({ reason: 'INVALID_ENUM', field, message: `${field} must be one of ${values.join(', ')}.` });
    }
    return value as T;
  }

  enumValue<const T extends string>(name: string, values: readonly T[]): T {
    return this.required(name, this.optionalEnum(name, values));
  }

  optionalNumber(name: string, rules: NumberRules = {}, integer = false): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      throw serializationError(this.field(name), integer ? 'an integer' : 'a number');
    }
    const field = this.field(name);
    if (rules.min !== undefined && value < rules.min) {
      throw this.fail({ reason: 'MIN_VALUE_EXCEEDED', field, message: `${field} must be at least ${rules.min}.` });
    }
    if (rules.max !== undefined && value > rules.max) {
      throw this.fail({ reason: 'MAX_VALUE_EXCEEDED', field, message: `${field} must be at most ${rules.max}.` });
    }
    return value;
  }

  number(name: string, rules: NumberRules = {}): number {
    return this.required(name, this.optionalNumber(name, rules));
  }

  optionalInteger(name: string, rules: NumberRules = {}): number | undefined {
    return this.optionalNumber(name, rules, true);
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw serializationError(this.field(name), 'a boolean');
    return value;
  }

  optionalObject(name: string): InputReader | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) throw serializationError(this.field(name), 'an object');
    return new InputReader(value, this.fail, this.field(name));
  }

  object(name: string): InputReader {
    return this.required(name, this.optionalObject(name));
  }

  private optionalArray(name: string, rules: ListRules): readonly JsonValue[] | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw serializationError(this.field(name), 'a list');
    const list = value as readonly JsonValue[];
    const field = this.field(name);
    if (rules.min !== undefined && list.length < rules.min) {
      throw this.fail({ reason: 'MIN_LIST_LENGTH', field, message: `${field} must have at least ${plural(rules.min, 'member')}.` });
    }
    if (rules.max !== undefined && list.length > rules.max) {
      throw this.fail({ reason: 'MAX_LIST_LENGTH', field, message: `${field} must have at most ${plural(rules.max, 'member')}.` });
    }
    return list;
  }

  optionalObjectList(name: string, rules: ListRules = {}): InputReader[] | undefined {
    const list = this.optionalArray(name, rules);
    if (list === undefined) return undefined;
    return list.map((item, index) => {
      const field = `${this.field(name)}.${index + 1}`;
      if (!isJsonObject(item)) throw serializationError(field, 'an object');
      return new InputReader(item, this.fail, field);
    });
  }

  objectList(name: string, rules: ListRules = {}): InputReader[] {
    return this.required(name, this.optionalObjectList(name, rules));
  }

  optionalStringList(name: string, rules: ListRules = {}, itemRules: StringRules = {}): string[] | undefined {
    const list = this.optionalArray(name, rules);
    if (list === undefined) return undefined;
    return list.map((item, index) => {
      const itemName = `${name}.${index + 1}`;
      if (typeof item !== 'string') throw serializationError(this.field(itemName), 'a string');
      this.checkString(itemName, item, itemRules);
      return item;
    });
  }

  stringList(name: string, rules: ListRules = {}, itemRules: StringRules = {}): string[] {
    return this.required(name, this.optionalStringList(name, rules, itemRules));
  }
}
