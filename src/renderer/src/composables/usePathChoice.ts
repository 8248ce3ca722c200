import { ref, shallowRef, type Ref } from 'vue';
import type { FolderListing, PathPurpose } from '../../../shared/contract/files';
import { useClient, useClientContext } from './useClient';
import { useErrorMessage } from './useErrorMessage';

/**
 * Choosing a path without typing it. The desktop app asks the core for the system's open dialog (`files.choose`,
 * which only the Electron door implements); browser mode lists folders with `files.browse` in the page's own folder
 * browser (the whole machine on the user's own server, only the allowed roots on a lab server).
 */
export function usePathChoice() {
  const { client, kind } = useClientContext();
  const describe = useErrorMessage();
  const error = ref<string | null>(null);

  /** The system dialog's answer: a path, or null when it was closed (or failed: then `error` says why). */
  async function chooseNative(purpose: PathPurpose, title: string): Promise<string | null> {
    error.value = null;
    try {
      return (await client.call('files.choose', { purpose, title })).path;
    } catch (failure) {
      error.value = describe(failure);
      return null;
    }
  }

  return { native: kind === 'electron', error, chooseNative };
}

/** One folder browser's state: the listing shown, whether one is loading, and the last refusal (the listing stays). */
export function useFolderBrowser() {
  const client = useClient();
  const describe = useErrorMessage();
  const listing: Ref<FolderListing | null> = shallowRef(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  /** Lists `path` (the starting point when absent); a refused path leaves the current listing in place. */
  async function go(path?: string): Promise<boolean> {
    loading.value = true;
    error.value = null;
    try {
      listing.value = await client.call('files.browse', path === undefined ? {} : { path });
      return true;
    } catch (failure) {
      error.value = describe(failure);
      return false;
    } finally {
      loading.value = false;
    }
  }

  /** Up one level: the parent folder, the roots list (lab server), or nothing at the top. */
  async function up(): Promise<void> {
    const parent = listing.value?.parent;
    if (parent === undefined || !listing.value?.path) return;
    await go(parent ?? undefined);
  }

  return { listing, loading, error, go, up };
}
