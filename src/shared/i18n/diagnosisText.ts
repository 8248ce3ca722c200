/**
 * Plain-language curve hints (see core/evaluation/curveDiagnosis.ts) in the three UI languages. Shared so the live
 * training view and the exported report say exactly the same thing. `{name}` placeholders take the hint's evidence.
 */
export const diagnosisText = {
  es: {
    exploding: 'La pérdida se volvió NaN o enorme en la época {epoch} (primera época: {firstLoss}): gradientes explosivos. Baja la tasa de aprendizaje, estandariza las entradas (z-score) o usa una inicialización más pequeña.',
    'diverged-at-start': 'La pérdida se volvió NaN o infinita ya en la época {epoch}, antes de terminarla: gradientes explosivos desde el inicio. Baja mucho la tasa de aprendizaje, estandariza las entradas (z-score) o usa una inicialización más pequeña.',
    overfitting: 'Sobreajuste desde la época {epoch}: la pérdida de validación subió de {bestValLoss} a {lastValLoss} mientras la de entrenamiento seguía bajando ({bestTrainLoss} → {lastTrainLoss}). Usa parada temprana, dropout, L2 o más datos.',
    'no-learning': 'La pérdida de entrenamiento quedó plana durante {epochs} épocas ({firstLoss} → {lastLoss}): la red no aprende (gradientes que se desvanecen o tasa de aprendizaje demasiado baja). Prueba ReLU/tanh en lugar de sigmoide en capas profundas, una tasa mayor, o revisa las etiquetas.',
    'not-converged': 'La pérdida de entrenamiento seguía bajando un {dropPercentPerEpoch}% por época en las últimas {lastEpochs} épocas: el entrenamiento no convergió. Entrena más épocas o sube la tasa de aprendizaje.',
    'slow-start': 'La pérdida casi no se movió hasta la época {untilEpoch} y recién entonces bajó ({firstLoss} → {lastLoss}): un arranque lento, típico de pesos iniciales muy pequeños (p. ej. ×0,1) o unidades saturadas.',
    'rising-loss': 'La pérdida de entrenamiento subió en {rises} de {epochs} épocas ({firstLoss} → {lastLoss}): las actualizaciones van en la dirección equivocada. Revisa el signo de la actualización de pesos y baja la tasa de aprendizaje.',
  },
  pt: {
    exploding: 'A perda virou NaN ou enorme na época {epoch} (primeira época: {firstLoss}): gradientes explosivos. Reduza a taxa de aprendizado, padronize as entradas (z-score) ou use uma inicialização menor.',
    'diverged-at-start': 'A perda virou NaN ou infinita já na época {epoch}, antes de terminá-la: gradientes explosivos desde o início. Reduza bastante a taxa de aprendizado, padronize as entradas (z-score) ou use uma inicialização menor.',
    overfitting: 'Sobreajuste a partir da época {epoch}: a perda de validação subiu de {bestValLoss} para {lastValLoss} enquanto a de treino continuava caindo ({bestTrainLoss} → {lastTrainLoss}). Use parada antecipada, dropout, L2 ou mais dados.',
    'no-learning': 'A perda de treino ficou estável durante {epochs} épocas ({firstLoss} → {lastLoss}): a rede não aprende (gradientes que desaparecem ou taxa de aprendizado pequena demais). Experimente ReLU/tanh em vez de sigmoide em camadas profundas, uma taxa maior, ou verifique os rótulos.',
    'not-converged': 'A perda de treino ainda caía {dropPercentPerEpoch}% por época nas últimas {lastEpochs} épocas: o treino não convergiu. Treine mais épocas ou aumente a taxa de aprendizado.',
    'slow-start': 'A perda quase não se moveu até a época {untilEpoch} e só então caiu ({firstLoss} → {lastLoss}): um início lento, típico de pesos iniciais muito pequenos (ex. ×0,1) ou unidades saturadas.',
    'rising-loss': 'A perda de treino subiu em {rises} de {epochs} épocas ({firstLoss} → {lastLoss}): as atualizações vão na direção errada. Verifique o sinal da atualização dos pesos e reduza a taxa de aprendizado.',
  },
  en: {
    exploding: 'The loss became NaN or huge at epoch {epoch} (first epoch: {firstLoss}): exploding gradients. Lower the learning rate, scale the inputs (z-score) or use a smaller initialization.',
    'diverged-at-start': 'The loss became NaN or infinite already in epoch {epoch}, before it ended: exploding gradients from the start. Lower the learning rate a lot, scale the inputs (z-score) or use a smaller initialization.',
    overfitting: 'Overfitting from epoch {epoch}: validation loss rose from {bestValLoss} to {lastValLoss} while training loss kept falling ({bestTrainLoss} → {lastTrainLoss}). Use early stopping, dropout, L2, or more data.',
    'no-learning': 'The training loss stayed flat for {epochs} epochs ({firstLoss} → {lastLoss}): the network is not learning (vanishing gradients or too small a learning rate). Try ReLU/tanh instead of sigmoid in deep layers, a larger learning rate, or check the labels.',
    'not-converged': 'The training loss was still falling {dropPercentPerEpoch}% per epoch over the last {lastEpochs} epochs: training has not converged. Train for more epochs or raise the learning rate.',
    'slow-start': 'The loss barely moved until epoch {untilEpoch} and only then fell ({firstLoss} → {lastLoss}): a slow start, typical of very small initial weights (e.g. ×0.1) or saturated units.',
    'rising-loss': 'The training loss rose in {rises} of {epochs} epochs ({firstLoss} → {lastLoss}): the updates go the wrong way. Check the sign of the weight update and lower the learning rate.',
  },
} as const;

export type Language = keyof typeof diagnosisText;
export const LANGUAGES: readonly Language[] = ['es', 'pt', 'en'];

/** Fills `{name}` placeholders, leaving unknown ones visible so a missing value is noticed. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
