/**
 * The flags every browser of the e2e suite and the benches runs with (DEVELOPERS.md): Debian's
 * Chromium, no sandbox, no GPU, nothing that reaches the network on its own.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
