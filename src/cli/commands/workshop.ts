import { resolve } from 'node:path';
import { interruptionHandled, requireChromium } from '../../browser/chromium.js';
import { BrowserRenderer } from '../../browser/render.js';
import { regionIds } from '../../outputs.js';
import { startWorkshop } from '../../workshop-server.js';
import { UsageError, type Command } from '../command.js';
import { CACHE_DIR, EXIT_OK, EXIT_USAGE, loadForAnalysis, pathsOrDefault, requireId } from '../io.js';

export const workshop: Command = {
  name: 'workshop',
  aliases: ['werksessie'],
  args: '[PAD…]',
  summary: 'een pagina voor de beamer die elke opslag volgt; schuifjes, status en sterkte invullen op het scherm',
  details: [
    'Start een webserver op 127.0.0.1 (alleen deze computer) en toont één adres met een sleutel',
    'voor deze sessie. De pagina toont het DIN, de schuifjes, status en sterkte, dekking en gaten',
    'van een regio, en het beleidsmodel en het overzicht; ← → en de cijfertoetsen wisselen van',
    'weergave. Elke opslag van een modelbestand staat meteen op de pagina. Wat op het',
    'scherm wordt ingevuld (NU en GEWENST, status, sterkte) wordt in het DIN-bestand geschreven:',
    'alleen die regel verandert. Ctrl-C stopt. Heeft Chromium nodig.',
  ].join('\n'),
  options: {
    regio: { type: 'string', value: 'ID', help: 'de regio waarmee de pagina opent' },
    poort: { type: 'string', value: 'N', help: 'de poort (standaard: een vrije poort)' },
  },
  async run(io, { values, positionals }) {
    const portText = values['poort'] === undefined ? undefined : String(values['poort']);
    if (portText !== undefined && !/^\d{1,5}$/.test(portText)) throw new UsageError(`poort \`${portText}\` is geen getal; kies bijv. --poort 8080`);
    const port = portText === undefined ? 0 : Number(portText);
    if (port > 65535) throw new UsageError(`poort ${port} bestaat niet; kies een getal tot 65535`);
    const executablePath = requireChromium(io.env ?? process.env);
    const paths = pathsOrDefault(io, positionals);
    const { outcome, code } = loadForAnalysis(io, paths, 'text');
    if (code !== EXIT_OK) return code;
    const region = values['regio'] === undefined ? undefined : String(values['regio']);
    if (region !== undefined) requireId(regionIds(outcome), region, 'regio');
    const renderer = new BrowserRenderer({ executablePath, cacheDir: resolve(io.cwd, CACHE_DIR) });
    let server;
    try {
      server = await startWorkshop({ paths, cwd: io.cwd, renderer, port, ...(region ? { region } : {}), onLog: (l) => io.err(`tocdin workshop: ${l}\n`) });
    } catch (err) {
      await renderer.close();
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') {
        io.err(`tocdin workshop: poort ${port} is bezet; kies een andere met --poort of laat --poort weg\n`);
        return EXIT_USAGE;
      }
      throw err;
    }
    io.out(`Workshop: ${server.url}  (Ctrl-C stopt)\n`);
    // Ctrl-C ends the session, not the process: the browser's own cleanup (chromium.ts) stops
    // Chromium and removes its profile, and leaves the process alone while we listen too.
    let stop = () => undefined as void;
    const stopped = new Promise<void>((done) => (stop = done));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      await stopped;
      await server.close();
      await renderer.close();
      await interruptionHandled();
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
    io.out('Workshop gestopt.\n');
    return EXIT_OK;
  },
};
