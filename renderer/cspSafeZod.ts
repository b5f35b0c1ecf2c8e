/**
 * Zod 4 compiles fast validators with `new Function` after probing whether eval is allowed; under our
 * CSP (no 'unsafe-eval') the probe itself logs a CSP violation. Import this module first in every
 * entry point that uses zod (main.tsx, and Web Workers) so zod never tries.
 */
import { config } from 'zod';

config({ jitless: true });
