// sellers.search: the collection lots whose sealed seller named a resident
// ID number or credit code, found through seller_index (HMAC-SHA256 of the
// normalised ID under the sealed-data key), never by scanning the ledger or
// decrypting records. Operators see the collections of their own sites,
// officials all. Every collection a search reveals is written to the access
// log (purpose `seller-search`); the ID itself is written nowhere.
import {
  SELLER_SEARCH_PURPOSE,
  type SellerLot,
  type SellerSearchResult,
  type sellerSearchInput,
} from '@alutrace/shared';
import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { lots, sellerIndex } from '../db/schema';
import { logAccess } from './access-log';
import type { SealedDeps, SealedReader } from './read-sealed';

export function searchSellers(
  deps: Pick<SealedDeps, 'db' | 'vault' | 'now'>,
  reader: SealedReader,
  input: z.output<typeof sellerSearchInput>,
): SellerSearchResult {
  const { db } = deps;
  const where: SQL[] = [eq(sellerIndex.keyedHash, deps.vault.searchKey(input.id))];
  if (reader.reach !== 'all') where.push(inArray(lots.originSite, [...reader.principal.sites]));
  if (input.cursor !== undefined) where.push(lt(sellerIndex.seq, input.cursor));
  const rows = db
    .select({
      seq: sellerIndex.seq,
      lotId: lots.lotId,
      site: lots.originSite,
      grade: lots.grade,
      massG: lots.massG,
      state: lots.state,
      createdAt: lots.createdAt,
    })
    .from(sellerIndex)
    .innerJoin(lots, eq(lots.createdSeq, sellerIndex.seq))
    .where(and(...where))
    .orderBy(desc(sellerIndex.seq))
    .limit(input.limit + 1)
    .all();
  const page: SellerLot[] = rows.slice(0, input.limit);
  logAccess(
    db,
    page.map((l) => ({ seq: l.seq, site: reader.reach === 'all' ? null : l.site })),
    { principal: reader.principal, purpose: SELLER_SEARCH_PURPOSE, at: deps.now() },
  );
  return { lots: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null };
}
