import { ref, type Ref } from 'vue';
import type { AppInfo, BackendPreference } from '../../../shared/contract/app';
import { useClient } from './useClient';
import { useErrorMessage } from './useErrorMessage';

const info: Ref<AppInfo | null> = ref(null);
const error: Ref<string | null> = ref(null);

/** app.info, loaded once and shared by the status bar and the home view. */
export function useAppInfo() {
  const client = useClient();
  const describe = useErrorMessage();

  async function refresh(): Promise<void> {
    try {
      info.value = await client.call('app.info', {});
      error.value = null;
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  async function setBackend(preference: BackendPreference): Promise<void> {
    try {
      const backend = await client.call('app.setBackend', { preference });
      if (info.value) info.value = { ...info.value, backend };
      error.value = null;
    } catch (failure) {
      error.value = describe(failure);
    }
  }

  if (!info.value) void refresh();
  return { info, error, refresh, setBackend };
}
