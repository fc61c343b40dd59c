/** Types of generate-katex-styles.mjs, for the TypeScript test that imports it. */
export const KATEX_STYLES_PATH: string;
export function katexStylesModule(): string;
