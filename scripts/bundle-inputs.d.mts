/** Types of bundle-inputs.mjs. */
import type { Plugin } from 'rollup';
export const BUNDLE_INPUTS: readonly string[];
export function inputsDigest(root: string): string;
export function bundleBanner(version: string, digest: string): string;
export function bundleDigest(bundlePath: string): string | null;
export function inputsBanner(root: string, version: string): Plugin;
