import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../chromium-args.ts';

/**
 * Frame cost with frames the bench produces itself (issue 9).
 *
 * Chromium keeps a ~60 Hz begin-frame clock in headless mode whatever the flags, so the gap
 * between requestAnimationFrame callbacks never drops below ~16.7 ms and cannot show whether a
 * frame fits in 16 ms. The old headless shell (`chromium-headless-shell`) can instead let the
 * client issue every frame: launched with `--enable-begin-frame-control`, a target created with
 * `enableBeginFrameControl: true` produces a frame only when `HeadlessExperimental.beginFrame` is
 * sent, and the command returns once that frame is drawn (with
 * `--run-all-compositor-stages-before-draw`: main frame, commit, raster, activation and the
 * display's draw all happen before it returns). There is no clock to wait for, so a frame costs
 * what its work costs.
 *
 * One measured step: dispatch the input event (CDP `Input.dispatchMouseEvent`, not awaited:
 * Chromium acknowledges pointer moves only when a frame dispatches them), then issue frames
 * (virtual frame time advancing 16.67 ms each) until one returns with the event acknowledged. The
 * wall time from the dispatch to that frame's return is the input's frame cost: input handling,
 * React and React Flow, style, layout, paint, raster and the software compositor's draw, end to
 * end, nothing overlapping (a wheel event usually needs an empty ~1 ms frame first: it reaches
 * the page after that frame started). Then, so the next input starts on a settled page, frames
 * while they still have damage (work left for later, React Flow's auto-pan while a node is dragged
 * near the edge), at most `MAX_FOLLOW_UPS`; their costs are reported apart. `BENCH_COST_DEBUG=1`
 * prints every input with the wall time of each frame issued for it (D: damage, ?: not yet
 * acknowledged).
 */

export const HEADLESS_SHELL =
  process.env['BENCH_HEADLESS_SHELL'] ??
  [
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/lib/chromium/headless_shell',
    '/usr/bin/chromium-headless-shell',
  ].find((path) => existsSync(path));

const INTERVAL_MS = 1000 / 60;
/** Frames issued at most until an input is handled (it is acknowledged within a frame or two). */
const MAX_FRAMES_TO_HANDLE = 6;
/** Damaged frames issued after an input at most (a page that keeps animating never settles). */
const MAX_FOLLOW_UPS = 3;

/** TimeTicks (ms) as Chromium reads them on Linux: CLOCK_MONOTONIC, which Node's hrtime uses. */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

export interface CostBrowser {
  browser: Browser;
  context: BrowserContext;
  /** A page whose frames only come from `FrameDriver` (created through CDP, see the header). */
  newPage(): Promise<{ page: Page; driver: FrameDriver }>;
}

export async function launchCostBrowser(options: {
  viewport: { width: number; height: number };
  baseURL: string;
}): Promise<CostBrowser> {
  const { viewport } = options;
  if (!HEADLESS_SHELL) throw new Error('chromium-headless-shell is not installed');
  const browser = await chromium.launch({
    executablePath: HEADLESS_SHELL,
    args: [
      ...CHROMIUM_ARGS,
      '--enable-begin-frame-control',
      '--run-all-compositor-stages-before-draw',
      '--disable-new-content-rendering-timeout',
      '--disable-threaded-animation',
      '--disable-checker-imaging',
    ],
  });
  const context = await browser.newContext(options);
  const browserCdp = await browser.newBrowserCDPSession();
  // Playwright creates its pages without begin-frame control; the page is created through CDP in
  // Playwright's context (its id read from a page Playwright made), so Playwright adopts it.
  const probe = await context.newPage();
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const contextId = targetInfos.find((t) => t.type === 'page')?.browserContextId;
  await probe.close();
  if (!contextId) throw new Error('no browser context id for the frame-controlled page');
  const newPage = async () => {
    const adopted = context.waitForEvent('page', { timeout: 15_000 });
    await browserCdp.send('Target.createTarget', {
      url: 'about:blank',
      browserContextId: contextId,
      enableBeginFrameControl: true,
    });
    const page = await adopted;
    const driver = new FrameDriver(await context.newCDPSession(page));
    await driver.pumped(() => page.setViewportSize(viewport));
    return { page, driver };
  };
  return { browser, context, newPage };
}

