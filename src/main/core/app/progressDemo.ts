import type { Emit } from '../context';

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Emits `steps` progress events, `intervalMs` apart, stopping early when cancelled. */
export async function runProgressDemo(
  taskId: string,
  steps: number,
  intervalMs: number,
  emit: Emit,
  signal: AbortSignal,
): Promise<{ completed: boolean; steps: number }> {
  let done = 0;
  while (done < steps && !signal.aborted) {
    await delay(intervalMs, signal);
    if (signal.aborted) break;
    done += 1;
    emit('app.demoProgress', { taskId, done, total: steps });
  }
  return { completed: done === steps, steps: done };
}
