// Reference data (campaigns, categories, criteria, units) per ward, kept by version: the load
// call returns a fresh catalog only when the ward's version differs from the one held here.
import type { Catalog } from '../conversation/contract.js';

/** Catalogs by ward id. Not authoritative: a version mismatch replaces the entry. */
export class CatalogCache {
  private readonly byWard = new Map<string, Catalog>();

  /** The versions held, sent with every load so the database can skip the catalog. */
  versions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [ward, c] of this.byWard) out[ward] = c.version;
    return out;
  }

  /** Stores a catalog the database sent. */
  put(catalog: Catalog): void {
    this.byWard.set(catalog.ward.id, catalog);
  }

  /** The catalog of a ward, if held. */
  get(wardId: string): Catalog | undefined {
    return this.byWard.get(wardId);
  }
}