export interface StepCost {
  ms: number;
  frames: number;
  /** Per frame issued: its wall time (ms) and whether it had damage. */
  detail: { ms: number; damage: boolean; acked: boolean }[];
  /** Wall times of the damaged frames after the one that handled the input. */
  followUps: number[];
  /** False if the input was still not handled after `MAX_FRAMES_TO_HANDLE` frames (`ms` NaN). */
  handled: boolean;
}

/** Issues the frames of one frame-controlled page (see the header). */
export class FrameDriver {
  private frameTime = monotonicMs();
  private pumping: Promise<void> | null = null;
  private stopPump = false;

  constructor(readonly cdp: CDPSession) {}

  /** One frame; resolves when it is drawn. */
  async frame(): Promise<boolean> {
    this.frameTime += INTERVAL_MS;
    const result = await this.cdp.send('HeadlessExperimental.beginFrame', {
      frameTimeTicks: this.frameTime,
      interval: INTERVAL_MS,
    });
    return result.hasDamage;
  }

  /**
   * Frames at about 60 Hz in the background while the page loads or is set up with Playwright
   * calls (Playwright's input and waits need frames: rAF-aligned input, rAF polling).
   */
  startPump(): void {
    if (this.pumping) return;
    this.stopPump = false;
    this.pumping = (async () => {
      while (!this.stopPump) {
        this.frameTime = Math.max(this.frameTime, monotonicMs() - INTERVAL_MS);
        await this.frame().catch(() => undefined);
        await new Promise((r) => setTimeout(r, INTERVAL_MS));
      }
    })();
  }

  async stopPumping(): Promise<void> {
    this.stopPump = true;
    await this.pumping;
    this.pumping = null;
  }

  /** Runs `fn` with the pump on (and leaves it off afterwards). */
  async pumped<T>(fn: () => Promise<T>): Promise<T> {
    this.startPump();
    try {
      return await fn();
    } finally {
      await this.stopPumping();
    }
  }

  /**
   * Dispatches one mouse event and issues frames until one returns with the event handled: the
   * wall time from the dispatch to that frame is the input's frame cost. Then, so that the next
   * input starts on a settled page, frames while they still have damage (work the input left
   * for later, React Flow's auto-pan near the edge, a CSS animation), at most `MAX_FOLLOW_UPS`;
   * their costs are returned apart.
   */
  async step(event: Record<string, unknown>): Promise<StepCost> {
    const started = performance.now();
    let acked = false;
    const ack = this.cdp.send('Input.dispatchMouseEvent', event as never).then(() => {
      acked = true;
    });
    const detail: StepCost['detail'] = [];
    let ms = NaN;
    for (let i = 0; i < MAX_FRAMES_TO_HANDLE; i += 1) {
      const before = performance.now();
      const damage = await this.frame();
      // The acknowledgement may be in the same read from the pipe as the frame's reply.
      await new Promise((r) => setImmediate(r));
      detail.push({ ms: performance.now() - before, damage, acked });
      if (acked) {
        ms = performance.now() - started;
        break;
      }
    }
    if (!acked) {
      // Rarely Chromium keeps a rAF-aligned event queued although frames come (until its input
      // timeout, seconds later): an artifact of driving frames, not a cost. Reported apart.
      await this.pumped(() => ack);
      return { ms: NaN, frames: detail.length, detail, followUps: [], handled: false };
    }
    await ack;
    const followUps: number[] = [];
    while (detail.at(-1)?.damage && followUps.length < MAX_FOLLOW_UPS) {
      const before = performance.now();
      const damage = await this.frame();
      const took = performance.now() - before;
      detail.push({ ms: took, damage, acked: true });
      if (damage) followUps.push(took);
    }
    return { ms, frames: detail.length, detail, followUps, handled: true };
  }
}
