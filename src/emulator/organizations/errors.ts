// Organizations error codes with the HTTP status the Smithy model declares (aws-facts §1.3), and AWS's
// own message texts from the service model.

import { ApiError } from '../api-error.js';
import type { ValidationFailure } from '../input.js';
import type { ServiceErrors } from '../service.js';

const STATUS = {
  InvalidInputException: 400,
  MalformedPolicyDocumentException: 400,
  AccessDeniedException: 403,
  AWSOrganizationsNotInUseException: 404,
  AccountNotFoundException: 404,
  ChildNotFoundException: 404,
  CreateAccountStatusNotFoundException: 404,
  DestinationParentNotFoundException: 404,
  OrganizationalUnitNotFoundException: 404,
  ParentNotFoundException: 404,
  PolicyNotFoundException: 404,
  RootNotFoundException: 404,
  SourceParentNotFoundException: 404,
  TargetNotFoundException: 404,
  ConcurrentModificationException: 409,
  ConflictException: 409,
  ConstraintViolationException: 409,
  DuplicateAccountException: 409,
  DuplicateOrganizationalUnitException: 409,
  DuplicatePolicyException: 409,
  DuplicatePolicyAttachmentException: 409,
  OrganizationalUnitNotEmptyException: 409,
  OrganizationNotEmptyException: 409,
  PolicyInUseException: 409,
  PolicyNotAttachedException: 409,
  PolicyTypeAlreadyEnabledException: 409,
  PolicyTypeNotEnabledException: 409,
  PolicyTypeNotAvailableForOrganizationException: 409,
  AccountAlreadyClosedException: 409,
  AlreadyInOrganizationException: 409,
  // No httpError trait in the model: 400, the protocol's default for client errors.
  AccountAlreadyRegisteredException: 400,
  AccountNotRegisteredException: 400,
  TooManyRequestsException: 429,
  ServiceException: 500,
  UnknownOperationException: 400,
} as const;

export type OrgErrorCode = keyof typeof STATUS;

const MESSAGES: Readonly<Partial<Record<OrgErrorCode, string>>> = {
  AWSOrganizationsNotInUseException:
    "Your account isn't a member of an organization. To make this request, you must use the credentials of an account that belongs to an organization.",
  AccessDeniedException:
    "You don't have permissions to perform the requested operation. The user or role that is making the request must have at least one IAM permissions policy attached that grants the required permissions.",
  AccountNotFoundException: "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.",
  ChildNotFoundException: "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.",
  CreateAccountStatusNotFoundException: "We can't find an create account request with the CreateAccountRequestId that you specified.",
  DestinationParentNotFoundException: "We can't find the destination container (a root or OU) with the ParentId that you specified.",
  OrganizationalUnitNotFoundException: "We can't find an OU with the OrganizationalUnitId that you specified.",
  ParentNotFoundException: "We can't find a root or OU with the ParentId that you specified.",
  PolicyNotFoundException: "We can't find a policy with the PolicyId that you specified.",
  RootNotFoundException: "We can't find a root with the RootId that you specified.",
  SourceParentNotFoundException: "We can't find a source root or OU with the ParentId that you specified.",
  TargetNotFoundException: "We can't find a root, OU, account, or policy with the TargetId that you specified.",
  ConcurrentModificationException: 'The target of the operation is currently being modified by a different request. Try again later.',
  ConflictException: 'The request failed because it conflicts with the current state of the specified resource.',
  DuplicateAccountException: 'That account is already present in the specified destination.',
  DuplicateOrganizationalUnitException: 'An OU with the same name already exists.',
  DuplicatePolicyException: 'A policy with the same name already exists.',
  DuplicatePolicyAttachmentException: 'The selected policy is already attached to the specified target.',
  OrganizationalUnitNotEmptyException:
    'The specified OU is not empty. Move all accounts to another root or to other OUs, remove all child OUs, and try the operation again.',
  OrganizationNotEmptyException: "The organization isn't empty. To delete an organization, you must first remove all accounts except the management account.",
  PolicyInUseException: 'The policy is attached to one or more entities. You must detach it from all roots, OUs, and accounts before performing this operation.',
  PolicyNotAttachedException: "The policy isn't attached to the specified target in the specified root.",
  PolicyTypeAlreadyEnabledException: 'The specified policy type is already enabled in the specified root.',
  PolicyTypeNotEnabledException:
    "The specified policy type isn't currently enabled in this root. You can't attach policies of the specified type to entities in a root until you enable that type in the root.",
  PolicyTypeNotAvailableForOrganizationException:
    "You can't use the specified policy type with the feature set currently enabled for this organization. For example, you can enable SCPs only after you enable all features in the organization.",
  MalformedPolicyDocumentException: "The provided policy document doesn't meet the requirements of the specified policy type.",
  AccountAlreadyClosedException: 'You attempted to close an account that is already closed.',
  AlreadyInOrganizationException: 'This account is already a member of an organization. An account can belong to only one organization at a time.',
  ServiceException: "AWS Organizations can't complete your request because of an internal service error. Try again later.",
};

export function orgError(code: OrgErrorCode, message?: string, fields: Readonly<Record<string, string>> = {}): ApiError {
  return new ApiError(code, message ?? MESSAGES[code] ?? code, STATUS[code], fields);
}

export function constraintViolation(reason: string, message: string): ApiError {
  return orgError('ConstraintViolationException', message, { Reason: reason });
}

export function invalidInput(reason: string, message: string): ApiError {
  return orgError('InvalidInputException', message, { Reason: reason });
}

const REASONS: Readonly<Record<ValidationFailure['reason'], string>> = {
  INPUT_REQUIRED: 'INPUT_REQUIRED',
  INVALID_PATTERN: 'INVALID_PATTERN',
  MIN_LENGTH_EXCEEDED: 'MIN_LENGTH_EXCEEDED',
  MAX_LENGTH_EXCEEDED: 'MAX_LENGTH_EXCEEDED',
  INVALID_ENUM: 'INVALID_ENUM',
  MIN_VALUE_EXCEEDED: 'MIN_VALUE_EXCEEDED',
  MAX_VALUE_EXCEEDED: 'MAX_VALUE_EXCEEDED',
  MIN_LIST_LENGTH: 'MIN_LENGTH_EXCEEDED',
  MAX_LIST_LENGTH: 'MAX_LENGTH_EXCEEDED',
};

/** Model-constraint failures as InvalidInputException with the Reason the Organizations enum uses. */
export function orgValidationError(failure: ValidationFailure): ApiError {
  return invalidInput(REASONS[failure.reason], `You provided a value that does not match the required constraints: ${failure.message}`);
}

const TOO_MANY_REQUESTS = [
  'You have sent too many requests in too short a period of time. Try again later.',
  "AWS Organizations can't complete your request because another request is already in progress. Try again later.",
];

export const organizationsErrors: ServiceErrors = {
  throttled: (n) => orgError('TooManyRequestsException', TOO_MANY_REQUESTS[n % 2] ?? TOO_MANY_REQUESTS[0]),
  conflict: () => orgError('ConcurrentModificationException'),
  internal: () => orgError('ServiceException'),
  unknownOperation: (operation) => orgError('UnknownOperationException', `The emulator does not implement the Organizations operation "${operation}".`),
};
