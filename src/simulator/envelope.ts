/**
 * The envelope every Gainsight response uses: `result`, `errorCode`, `errorDesc`, `requestId`,
 * `message`, `data`, in that order.
 */

import type { ApiError } from './errors.js';

export interface Envelope {
  result: boolean;
  errorCode: string | null;
  errorDesc: string | null;
  requestId: string;
  message: string | null;
  data: unknown;
  [extra: string]: unknown;
}

export function successEnvelope(requestId: string, data: unknown): Envelope {
  return { result: true, errorCode: null, errorDesc: null, requestId, message: null, data };
}

export function errorEnvelope(requestId: string, error: ApiError): Envelope {
  return {
    result: false,
    errorCode: error.errorCode,
    errorDesc: error.errorDesc,
    requestId,
    message: error.errorDesc,
    data: null,
    ...error.extra,
  };
}

/**
 * The second documented empty result: HTTP 200 with `result: false`. Gainsight's samples give
 * no error code for it, so the code is null and the description is the documented text.
 */
export function noDataEnvelope(requestId: string): Envelope {
  return {
    result: false,
    errorCode: null,
    errorDesc: 'No data found for given criteria',
    requestId,
    message: 'No data found for given criteria',
    data: null,
  };
}
