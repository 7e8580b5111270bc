/** CPU time of a browser's processes, as Chromium itself counts it (CDP SystemInfo). */
import type { Browser } from '@playwright/test';

/** CPU seconds so far of each of the browser's processes, by process id. */
export async function processCpu(browser: Browser): Promise<Map<number, { type: string; cpu: number }>> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  return new Map(processInfo.map((p) => [p.id, { type: p.type, cpu: p.cpuTime }]));
}

/** CPU seconds so far of all the browser's processes together. */
export async function totalCpu(browser: Browser): Promise<number> {
  let total = 0;
  for (const { cpu } of (await processCpu(browser)).values()) total += cpu;
  return total;
}
