import { Inspector } from './inspector';
import { cpuSeconds, memory, RssSampler, writeSyscalls } from './procStats';
import type { CpuProfile } from './profile';
import type { ServerProcess } from './servers';

/** What a server spent between opening and closing a window. */
export interface WindowFigures {
  /** User + system CPU of the server process. */
  cpuSeconds: number;
  /** Write system calls of the server process (socket frames and store writes). */
  writeSyscalls: number;
  /** Highest RSS sampled in the window. */
  peakRssBytes: number;
  /** The kernel's RSS high-water mark since the server started (includes start-up). */
  vmHwmBytes: number;
  /** V8 CPU profile of the window, when asked for. */
  profile: CpuProfile | null;
}

export interface MeasureWindow {
  close(): Promise<WindowFigures>;
}

/** Starts measuring the server now; with `profile`, V8 samples it until close(). */
export async function openWindow(server: ServerProcess, profile: boolean): Promise<MeasureWindow> {
  const inspector = profile ? await Inspector.connect(server.inspectorUrl) : null;
  if (inspector) {
    await inspector.call('Profiler.enable');
    await inspector.call('Profiler.start');
  }
  const cpuBefore = cpuSeconds(server.pid);
  const writesBefore = writeSyscalls(server.pid);
  const rss = new RssSampler(server.pid);
  return {
    async close() {
      const figures = {
        cpuSeconds: cpuSeconds(server.pid) - cpuBefore,
        writeSyscalls: writeSyscalls(server.pid) - writesBefore,
        peakRssBytes: rss.stop(),
        vmHwmBytes: memory(server.pid).hwm,
      };
      if (!inspector) return { ...figures, profile: null };
      try {
        const { profile: recorded } = await inspector.call<{ profile: CpuProfile }>('Profiler.stop');
        return { ...figures, profile: recorded };
      } finally {
        inspector.close();
      }
    },
  };
}
