// tRPC at /trpc, as @trpc/server's fastifyTRPCPlugin serves it, with one
// shortcut. That adapter turns every request into a Fetch API Request, runs
// it through resolveResponse with AbortSignal.any, and streams a Fetch
// Response back in chunks — several hundred µs of CPU per call on this
// machine, 10× the route itself (see `pnpm bench http`). Most calls are one
// query (GET, `?input=`) or one mutation (POST, JSON body): those are
// answered here by calling the procedure directly and writing the JSON in
// one piece, exactly as resolveResponse does for a single call — same
// middlewares, same input parsing, same error shape, status and headers.
// One difference: the procedure gets no abort signal (`signal` is undefined,
// as the type allows and as tRPC's own server-side callers do). An
// AbortController costs ~8 µs per call, and none of our single calls runs
// long enough to be worth abandoning; createContext still gets one (lazily).
// Anything else (batches, streams, subscriptions, HEAD, other content types,
// unknown procedures, a method the procedure does not take, input that is
// not JSON) goes to tRPC's own handler unchanged, before anything has run.
//
// This leans on tRPC internals (`unstable-core-do-not-import`); @trpc/server
// is pinned in the catalog, and trpc-plugin.test.ts compares both paths'
// answers request by request, so an upgrade that changes them fails there.
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from '@trpc/server/adapters/fastify';
import {
  type AnyProcedure,
  type AnyRouter,
  defaultTransformer,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  TRPCError,
  type TRPCRequestInfo,
  type TRPCResponse,
  transformTRPCResponse,
} from '@trpc/server/unstable-core-do-not-import';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type TrpcOptions<TRouter extends AnyRouter> = FastifyTRPCPluginOptions<TRouter>['trpcOptions'];

export interface TrpcPluginOptions<TRouter extends AnyRouter> {
  trpcOptions: TrpcOptions<TRouter>;
  /** false: every request through tRPC's own handler (the tests compare both). */
  directSingleCalls?: boolean;
}

/** Register with `{ prefix: '/trpc', trpcOptions }`, as fastifyTRPCPlugin. */
export function trpcPlugin<TRouter extends AnyRouter>(
  fastify: FastifyInstance,
  opts: TrpcPluginOptions<TRouter>,
  done: (err?: Error) => void,
): void {
  // The same body parsing as fastifyTRPCPlugin: tRPC reads the raw text.
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, parsed) => parsed(null, body));
  fastify.removeContentTypeParser('multipart/form-data');
  fastify.addContentTypeParser('multipart/form-data', {}, (_req, body, parsed) => parsed(null, body));
  const direct = opts.directSingleCalls !== false;
  fastify.all<{ Params: { path: string } }>('/:path', async (req, reply) => {
    const path = req.params.path;
    if (direct) {
      const call = await singleCall(opts.trpcOptions.router, path, req);
      if (call) return answerSingleCall(opts.trpcOptions, call, req, reply);
    }
    await fastifyRequestHandler({ ...opts.trpcOptions, req, res: reply, path });
  });
  done();
}

interface SingleCall {
  path: string;
  type: 'query' | 'mutation';
  procedure: AnyProcedure;
  input: unknown;
}

const PROCEDURE_PATH = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

/** The call when the request is one plain query or mutation; null when tRPC's handler should take it. */
async function singleCall(router: AnyRouter, path: string, req: FastifyRequest): Promise<SingleCall | null> {
  const type = req.method === 'GET' ? 'query' : req.method === 'POST' ? 'mutation' : null;
  if (!type || !PROCEDURE_PATH.test(path)) return null;
  const headers = req.headers;
  if (headers['trpc-accept'] !== undefined || (headers.accept ?? '').includes('application/jsonl')) return null;
  // Any query parameter but a query's one `input` (`batch=1` above all, on GET and POST alike) is tRPC's.
  const q = req.url.indexOf('?');
  let queryInput: string | null = null;
  if (q >= 0) {
    if (type === 'mutation') return null;
    const search = new URLSearchParams(req.url.slice(q + 1));
    for (const key of search.keys()) if (key !== 'input') return null;
    if (search.getAll('input').length > 1) return null;
    queryInput = search.get('input') || null;
  }
  const contentType = headers['content-type'];
  let text: string | null;
  if (type === 'query') {
    if (contentType !== undefined && !contentType.startsWith('application/json')) return null;
    text = queryInput;
  } else {
    if (!contentType?.startsWith('application/json') || typeof req.body !== 'string' || req.body === '') return null;
    text = req.body;
  }
  let input: unknown;
  try {
    input = text === null ? undefined : router._def._config.transformer.input.deserialize(JSON.parse(text));
  } catch {
    return null;
  }
  const procedure = await getProcedureAtPath(router, path);
  if (!procedure || procedure._def.type !== type) return null;
  return { path, type, procedure, input };
}

async function answerSingleCall<TRouter extends AnyRouter>(
  trpc: TrpcOptions<TRouter>,
  call: SingleCall,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const config = trpc.router._def._config;
  const getRawInput = async (): Promise<unknown> => call.input;
  let ctx: unknown;
  let response: TRPCResponse;
  try {
    // `info` is built only if createContext reads it (ours does not).
    ctx = await trpc.createContext?.({
      req,
      res: reply,
      get info() {
        return requestInfo(call, getRawInput, req, reply);
      },
    });
    const data: unknown = await call.procedure({
      path: call.path,
      getRawInput,
      ctx,
      type: call.type,
      signal: undefined,
      batchIndex: 0,
    });
    if (isDataStream(data)) {
      throw new TRPCError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
      });
    }
    response = { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    trpc.onError?.({ error, path: call.path, input: call.input, ctx, type: call.type, req } as never);
    response = { error: getErrorShape({ config, ctx, error, input: call.input, path: call.path, type: call.type }) };
  }
  return (
    reply
      .code(getHTTPStatusCode(response))
      .header('vary', 'trpc-accept, accept')
      .header('content-type', 'application/json')
      // As bytes: Fastify would add "; charset=utf-8" to a string, and tRPC sends none.
      .send(Buffer.from(JSON.stringify(serialised(config, response))))
  );
}

function requestInfo(
  call: SingleCall,
  getRawInput: () => Promise<unknown>,
  req: FastifyRequest,
  reply: FastifyReply,
): TRPCRequestInfo {
  let signal: AbortSignal | undefined;
  return {
    accept: null,
    type: call.type,
    isBatchCall: false,
    calls: [{ path: call.path, getRawInput, result: () => call.input, procedure: call.procedure, batchIndex: 0 }],
    connectionParams: null,
    get signal() {
      signal ??= abortedOnClose(req, reply);
      return signal;
    },
    url: null,
  };
}

/** Aborted when the client goes away before the answer is written, as tRPC's adapter does. */
function abortedOnClose(req: FastifyRequest, reply: FastifyReply): AbortSignal {
  const ac = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) ac.abort();
  });
  req.raw.once('aborted', () => ac.abort());
  return ac.signal;
}

/** transformTRPCResponse, which only copies the response when there is no transformer (as here). */
function serialised(config: AnyRouter['_def']['_config'], response: TRPCResponse): unknown {
  return config.transformer === defaultTransformer ? response : transformTRPCResponse(config, response);
}

function isDataStream(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (isAsyncIterable(v)) return true;
  const values = Object.values(v);
  return values.some(isPromise) || values.some(isAsyncIterable);
}
