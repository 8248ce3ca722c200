import { ref } from 'vue';
import { applyChartTheme } from '../components/chartTheme';

/**
 * "Proyector": the whole interface enlarged for a room (type, borders, chart text and curves), one switch in the
 * header, kept with the session like the language. The page's root font size and the `projector` class on <html>
 * carry it to the CSS (every size there is in rem); the charts take it from their shared theme.
 */
const projector = ref(false);

export function setProjector(on: boolean): void {
  projector.value = on;
  document.documentElement.classList.toggle('projector', on);
  applyChartTheme(on);
}

export function useProjector() {
  return { projector, setProjector, toggle: () => setProjector(!projector.value) };
}
