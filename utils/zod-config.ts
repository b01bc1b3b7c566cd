/**
 * zod compiles fast parsers with `new Function` unless told not to. Extension pages
 * forbid eval under MV3's CSP and store reviewers flag it, so run zod jitless everywhere.
 */
import { z } from 'zod';

z.config({ jitless: true });
