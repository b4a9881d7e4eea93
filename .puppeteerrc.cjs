// puppeteer is only here for the mmdc benchmark (bench/render.ts); it must never download
// a browser (no internet but npm): it uses Debian's Chromium, like the rest of tocdin.
module.exports = { skipDownload: true, executablePath: process.env.TOCDIN_CHROMIUM || '/usr/bin/chromium' };
