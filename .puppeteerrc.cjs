// Browsers come from the system (Debian chromium / firefox-esr) or an explicit
// override; puppeteer must never download its own (the network forbids it).
module.exports = { skipDownload: true };
