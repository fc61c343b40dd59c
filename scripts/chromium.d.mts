/** Types of chromium.mjs, for the TypeScript tests that import it. */
export const chromiumPath: string;
export const chromiumArgs: string[];
