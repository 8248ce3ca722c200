import { ref, watch, type Ref } from 'vue';
import { useClient } from './useClient';

/**
 * The images of a loaded dataset by relative path, fetched once each (`dataset.image`) when a view first needs one:
 * the feature map asks for the sample under the pointer. `images` is reactive; a closed or replaced dataset leaves
 * the image out, and the view shows the sample without it.
 */
export function useSampleImages(datasetId: Ref<string | null>) {
  const client = useClient();
  const images = ref<Record<string, string>>({});
  const pending = new Set<string>();

  watch(datasetId, () => {
    images.value = {};
    pending.clear();
  });

  async function request(file: string | null | undefined): Promise<void> {
    const id = datasetId.value;
    if (!id || !file || images.value[file] || pending.has(file)) return;
    pending.add(file);
    try {
      const image = await client.call('dataset.image', { datasetId: id, file });
      if (datasetId.value === id) images.value = { ...images.value, [file]: image.src };
    } catch {
      // The dataset was closed or replaced; the map still names the sample.
    } finally {
      pending.delete(file);
    }
  }

  return { images, request };
}
