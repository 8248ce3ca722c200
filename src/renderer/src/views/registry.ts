import type { Component } from 'vue';
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
  icon: string;
  component: Component | null;
}

export const views: ViewEntry[] = [
  { id: 'inicio', label: 'nav.home', icon: '⌂', component: HomeView },
  { id: 'datos', label: 'nav.data', icon: '▦', component: DataView },
  { id: 'caracteristicas', label: 'nav.features', icon: '∇', component: FeaturesView },
  { id: 'modelo', label: 'nav.model', icon: '◉', component: ModelView },
  { id: 'entrenamiento', label: 'nav.training', icon: '↗', component: TrainingView },
  { id: 'evaluacion', label: 'nav.evaluation', icon: '▤', component: EvaluationView },
  { id: 'informe', label: 'nav.report', icon: '▢', component: ReportView },
  { id: 'laboratorios', label: 'nav.labs', icon: '⚗', component: LabsView },
];

export function findView(id: string): ViewEntry {
  const entry = views.find((view) => view.id === id && view.component);
  return entry ?? views[0];
}
