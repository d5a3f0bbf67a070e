import type { ExactNumbers } from './json-body.js';

/** One condition of a query's `where`; `value` is always an array (two entries for BTW). */
export interface QueryCondition {
  name: string;
  alias: string;
  operator: 'EQ' | 'NE' | 'LT' | 'GT' | 'LTE' | 'GTE' | 'BTW' | 'IN' | 'IS_NULL' | 'IS_NOT_NULL';
  value: Array<string | number | boolean>;
}

/** The body of `POST /v1/data/objects/query/{object}`. */
export interface QueryRequest {
  select: string[];
  where?: { conditions: QueryCondition[]; expression: string };
  /** Field to direction, applied in key order. */
  orderBy?: Record<string, 'asc' | 'desc'>;
  /** At most 5000, Gainsight's maximum rows per call. */
  limit: number;
  offset?: number;
}

/** One page of query results. */
export interface QueryPage {
  /** Flat records keyed by the `select` strings. */
  records: Array<Record<string, unknown>>;
  /** Set when some values are exact-number markers that output must restore (see `parseJsonBody`). */
  exactNumbers?: ExactNumbers;
  /** Each record's JSON as the bytes sent, parallel to `records`, when every record could be cut out. */
  recordSources?: Buffer[];
  /** Marks, parallel to `records`, the records whose values changed after parsing. */
  changedRecords?: boolean[];
  /** When the response arrived, for Singer's `time_extracted`. */
  receivedAt: Date;
}

/** A field as the describe endpoint reports it. */
export interface FieldDescription {
  fieldName: string;
  label?: string;
  dataType: string;
  meta?: {
    fieldGroupType?: string;
    filterable?: boolean;
    sortable?: boolean;
    nillable?: boolean;
    readOnly?: boolean;
    hidden?: boolean;
    decimalPlaces?: number;
    lookupDetail?: { lookupName?: string; lookupObjects?: unknown[] } | null;
  };
}

/** An object as the describe endpoint reports it. */
export interface ObjectDescription {
  objectName: string;
  label?: string;
  fields: FieldDescription[];
}
