// The pages run under a Content-Security-Policy without 'unsafe-eval': zod must not try to
// compile its checks with `new Function` (even the caught attempt is reported as a violation).
import { z } from 'zod';

z.config({ jitless: true });
