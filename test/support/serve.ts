/** `tsx support/serve.ts [port]`: the static host Playwright's webServer starts. */
import { startStaticServer } from './static-server';

const port = Number(process.argv[2] ?? 4173);
await startStaticServer(port);
console.log(`serving on http://127.0.0.1:${port}`);
