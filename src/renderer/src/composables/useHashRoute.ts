import { onBeforeUnmount, ref } from 'vue';

/** The current view id from `#/<id>`, so that views are linkable and the back button works. */
export function useHashRoute(fallback: string) {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback;
  const current = ref(read());
  const onChange = () => {
    current.value = read();
  };
  window.addEventListener('hashchange', onChange);
  onBeforeUnmount(() => window.removeEventListener('hashchange', onChange));
  const go = (id: string) => {
    window.location.hash = `#/${id}`;
  };
  return { current, go };
}
