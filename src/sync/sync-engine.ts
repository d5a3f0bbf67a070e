import type { GainsightClient } from '../client/gainsight-client.js';
import type { QueryPage } from '../client/types.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatInstant, secondMs } from '../dates/instant.js';
import { ApiError, isAbortError } from '../errors/index.js';
import type { Logger } from '../logging/logger.js';
import { fullTableBookmark, incrementalBookmark, laterPosition, type IncrementalPosition } from './bookmark.js';
import { readFullTable, type FullTablePage } from './full-table-pager.js';
import { readIncremental, type IncrementalPage } from './incremental-pager.js';
import { RecordNormalizer } from './record-normalizer.js';
import type { StreamPlan } from './stream-plan.js';
import type { SyncState } from './sync-state.js';

/** The outcome of one stream's sync. */
export interface StreamOutcome {
  status: 'complete' | 'stopped' | 'failed';
  records: number;
  pages: number;
  seconds: number;
  error?: unknown;
}

/**
 * The destination of a sync's output: the Singer or Airbyte adapter. Each call may wait, which
 * is how a slow reader of stdout slows the sync down instead of filling memory.
 */
export interface SyncOutput {
  streamStarted(plan: StreamPlan): Promise<void>;
  /** Writes one page of normalised records. */
  pageRead(plan: StreamPlan, page: QueryPage): Promise<void>;
  /** Called after a page's records are written and the stream's bookmark moved past them. */
  checkpoint(plan: StreamPlan, state: SyncState, recordsSincePrevious: number): Promise<void>;
  streamFinished(plan: StreamPlan, outcome: StreamOutcome): Promise<void>;
}

/** A stream's progress so far, as a progress listener receives it. */
export interface StreamProgress {
  stream: string;
  status: 'running' | StreamOutcome['status'];
  records: number;
  pages: number;
  /** Milliseconds since the stream started. */
  elapsedMs: number;
}

/**
 * Receives each stream's progress when it starts, after each page, and when it ends. It is
 * called once per page, never per record, so it may redraw a display.
 */
export type ProgressListener = (progress: StreamProgress) => void;

export interface SyncOptions {
  client: Pick<GainsightClient, 'query'>;
  plans: StreamPlan[];
  state: SyncState;
  output: SyncOutput;
  logger: Logger;
  pageSize: number;
  /** Exclusive upper bound of replication key values read this run: a whole second, at or before the start. */
  endMs: number;
  /** Aborted on SIGTERM or SIGINT: no page is requested after it, the current one is finished. */
  stopSignal: AbortSignal;
  /** Asks the other streams to stop after one fails. */
  requestStop: () => void;
  /** Milliseconds between progress lines on a long stream. */
  progressIntervalMs?: number;
  /** Receives progress per page; when set, it replaces the periodic progress lines. */
  onProgress?: ProgressListener;
}

export interface SyncSummary {
  outcomes: Map<string, StreamOutcome>;
  /** The first stream failure, which decides the run's exit status. */
  error?: unknown;
}

/**
 * Syncs the planned streams side by side. The shared client bounds how many requests are in flight
 * and how many are sent per minute, so running every stream at once keeps the call budget busy
 * when each call is slow, without exceeding it.
 */
export async function runSync(options: SyncOptions): Promise<SyncSummary> {
  const outcomes = new Map<string, StreamOutcome>();
  let firstError: unknown;

  await Promise.all(
    options.plans.map(async (plan) => {
      const outcome = await syncStream(plan, options);
      outcomes.set(plan.stream.name, outcome);
      if (outcome.status !== 'failed') return;
      if (firstError === undefined) {
        firstError = outcome.error;
        options.requestStop();
      } else if (!isSameFailure(outcome.error, firstError)) {
        // The caller reports the first failure as the run's error, so a later one is logged here.
        // A repeat of the first, as when every stream is redirected, is not logged again.
        options.logger.forStream(plan.stream.name).error('cause of the failure', { error: errorText(outcome.error) });
      }
    }),
  );

  if (firstError === undefined && !options.stopSignal.aborted && options.plans.some((plan) => plan.mode === 'incremental')) {
    await waitForNextSecond();
  }
  return firstError === undefined ? { outcomes } : { outcomes, error: firstError };
}

/**
 * Waits until the clock enters the next whole second. A row changed during this run carries a
 * replication key at or after this run's bound, in a second that has begun by now. The next run
 * reads up to the start of its own second, so it picks the row up only if it starts in a later
 * second than the change. Waiting here makes that hold even for a run started right after this
 * one. With a server clock ahead of ours, such a row may wait one run more, but it is never lost.
 */
