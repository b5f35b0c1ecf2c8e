/**
 * The export reader: a worker the export worker starts for a talent list export (see
 * exportPipeline.ts). It reads the matching talents from IndexedDB and converts each chunk to row
 * cells on its own thread, while the export worker writes and deflates.
 */
import '../cspSafeZod';
import { getDatabase } from '../db/db';
import { cellsFromDatabase, serveExportCells } from './exportPipeline';
import type { MessageEndpoint } from './rpc';

serveExportCells(globalThis as unknown as MessageEndpoint, cellsFromDatabase(getDatabase));
