// The one tRPC client of the web app. Same origin: the server serves the app
// and /trpc together (and Vite's dev server proxies /trpc, see vite.config.ts).
// Calls are batched within the server's limits (packages/shared/src/api/batching.ts):
// at most MAX_BATCH_SIZE per request, and sign-in always on its own.
import type { AppRouter } from '@alutrace/server';
import { MAX_BATCH_SIZE, UNBATCHED_PROCEDURES } from '@alutrace/shared';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type ApiClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export function createApiClient(): ApiClient {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => UNBATCHED_PROCEDURES.has(op.path),
        true: httpLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc', maxItems: MAX_BATCH_SIZE, maxURLLength: 2000 }),
      }),
    ],
  });
}
