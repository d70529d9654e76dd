import { expect, type Page } from '@playwright/test';

/**
 * Saves a large flow (past the 150-node threshold where the canvas's level of detail and view
 * sketch apply) as the draft of `flowId`: `chains` rows of `length` mapping nodes, each chain
 * linked out → in, and `names` replacing the generated names of some nodes.
 */
export async function saveLargeFlow(
  page: Page,
  csrfToken: string,
  flowId: string,
  options: { chains: number; length: number; edges?: boolean; names?: Record<number, string> },
): Promise<void> {
  const { chains, length, edges = true, names = {} } = options;
  const nodes = Array.from({ length: chains * length }, (_, i) => ({
    id: `n_${i}`,
    kind: edges ? 'mapping' : 'log',
    kindVersion: 1,
    label: names[i] ?? `${edges ? 'map' : 'log'} ${i}`,
    config: edges ? { fields: [], computed: [], keepUnmapped: false } : { mask: [] },
  }));
  const links = edges
    ? nodes.flatMap((n, i) =>
        i % length === length - 1
          ? []
          : [
              {
                id: `e_${i}`,
                source: { node: n.id, port: 'out' },
                target: { node: `n_${i + 1}`, port: 'in' },
                contract: null,
                raci: null,
              },
            ],
      )
    : [];
  const layout = Object.fromEntries(
    nodes.map((n, i) => [n.id, { x: (i % length) * 260, y: Math.floor(i / length) * 140 + (i % 2) * 30 }]),
  );
  const flow = { schemaVersion: 1, nodes, edges: links, layout: { nodes: layout }, meta: {} };
  const saved = await page.request.put(`/api/flows/${flowId}/draft`, {
    data: flow,
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(saved.status(), await saved.text()).toBe(200);
}

/**
 * The share of pixels that differ noticeably (any channel by more than `tolerance`) between two
 * PNG screenshots of the same size, compared in the page.
 */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer, tolerance = 48): Promise<number> {
  return page.evaluate(
    async ({ a, b, tolerance }) => {
      const load = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height).data;
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      let differing = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (
          Math.abs(x[i]! - y[i]!) > tolerance ||
          Math.abs(x[i + 1]! - y[i + 1]!) > tolerance ||
          Math.abs(x[i + 2]! - y[i + 2]!) > tolerance
        )
          differing += 1;
      }
      return differing / (x.length / 4);
    },
    { a: a.toString('base64'), b: b.toString('base64'), tolerance },
  );
}
