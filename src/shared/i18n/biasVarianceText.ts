import type { BiasVariance, HeldOutPart } from '../contract/diagnosisSchemas';
import { formatMessage, type Language } from './diagnosisText';
import { formatNumber, formatPercent } from './formatNumber';

/**
 * The bias/variance readout (core/evaluation/diagnosis.ts `biasVariance`, metrics.json `biasVariance`) as one
 * sentence, for the report (in its language) and the CLI (English). Evaluación shows the same readout with the
 * locale files; every door reads the verdict from metrics.json, none recomputes it.
 */
export const biasVarianceText = {
  es: {
    line: 'Error de entrenamiento {train}, {heldName} {held} (diferencia {gap} puntos): {verdict}',
    trainOnly: 'Error de entrenamiento {train}, sin parte no vista para comparar: {verdict}',
    test: 'error de prueba',
    'cross-validation': 'error en validación cruzada',
    val: 'error de validación',
    highBias: 'sesgo alto (el error de entrenamiento supera el {bias}).',
    highVariance: 'varianza alta (la diferencia supera {variance} puntos).',
    both: 'sesgo alto y varianza alta (umbrales: {bias} de error de entrenamiento, {variance} puntos de diferencia).',
    balanced: 'sesgo y varianza bajos (umbrales: {bias} de error de entrenamiento, {variance} puntos de diferencia).',
  },
  pt: {
    line: 'Erro de treino {train}, {heldName} {held} (diferença de {gap} pontos): {verdict}',
    trainOnly: 'Erro de treino {train}, sem parte não vista para comparar: {verdict}',
    test: 'erro de teste',
    'cross-validation': 'erro na validação cruzada',
    val: 'erro de validação',
    highBias: 'viés alto (o erro de treino passa de {bias}).',
    highVariance: 'variância alta (a diferença passa de {variance} pontos).',
    both: 'viés alto e variância alta (limiares: {bias} de erro de treino, {variance} pontos de diferença).',
    balanced: 'viés e variância baixos (limiares: {bias} de erro de treino, {variance} pontos de diferença).',
  },
  en: {
    line: 'Training error {train}, {heldName} {held} (gap {gap} points): {verdict}',
    trainOnly: 'Training error {train}, no unseen part to compare with: {verdict}',
    test: 'test error',
    'cross-validation': 'cross-validation error',
    val: 'validation error',
    highBias: 'high bias (the training error is above {bias}).',
    highVariance: 'high variance (the gap is above {variance} points).',
    both: 'high bias and high variance (thresholds: {bias} training error, {variance} points of gap).',
    balanced: 'low bias and variance (thresholds: {bias} training error, {variance} points of gap).',
  },
} as const satisfies Record<
  Language,
  Record<'line' | 'trainOnly' | HeldOutPart | 'highBias' | 'highVariance' | 'both' | 'balanced', string>
>;

/** "Training error 35,0 %, test error 37,0 % (gap 2,0 points): high bias (…)." in `language`. */
export function biasVarianceSentence(readout: BiasVariance, language: Language): string {
  const text = biasVarianceText[language];
  const percent = (value: number | null) => formatPercent(value, language, 1);
  const points = (value: number) => formatNumber(value * 100, language, { maximumFractionDigits: 1 });
  const thresholds = { bias: percent(readout.thresholds.highBiasError), variance: points(readout.thresholds.highVarianceGap) };
  const verdictKey =
    readout.highBias && readout.highVariance ? 'both' : readout.highBias ? 'highBias' : readout.highVariance ? 'highVariance' : 'balanced';
  const verdict = formatMessage(text[verdictKey], thresholds);
  if (readout.heldOut === null || readout.gap === null)
    return formatMessage(text.trainOnly, { train: percent(readout.trainError), verdict });
  return formatMessage(text.line, {
    train: percent(readout.trainError),
    heldName: text[readout.heldOut],
    held: percent(readout.heldOutError),
    gap: points(readout.gap),
    verdict,
  });
}
