import { LANGUAGES, type Language } from './languages';

export { LANGUAGES, type Language };

/**
 * Plain-language curve hints (see core/evaluation/curveDiagnosis.ts) in the three UI languages. Shared so the live
 * training view, the exported report and the CLI say exactly the same thing. `{name}` placeholders take the hint's
 * evidence. The course's terms are spelt as `glossary.ts` spells them ("exactitud" is accuracy, "precisión" precision).
 */
export const diagnosisText = {
  es: {
    'lr-too-high':
      'La exactitud de entrenamiento se quedó en el azar ({accuracyPercent} %, el azar es {chancePercent} %) con una pérdida de {loss}, muy por encima de la de predecir la clase más probable: la tasa de aprendizaje η = {learningRate} es demasiado alta y los pesos saltan de un lado a otro. Baja η 10× (prueba η = {suggested}).',
    'loss-above-prior':
      'La pérdida de entrenamiento se quedó en {loss}, muy por encima de ln K = {priorLoss} (la de predecir la proporción de cada clase), con una exactitud de entrenamiento de {accuracyPercent} %: la tasa de aprendizaje η = {learningRate} es demasiado alta y los pesos saltan de un lado a otro. Baja η 10× (prueba η = {suggested}).',
    'stuck-at-chance':
      'La red predice siempre lo mismo: exactitud {accuracyPercent} % (el azar es {chancePercent} %) y pérdida {loss} ≈ ln K = {priorLoss}, la de repetir la proporción de cada clase. Comprueba que las entradas estén escaladas (z-score), baja la tasa de aprendizaje o usa Adam, y revisa las etiquetas.',
    'dead-units':
      'En la capa {layer}, el {deadPercent} % de las neuronas ReLU ({dead} de {units}) nunca se activa con un lote de entrenamiento: están muertas y no dejan pasar gradiente, por eso la exactitud se queda en el azar ({accuracyPercent} %, azar {chancePercent} %) y la pérdida en ln K = {priorLoss}. Baja la tasa de aprendizaje (η = {learningRate}), usa Adam, inicialización He o Leaky ReLU.',
    'plateau-after-drop':
      'La pérdida bajó al principio ({firstLoss} en la época 1) y desde la época {fromEpoch} quedó plana en {plateauLoss} durante {epochs} épocas, con una exactitud de entrenamiento de {accuracyPercent} %: la red dejó de aprender. Prueba una tasa de aprendizaje distinta (o Adam), una red con más neuronas, o revisa el escalado de las entradas.',
    'vanishing-gradients':
      'Gradientes que se desvanecen: la norma del gradiente de la capa {firstLayer} ({firstNorm}) es {ratio} veces la de la capa {lastLayer} ({lastNorm}), así que las primeras capas casi no aprenden. Usa ReLU en lugar de sigmoide o tanh en las capas ocultas, inicialización He/Glorot, normalización por lotes o menos capas.',
    'high-bias':
      'Sesgo alto: la exactitud de entrenamiento es {trainAccuracyPercent} % (error {trainErrorPercent} %, más del {thresholdPercent} %): el modelo no llega a aprender ni los datos de entrenamiento. Prueba una red más grande (más neuronas o capas), más épocas, mejores características o menos regularización.',
    'high-variance':
      'Varianza alta: {trainAccuracyPercent} % de exactitud en entrenamiento frente a {heldAccuracyPercent} % en datos no vistos ({gapPoints} puntos de diferencia, más de {thresholdPoints}): el modelo memoriza. Usa más datos o aumento de datos, L2, dropout, parada temprana o un modelo más pequeño.',
    'inputs-not-scaled':
      'Las entradas no están escaladas y sus desviaciones van de {smallest} a {largest} ({ratio} veces): las características grandes dominan los gradientes. Activa el escalado z-score (media 0, desviación 1, ajustado en la parte de entrenamiento).',
    'loss-mape-classes':
      'MAPE divide por el valor objetivo, y en clases codificadas one-hot casi todos los objetivos son 0: la pérdida se dispara (~10⁸) y no dice nada. Para {classes} clases usa la entropía cruzada categórica con salida softmax.',
    'loss-mse-classes':
      'El error cuadrático medio sobre clases one-hot ({classes} clases) aprende, pero con gradientes débiles a través de softmax. Para clasificar usa la entropía cruzada categórica.',
    'loss-hinge-softmax':
      'La pérdida hinge espera salidas en [−1, 1] (lineal o tanh); con softmax las salidas están en (0, 1) y el margen nunca se alcanza. Cambia la salida a lineal o tanh, o usa entropía cruzada con softmax.',
    'loss-bce-multiclass':
      'La entropía cruzada binaria es para una salida sigmoide (dos clases); con {classes} clases puntúa cada salida por separado. Usa la entropía cruzada categórica con softmax.',
    'loss-cce-not-softmax':
      'La entropía cruzada categórica lee las salidas como probabilidades que suman 1 (softmax), y esta capa de salida no es softmax: con sigmoide solo empuja hacia arriba la salida de la clase correcta (todas pueden llegar a 1) y con una salida lineal toma el logaritmo de valores negativos. Pon softmax en la capa de salida, o usa la entropía cruzada binaria con una sola salida sigmoide si hay dos clases.',
    exploding:
      'La pérdida se volvió NaN o enorme en la época {epoch} (primera época: {firstLoss}): gradientes explosivos. Baja la tasa de aprendizaje, estandariza las entradas (z-score) o usa una inicialización más pequeña.',
    'diverged-at-start':
      'La pérdida se volvió NaN o infinita ya en la época {epoch}, antes de terminarla: gradientes explosivos desde el inicio. Baja mucho la tasa de aprendizaje, estandariza las entradas (z-score) o usa una inicialización más pequeña.',
    overfitting:
      'Sobreajuste desde la época {epoch}: la pérdida de validación subió de {bestValLoss} a {lastValLoss} mientras la de entrenamiento seguía bajando ({bestTrainLoss} → {lastTrainLoss}). Usa parada temprana, dropout, L2 o más datos.',
    'no-learning':
      'La pérdida de entrenamiento quedó plana durante {epochs} épocas ({firstLoss} → {lastLoss}): la red no aprende (gradientes que se desvanecen o tasa de aprendizaje demasiado baja). Prueba ReLU/tanh en lugar de sigmoide en capas profundas, una tasa mayor, o revisa las etiquetas.',
    'not-converged':
      'La pérdida de entrenamiento seguía bajando un {dropPercentPerEpoch}% por época en las últimas {lastEpochs} épocas: el entrenamiento no convergió. Entrena más épocas o sube la tasa de aprendizaje.',
    'slow-start':
      'La pérdida casi no se movió hasta la época {untilEpoch} y solo entonces bajó ({firstLoss} → {lastLoss}): un arranque lento, típico de pesos iniciales muy pequeños (p. ej. ×0,1) o unidades saturadas.',
    'rising-loss':
      'La pérdida de entrenamiento subió en {rises} de {epochs} épocas ({firstLoss} → {lastLoss}): las actualizaciones van en la dirección equivocada. Revisa el signo de la actualización de pesos y baja la tasa de aprendizaje.',
  },
  pt: {
    'lr-too-high':
      'A acurácia de treino ficou no acaso ({accuracyPercent} %, o acaso é {chancePercent} %) com perda {loss}, muito acima da de prever a classe mais provável: a taxa de aprendizado η = {learningRate} é alta demais e os pesos saltam de um lado para o outro. Reduza η 10× (tente η = {suggested}).',
    'loss-above-prior':
      'A perda de treino ficou em {loss}, muito acima de ln K = {priorLoss} (a de prever a proporção de cada classe), com acurácia de treino de {accuracyPercent} %: a taxa de aprendizado η = {learningRate} é alta demais e os pesos saltam de um lado para o outro. Reduza η 10× (tente η = {suggested}).',
    'stuck-at-chance':
      'A rede prevê sempre o mesmo: acurácia {accuracyPercent} % (o acaso é {chancePercent} %) e perda {loss} ≈ ln K = {priorLoss}, a de repetir a proporção de cada classe. Verifique se as entradas estão escaladas (z-score), reduza a taxa de aprendizado ou use Adam, e revise os rótulos.',
    'dead-units':
      'Na camada {layer}, {deadPercent} % dos neurônios ReLU ({dead} de {units}) nunca se ativam com um lote de treino: estão mortos e não deixam passar gradiente, por isso a acurácia fica no acaso ({accuracyPercent} %, acaso {chancePercent} %) e a perda em ln K = {priorLoss}. Reduza a taxa de aprendizado (η = {learningRate}), use Adam, inicialização He ou Leaky ReLU.',
    'plateau-after-drop':
      'A perda caiu no início ({firstLoss} na época 1) e a partir da época {fromEpoch} ficou estável em {plateauLoss} durante {epochs} épocas, com acurácia de treino de {accuracyPercent} %: a rede parou de aprender. Tente outra taxa de aprendizado (ou Adam), uma rede com mais neurônios, ou verifique o escalado das entradas.',
    'vanishing-gradients':
      'Gradientes que desaparecem: a norma do gradiente da camada {firstLayer} ({firstNorm}) é {ratio} vezes a da camada {lastLayer} ({lastNorm}), então as primeiras camadas quase não aprendem. Use ReLU em vez de sigmoide ou tanh nas camadas ocultas, inicialização He/Glorot, normalização em lote ou menos camadas.',
    'high-bias':
      'Viés alto: a acurácia de treino é {trainAccuracyPercent} % (erro {trainErrorPercent} %, mais de {thresholdPercent} %): o modelo não aprende nem os dados de treino. Tente uma rede maior (mais neurônios ou camadas), mais épocas, melhores características ou menos regularização.',
    'high-variance':
      'Variância alta: {trainAccuracyPercent} % de acurácia no treino contra {heldAccuracyPercent} % em dados não vistos ({gapPoints} pontos de diferença, mais de {thresholdPoints}): o modelo memoriza. Use mais dados ou aumento de dados, L2, dropout, parada antecipada ou um modelo menor.',
    'inputs-not-scaled':
      'As entradas não estão escaladas e seus desvios vão de {smallest} a {largest} ({ratio} vezes): as características grandes dominam os gradientes. Ative o escalado z-score (média 0, desvio 1, ajustado na parte de treino).',
    'loss-mape-classes':
      'MAPE divide pelo valor alvo, e em classes codificadas one-hot quase todos os alvos são 0: a perda dispara (~10⁸) e não diz nada. Para {classes} classes use a entropia cruzada categórica com saída softmax.',
    'loss-mse-classes':
      'O erro quadrático médio sobre classes one-hot ({classes} classes) aprende, mas com gradientes fracos através da softmax. Para classificar use a entropia cruzada categórica.',
    'loss-hinge-softmax':
      'A perda hinge espera saídas em [−1, 1] (linear ou tanh); com softmax as saídas ficam em (0, 1) e a margem nunca é atingida. Mude a saída para linear ou tanh, ou use entropia cruzada com softmax.',
    'loss-bce-multiclass':
      'A entropia cruzada binária é para uma saída sigmoide (duas classes); com {classes} classes ela pontua cada saída separadamente. Use a entropia cruzada categórica com softmax.',
    'loss-cce-not-softmax':
      'A entropia cruzada categórica lê as saídas como probabilidades que somam 1 (softmax), e esta camada de saída não é softmax: com sigmoide ela só empurra para cima a saída da classe correta (todas podem chegar a 1) e com uma saída linear toma o logaritmo de valores negativos. Use softmax na camada de saída, ou a entropia cruzada binária com uma única saída sigmoide se houver duas classes.',
    exploding:
      'A perda virou NaN ou enorme na época {epoch} (primeira época: {firstLoss}): gradientes explosivos. Reduza a taxa de aprendizado, padronize as entradas (z-score) ou use uma inicialização menor.',
    'diverged-at-start':
      'A perda virou NaN ou infinita já na época {epoch}, antes de terminá-la: gradientes explosivos desde o início. Reduza bastante a taxa de aprendizado, padronize as entradas (z-score) ou use uma inicialização menor.',
    overfitting:
      'Sobreajuste a partir da época {epoch}: a perda de validação subiu de {bestValLoss} para {lastValLoss} enquanto a de treino continuava caindo ({bestTrainLoss} → {lastTrainLoss}). Use parada antecipada, dropout, L2 ou mais dados.',
    'no-learning':
      'A perda de treino ficou estável durante {epochs} épocas ({firstLoss} → {lastLoss}): a rede não aprende (gradientes que desaparecem ou taxa de aprendizado pequena demais). Experimente ReLU/tanh em vez de sigmoide em camadas profundas, uma taxa maior, ou verifique os rótulos.',
    'not-converged':
      'A perda de treino ainda caía {dropPercentPerEpoch}% por época nas últimas {lastEpochs} épocas: o treino não convergiu. Treine mais épocas ou aumente a taxa de aprendizado.',
    'slow-start':
      'A perda quase não se moveu até a época {untilEpoch} e só então caiu ({firstLoss} → {lastLoss}): um início lento, típico de pesos iniciais muito pequenos (ex. ×0,1) ou unidades saturadas.',
    'rising-loss':
      'A perda de treino subiu em {rises} de {epochs} épocas ({firstLoss} → {lastLoss}): as atualizações vão na direção errada. Verifique o sinal da atualização dos pesos e reduza a taxa de aprendizado.',
  },
  en: {
    'lr-too-high':
      'Training accuracy stayed at chance ({accuracyPercent} %, chance is {chancePercent} %) with a loss of {loss}, far above that of predicting the most likely class: the learning rate η = {learningRate} is too high and the weights jump back and forth. Lower η by 10× (try η = {suggested}).',
    'loss-above-prior':
      "The training loss stayed at {loss}, far above ln K = {priorLoss} (that of predicting each class's share), with a training accuracy of {accuracyPercent} %: the learning rate η = {learningRate} is too high and the weights jump back and forth. Lower η by 10× (try η = {suggested}).",
    'stuck-at-chance':
      "The network always predicts the same: accuracy {accuracyPercent} % (chance is {chancePercent} %) and loss {loss} ≈ ln K = {priorLoss}, that of repeating each class's share. Check that the inputs are scaled (z-score), lower the learning rate or use Adam, and check the labels.",
    'dead-units':
      'In layer {layer}, {deadPercent} % of the ReLU units ({dead} of {units}) never activate on a training batch: they are dead and pass no gradient, so accuracy stays at chance ({accuracyPercent} %, chance {chancePercent} %) and the loss at ln K = {priorLoss}. Lower the learning rate (η = {learningRate}), use Adam, He initialization or Leaky ReLU.',
    'plateau-after-drop':
      'The loss fell at first ({firstLoss} in epoch 1) and from epoch {fromEpoch} stayed flat at {plateauLoss} for {epochs} epochs, with a training accuracy of {accuracyPercent} %: the network stopped learning. Try another learning rate (or Adam), a network with more units, or check the input scaling.',
    'vanishing-gradients':
      'Vanishing gradients: the gradient norm of layer {firstLayer} ({firstNorm}) is {ratio} times that of layer {lastLayer} ({lastNorm}), so the first layers barely learn. Use ReLU instead of sigmoid or tanh in hidden layers, He/Glorot initialization, batch normalization or fewer layers.',
    'high-bias':
      'High bias: training accuracy is {trainAccuracyPercent} % (error {trainErrorPercent} %, above {thresholdPercent} %): the model does not even learn the training data. Try a larger network (more units or layers), more epochs, better features or less regularization.',
    'high-variance':
      'High variance: {trainAccuracyPercent} % accuracy on training against {heldAccuracyPercent} % on unseen data ({gapPoints} points apart, more than {thresholdPoints}): the model memorizes. Use more data or augmentation, L2, dropout, early stopping or a smaller model.',
    'inputs-not-scaled':
      'The inputs are not scaled and their standard deviations range from {smallest} to {largest} ({ratio} times): the large features dominate the gradients. Turn on z-score scaling (mean 0, std 1, fitted on the training part).',
    'loss-mape-classes':
      'MAPE divides by the target, and with one-hot classes almost every target is 0: the loss explodes (~10⁸) and says nothing. For {classes} classes use categorical cross-entropy with a softmax output.',
    'loss-mse-classes':
      'Mean squared error on one-hot classes ({classes} classes) learns, but with weak gradients through softmax. For classification use categorical cross-entropy.',
    'loss-hinge-softmax':
      'Hinge loss expects outputs in [−1, 1] (linear or tanh); softmax outputs are in (0, 1), so the margin is never met. Change the output to linear or tanh, or use cross-entropy with softmax.',
    'loss-bce-multiclass':
      'Binary cross-entropy is for one sigmoid output (two classes); with {classes} classes it scores each output on its own. Use categorical cross-entropy with softmax.',
    'loss-cce-not-softmax':
      "Categorical cross-entropy reads the outputs as probabilities that add up to 1 (softmax), and this output layer is not softmax: after a sigmoid it only pushes the true class's output up (every output can reach 1), after a linear output it takes the log of negative values. Put softmax on the output layer, or use binary cross-entropy with one sigmoid output for two classes.",
    exploding:
      'The loss became NaN or huge at epoch {epoch} (first epoch: {firstLoss}): exploding gradients. Lower the learning rate, scale the inputs (z-score) or use a smaller initialization.',
    'diverged-at-start':
      'The loss became NaN or infinite already in epoch {epoch}, before it ended: exploding gradients from the start. Lower the learning rate a lot, scale the inputs (z-score) or use a smaller initialization.',
    overfitting:
      'Overfitting from epoch {epoch}: validation loss rose from {bestValLoss} to {lastValLoss} while training loss kept falling ({bestTrainLoss} → {lastTrainLoss}). Use early stopping, dropout, L2, or more data.',
    'no-learning':
      'The training loss stayed flat for {epochs} epochs ({firstLoss} → {lastLoss}): the network is not learning (vanishing gradients or too small a learning rate). Try ReLU/tanh instead of sigmoid in deep layers, a larger learning rate, or check the labels.',
    'not-converged':
      'The training loss was still falling {dropPercentPerEpoch}% per epoch over the last {lastEpochs} epochs: training has not converged. Train for more epochs or raise the learning rate.',
    'slow-start':
      'The loss barely moved until epoch {untilEpoch} and only then fell ({firstLoss} → {lastLoss}): a slow start, typical of very small initial weights (e.g. ×0.1) or saturated units.',
    'rising-loss':
      'The training loss rose in {rises} of {epochs} epochs ({firstLoss} → {lastLoss}): the updates go the wrong way. Check the sign of the weight update and lower the learning rate.',
  },
} as const satisfies Record<Language, Record<string, string>>;

/** Fills `{name}` placeholders, leaving unknown ones visible so a missing value is noticed. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
