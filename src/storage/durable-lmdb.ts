// How fixgate opens an LMDB environment it relies on for durability (the FIX message store and the
// write-ahead log): writes batched per event-loop turn, a commit's promise resolving only once it
// is synced (overlappingSync lets the next turn's writes proceed meanwhile), no compression on
// the hot path. The measured reasons are in src/fix/session/store/lmdb-session-store.ts.
import { open, type RootDatabase } from 'lmdb';

export function openDurableLmdb(path: string, maxDbs: number): RootDatabase {
  return open({
    path,
    // A directory even when its name has a dot, which lmdb-js would otherwise take for a file.
    noSubdir: false,
    maxDbs,
    overlappingSync: true,
    eventTurnBatching: true,
    commitDelay: 0,
    compression: false,
  });
}
