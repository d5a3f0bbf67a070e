import type { QueryPage } from '../client/types.js';
import { ApiError } from '../errors/index.js';
import type { FullTablePosition } from './bookmark.js';
import type { PagerContext } from './incremental-pager.js';

/** One page of a FULL_TABLE stream and the position to save once it is written. */
export interface FullTablePage extends QueryPage {
  /** Empty once the table has been read to its end. */
  position: FullTablePosition;
}

/**
 * Reads a whole object in Gsid order, paging by `Gsid > last` rather than by offset, so rows
 * added or removed while the table is read cannot shift a page and hide another row.
 */
export async function* readFullTable(context: PagerContext, start: FullTablePosition): AsyncGenerator<FullTablePage> {
  const key = context.stream.keyProperty;
  let cursor = start.lastGsid;

  for (;;) {
    const conditions = cursor === undefined ? [] : [{ name: key, alias: 'A', operator: 'GT' as const, value: [cursor] }];
    const page = await context.client.query(
      context.stream.objectName,
      {
        select: context.select,
        ...(conditions.length > 0 ? { where: { conditions, expression: 'A' } } : {}),
        orderBy: { [key]: 'asc' },
        limit: context.pageSize,
        offset: 0,
      },
      { stream: context.stream.name },
    );

    if (page.records.length < context.pageSize) {
      yield { ...page, position: {} };
      return;
    }

    const lastGsid = page.records[page.records.length - 1]?.[key];
    if (typeof lastGsid !== 'string' || (cursor !== undefined && lastGsid <= cursor)) {
      throw new ApiError(`the server ignored the ${key} filter while paging (last ${key} ${String(lastGsid)})`, { stream: context.stream.name });
    }
    cursor = lastGsid;
    yield { ...page, position: { lastGsid } };
  }
}
