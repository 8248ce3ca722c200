import type { Component } from 'vue';
import AboutView from './AboutView.vue';
import DataView from './DataView.vue';
import EvaluationView from './EvaluationView.vue';
import FeaturesView from './FeaturesView.vue';
import HomeView from './HomeView.vue';
import LabsView from './LabsView.vue';
import ModelView from './ModelView.vue';
import ReportView from './ReportView.vue';
import TrainingView from './TrainingView.vue';

/** The workflow steps in navigation order. `component: null` marks a step this version does not ship yet. */
export interface ViewEntry {
  id: string;
  /** i18n key of the navigation label. */
  label: string;
  /** A step of the lab's workflow (listed on Inicio), or a page beside it (Acerca de). */
  step: boolean;
  icon: string;
  component: Component | null;
}

export const views: ViewEntry[] = [
  { id: 'inicio', label: 'nav.home', step: false, icon: '⌂', component: HomeView },
  { id: 'datos', label: 'nav.data', step: true, icon: '▦', component: DataView },
  { id: 'caracteristicas', label: 'nav.features', step: true, icon: '∇', component: FeaturesView },
  { id: 'modelo', label: 'nav.model', step: true, icon: '◉', component: ModelView },
  { id: 'entrenamiento', label: 'nav.training', step: true, icon: '↗', component: TrainingView },
  { id: 'evaluacion', label: 'nav.evaluation', step: true, icon: '▤', component: EvaluationView },
  { id: 'informe', label: 'nav.report', step: true, icon: '▢', component: ReportView },
  { id: 'laboratorios', label: 'nav.labs', step: true, icon: '⚗', component: LabsView },
  { id: 'acerca', label: 'nav.about', step: false, icon: '⚙', component: AboutView },
];

/** The view of an address `#/<id>` or `#/<id>/<part>` (a view may read its own part, as Laboratorios does). */
export function findView(route: string): ViewEntry {
  const id = route.split('/')[0];
  const entry = views.find((view) => view.id === id && view.component);
  return entry ?? views[0];
}
