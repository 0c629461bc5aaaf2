import type { ErrorObject } from 'ajv';
import type { SessionRecord } from './sessions.js';

/**
 * Whether `data` is a session record as src/store/session-schema.ts defines it (the code is
 * compiled from that schema, see session-record-check.js); when it is not, `errors[0]` says where.
 */
declare const validate: ((data: unknown) => data is SessionRecord) & { errors?: ErrorObject[] | null };
export default validate;
