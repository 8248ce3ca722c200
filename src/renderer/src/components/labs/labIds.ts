/**
 * The Laboratorios, in the order of their tabs: LabsView maps each to its component, Inicio shows each as a card
 * that opens it (`#/laboratorios/<id>`); their names and summaries are `labs.tabs.<id>` and `labs.summaries.<id>`.
 */
export const LAB_IDS = ['perceptron', 'xor', 'activations', 'convolution', 'playground'] as const;
export type LabId = (typeof LAB_IDS)[number];

export function isLabId(value: string | undefined): value is LabId {
  return (LAB_IDS as readonly (string | undefined)[]).includes(value);
}
