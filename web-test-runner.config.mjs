// Element tests in Debian's Chromium. esbuild compiles TypeScript (with the project's
// tsconfig, for decorators); `npm run typecheck` does the type checking.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { katexFontsMiddleware } from './scripts/katex-fonts-dev-server.mjs';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

export default {
  files: ['test/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 600000,
  middleware: [katexFontsMiddleware()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    }),
  ],
};
