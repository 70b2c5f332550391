import type { ErrorReason, IssueCode } from '../domain/errors.js';
import type { ErrorReason as SchemaErrorReason, IssueCode as SchemaIssueCode } from './generated/types.js';

/**
 * The schema publishes the codes a client words (`IssueCode`, `ErrorReason`);
 * the domain produces them. These lines fail to compile when the two lists differ.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const ISSUE_CODES_MATCH_SCHEMA: Same<IssueCode, SchemaIssueCode> = true;
export const ERROR_REASONS_MATCH_SCHEMA: Same<ErrorReason, SchemaErrorReason> = true;
