// The peak RSS of this process as it ran, for the bench's figures. Not getrusage's maxrss (process.resourceUsage):
// on Linux that keeps, at exec, the high-water mark of the image the process was forked from, so a child spawned
// by a bench that held 186 MB reported 186 MB whatever it used itself (measured: a `node -e` using 39 MB, spawned
// from a parent holding 300 MB, reported 304 MB). /proc/self/status VmHWM is the high-water mark of this process's
// own memory, its threads (the read worker) included; elsewhere there is only maxrss.
import { readFileSync } from 'node:fs';

export function ownPeakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (macOS, Windows)
  }
  return process.resourceUsage().maxRSS;
}

/** CPU time and peak RSS of this process so far, as the bench prints them. */
export function ownUsage(): { cpuMs: number; maxRssKb: number } {
  const u = process.resourceUsage();
  return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: ownPeakRssKb() };
}
