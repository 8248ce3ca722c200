import { onBeforeUnmount, ref } from 'vue';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';
import { newTaskId } from '../../../shared/contract/newTaskId';

/** Runs the core's demo progress stream: proof that calls and events travel through the door in use. */
export function useProgressDemo() {
  const client = useClient();
  const describe = useErrorMessage();
  const done = ref(0);
  const total = ref(0);
  const running = ref(false);
  const outcome = ref<{ completed: boolean; steps: number } | null>(null);
  const error = ref<string | null>(null);
  let taskId = '';

  const stop = client.on('app.demoProgress', (event) => {
    if (event.taskId !== taskId) return;
    done.value = event.done;
    total.value = event.total;
  });
  onBeforeUnmount(stop);

  async function start(steps = 20, intervalMs = 60): Promise<void> {
    taskId = newTaskId('demo');
    done.value = 0;
    total.value = steps;
    outcome.value = null;
    error.value = null;
    running.value = true;
    try {
      outcome.value = await client.call('app.demoProgress', { taskId, steps, intervalMs });
    } catch (failure) {
      error.value = describe(failure);
    } finally {
      running.value = false;
    }
  }

  async function cancel(): Promise<void> {
    await client.call('task.cancel', { taskId });
  }

  return { done, total, running, outcome, error, start, cancel };
}
