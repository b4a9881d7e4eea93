#!/usr/bin/env node
// The CLI is TypeScript run by tsx (a runtime dependency), so `npx tocdin` works right
// after `npm ci` without a build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
