import type { Page } from '@playwright/test';

/** One contract call over a WebSocket of the page's own origin (what the renderer's client does). */
export async function callCore<T>(page: Page, method: string, payload: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, payload }) => {
      const socket = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error('WebSocket failed'));
      });
      try {
        return await new Promise<unknown>((resolve, reject) => {
          socket.onmessage = (event) => {
            const message = JSON.parse(String(event.data)) as {
              type: string;
              id?: number;
              result?: { ok: boolean; value?: unknown; error?: { message: string } };
            };
            if (message.type !== 'result' || message.id !== 1 || !message.result) return;
            if (message.result.ok) resolve(message.result.value);
            else reject(new Error(message.result.error?.message));
          };
          socket.send(JSON.stringify({ type: 'call', id: 1, method, payload }));
        });
      } finally {
        socket.close();
      }
    },
    { method, payload },
  ) as Promise<T>;
}
