/**
 * The printable part of a page. Everything outside the sheet (app shell, toolbars marked
 * `tl-no-print`) is hidden when printing, so `usePrintToPdf()` prints exactly the sheet:
 * Electron saves a PDF through the main process, the browser opens its print dialog.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { Result } from '../../shared/result';
import { usePlatform } from './PlatformProvider';
import type { Canceled, PrintOptions } from './platform';
import './print.css';

export interface PrintSheetProps {
  children: ReactNode;
  /** Landscape A4 for wide tables; also sets the browser's `@page` size. */
  landscape?: boolean;
  /** Test id of the sheet element. */
  testId?: string;
}

/** Wraps the content that is printed; on screen it looks like a sheet of paper. */
export function PrintSheet({ children, landscape = false, testId }: PrintSheetProps) {
  return (
    <div className="tl-print-sheet" data-testid={testId}>
      {/* Browsers take the page size from CSS; Electron gets `landscape` through printToPdf. */}
      <style>{`@media print { @page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm; } }`}</style>
      {children}
    </div>
  );
}

/** Printing state plus a function that prints the current page through the Platform. */
export function usePrintToPdf(): {
  printing: boolean;
  print(options: PrintOptions): Promise<Result<Canceled | { canceled: false; path: string | null }>>;
} {
  const platform = usePlatform();
  const [printing, setPrinting] = useState(false);
  const print = useCallback(
    async (options: PrintOptions) => {
      setPrinting(true);
      try {
        return await platform.printToPdf(options);
      } finally {
        setPrinting(false);
      }
    },
    [platform],
  );
  return { printing, print };
}
