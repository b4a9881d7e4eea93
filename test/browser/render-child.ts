/**
 * A render that runs until it is stopped, for profiles.test.ts: it prints the profile
 * folder of its browser (`PROFILE <path>`) as soon as the browser draws, then keeps
 * drawing until the test sends it a signal or kills it.
 */
import { openProfiles } from '../../src/browser/chromium.js';
import { BrowserRenderer } from '../../src/browser/render.js';
import { set } from '../fixtures/mini.js';

let told = false;
const renderer = new BrowserRenderer({
  workers: 1,
  onProgress: () => {
    if (told) return;
    told = true;
    process.stdout.write(`PROFILE ${openProfiles()[0]}\n`);
  },
});
// No cache: every round draws again, so the browser is busy whenever the signal comes.
for (let round = 0; round < 1000; round++) await renderer.renderSvgs(set.diagrams.map((d) => ({ name: `${d.name}-${round}`, mermaid: d.mermaid })));
await renderer.close();