async function waitForNextSecond(): Promise<void> {
  await sleep(secondMs - (Date.now() % secondMs));
}

async function syncStream(plan: StreamPlan, options: SyncOptions): Promise<StreamOutcome> {
  const logger = options.logger.forStream(plan.stream.name);
  const startedAt = Date.now();
  const normalizer = new RecordNormalizer(plan.select, plan.tenant.kinds, logger);
  const outcome: StreamOutcome = { status: 'complete', records: 0, pages: 0, seconds: 0 };
  const progressIntervalMs = options.progressIntervalMs ?? 30_000;
  let lastProgressAt = startedAt;

  const reportProgress = (status: StreamProgress['status']) =>
    options.onProgress?.({ stream: plan.stream.name, status, records: outcome.records, pages: outcome.pages, elapsedMs: Date.now() - startedAt });

  logger.info('sync started', describeStart(plan));
  reportProgress('running');
  await options.output.streamStarted(plan);
  const pages = readPages(plan, options);
  let incrementalPosition = plan.mode === 'incremental' ? plan.start : undefined;

  try {
    for (;;) {
      if (options.stopSignal.aborted) {
        outcome.status = 'stopped';
        break;
      }
      const next = await pages.next();
      if (next.done) break;
      const page = next.value;

      normalizer.normalizePage(page);
      await options.output.pageRead(plan, page);

      if (plan.mode === 'incremental') {
        // The pager only moves forward, but an input bookmark ahead of this page must win.
        incrementalPosition = laterPosition(incrementalPosition as IncrementalPosition, (page as IncrementalPage).position);
        options.state.update(plan.stream.name, incrementalBookmark(plan.stream, incrementalPosition));
      } else {
        options.state.update(plan.stream.name, fullTableBookmark((page as FullTablePage).position));
      }
      outcome.records += page.records.length;
      outcome.pages += 1;
      await options.output.checkpoint(plan, options.state, page.records.length);

      if (options.onProgress !== undefined) reportProgress('running');
      else if (Date.now() - lastProgressAt >= progressIntervalMs) {
        lastProgressAt = Date.now();
        logger.info('progress', { records: outcome.records, pages: outcome.pages, seconds: elapsedSeconds(startedAt) });
      }
    }
    // Every stream ends with a STATE, also one that had nothing to read (its bookmark was already
    // at or past this run's end).
    if (outcome.status === 'complete' && outcome.pages === 0) await options.output.checkpoint(plan, options.state, 0);
  } catch (error) {
    // A stop that arrives while a request waits for its turn or for a retry aborts that wait.
    if (options.stopSignal.aborted && isAbortError(error)) outcome.status = 'stopped';
    else {
      outcome.status = 'failed';
      outcome.error = error;
    }
  }

  outcome.seconds = Number(elapsedSeconds(startedAt));
  const fields = { records: outcome.records, pages: outcome.pages, seconds: outcome.seconds.toFixed(2) };
  if (outcome.status === 'complete') logger.info('sync finished', fields);
  else if (outcome.status === 'stopped') logger.warn('sync stopped before the end; the last STATE resumes it', fields);
  else logger.error('sync failed; the last STATE resumes it', fields);
  reportProgress(outcome.status);

  await options.output.streamFinished(plan, outcome);
  return outcome;
}

function readPages(plan: StreamPlan, options: SyncOptions): AsyncGenerator<IncrementalPage | FullTablePage> {
  const context = { client: options.client, stream: plan.stream, select: plan.select, pageSize: options.pageSize };
  return plan.mode === 'incremental' ? readIncremental(context, plan.start, options.endMs) : readFullTable(context, plan.start);
}

function describeStart(plan: StreamPlan): Record<string, string | number> {
  if (plan.mode === 'full_table') {
    return { mode: 'FULL_TABLE', fields: plan.select.length, ...(plan.start.lastGsid ? { after_gsid: plan.start.lastGsid } : {}) };
  }
  return {
    mode: 'INCREMENTAL',
    fields: plan.select.length,
    from: formatInstant(plan.start.fromMs),
    from_source: plan.startSource,
    ...(plan.start.lastGsid ? { after_gsid: plan.start.lastGsid } : {}),
  };
}

function elapsedSeconds(since: number): string {
  return ((Date.now() - since) / 1000).toFixed(2);
}


// Two API errors of one class, HTTP status and Gainsight errorCode count as one failure in the
// log, whichever streams hit them.
function isSameFailure(error: unknown, first: unknown): boolean {
  if (!(error instanceof ApiError) || !(first instanceof ApiError) || error.constructor !== first.constructor) return false;
  return error.context.status === first.context.status && error.context.errorCode === first.context.errorCode;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
