/**
 * Translations of the error codes raised by models and training (src/shared/models, src/main/core/engine and
 * src/main/core/models); `{param}` placeholders come from each SinapsisError's params.
 */
export const trainingErrors = {
  es: {
    errors: {
      'model-window-too-large':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, que no es positivo: la ventana no cabe. Usa un kernel más pequeño, padding «same» o quita una capa de pooling anterior.',
      'model-window-not-integer':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, que no es entero: la ventana no recorre la imagen de forma exacta. Cambia el stride, el tamaño del kernel o usa padding «same».',
      'model-needs-flatten': '{where} es densa pero recibe una entrada con forma de imagen ({shape}). Añade una capa flatten antes.',
      'model-conv-needs-image': '{where} necesita una imagen [alto, ancho, canales] pero recibe {shape}.',
      'model-pool-needs-image': '{where} necesita una imagen [alto, ancho, canales] pero recibe {shape}.',
      'model-dilation-with-stride':
        '{where}: una dilatación mayor que 1 no se puede combinar con un stride mayor que 1. Deja uno de los dos en 1.',
      'model-ends-with-dropout': '{where}: la red no puede terminar en dropout; termina con una capa de salida.',
      'model-needs-output': 'La última capa debe ser una capa de salida (softmax, sigmoide o lineal); ahora es {type}.',
      'model-output-not-last': 'La capa {where} es de salida pero no es la última. Usa capas densas para las ocultas.',
      'model-hidden-softmax': 'Capa {where}: softmax solo se usa en la capa de salida.',
      'model-too-large':
        'Entrenar este modelo necesita unos {estimated}, más que el límite de {budget}. Usa menos filtros o neuronas, un lote más pequeño o imágenes más pequeñas.',
      'model-unreadable': 'No se puede leer el modelo en {path}. ¿Es una carpeta de modelo guardado?',
      'model-output-activation':
        'La capa de salida usa {activation}, que el formato de modelo guardado no ofrece para salidas (softmax, sigmoide, identidad, tanh, escalón).',
      'data-shape-mismatch':
        'Las características tienen {values} valores, que no son un número entero de muestras de {sampleSize} valores.',
      'data-empty': 'No hay muestras para entrenar.',
      'data-not-finite':
        'La muestra {sample}, característica {feature}, falta o no es un número finito. Elimina o completa ese valor (por ejemplo con la media de la columna) antes de entrenar.',
      'data-label-count': 'Hay {samples} muestras pero {labels} etiquetas; da una etiqueta por muestra.',
      'data-label-out-of-range':
        'La muestra {sample} tiene la etiqueta {label}, pero la capa de salida tiene {outputs} neuronas. Ajusta las neuronas de salida al número de clases (con una sola neurona solo se aprenden las etiquetas 0 y 1).',
      'data-target-count':
        'Hay {samples} muestras y {outputs} neuronas de salida: se necesitan {samples}×{outputs} valores objetivo, pero hay {targets}.',
      'data-target-not-finite': 'El objetivo de la muestra {sample} no es un número finito. Corrige o elimina esa muestra.',
      'data-no-targets': 'Los datos no tienen etiquetas ni objetivos: indica qué debe aprender la red.',
      'data-empty-training': 'La parte de entrenamiento está vacía: dale una fracción mayor en la división o carga más muestras.',
      'data-bad-index': 'La división se refiere a la muestra {index}, pero hay {samples}. Vuelve a dividir el conjunto.',
      'data-input-mismatch':
        'Cada muestra tiene forma {data}, pero la entrada del modelo espera {model}. Ajusta la forma de entrada del modelo a los datos.',
      'early-stopping-needs-validation':
        'La parada temprana observa la pérdida de validación, pero no hay parte de validación. Divide con una fracción de validación o desactiva la parada temprana.',
      'training-diverged':
        'La pérdida se volvió NaN o infinita en la época {epoch} (pliegue {fold}): los gradientes explotaron. Prueba una tasa de aprendizaje menor (ahora {learningRate}), escala las entradas (estandarizar o min-max) o pesos iniciales más pequeños (escala ×0.1). Se conservaron los pesos de la última época buena.',
      'engine-unsuitable': 'El motor didáctico solo entrena redes densas y este modelo no puede usarlo: {reason}. Elige el motor tfjs.',
      'workers-need-tfjs':
        'Dos hilos de entrenamiento necesitan el motor tfjs; el motor didáctico entrena en uno. Elige el motor tfjs o un solo hilo.',
      'workers-batch-norm':
        'La capa {where} es normalización por lotes, cuyas estadísticas se calcularían en cada mitad del lote: un modelo con ella entrena en un solo hilo. Elige un hilo o «auto».',
      'workers-batch-of-one':
        'Dos hilos de entrenamiento reparten cada lote en dos mitades, y un lote de una sola muestra no se puede repartir. Usa un lote mayor o un solo hilo.',
      'training-not-running': 'No hay ningún entrenamiento en curso con el identificador {taskId}.',
      'training-already-running':
        'Ya tienes un entrenamiento en curso (quizá lo empezaste en otra pestaña). Síguelo en Entrenamiento o detenlo allí antes de empezar otro.',
      'training-crashed':
        'El proceso de entrenamiento terminó de forma inesperada. Vuelve a intentarlo; si se repite, usa un modelo o lote más pequeño.',
      'training-failed': 'El entrenamiento falló: {details}',
    },
  },
  pt: {
    errors: {
      'model-window-too-large':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, que não é positivo: a janela não cabe. Use um kernel menor, padding «same» ou remova uma camada de pooling anterior.',
      'model-window-not-integer':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, que não é inteiro: a janela não percorre a imagem de forma exata. Mude o stride, o tamanho do kernel ou use padding «same».',
      'model-needs-flatten': '{where} é densa mas recebe uma entrada com forma de imagem ({shape}). Adicione uma camada flatten antes.',
      'model-conv-needs-image': '{where} precisa de uma imagem [altura, largura, canais] mas recebe {shape}.',
      'model-pool-needs-image': '{where} precisa de uma imagem [altura, largura, canais] mas recebe {shape}.',
      'model-dilation-with-stride':
        '{where}: uma dilatação maior que 1 não pode ser combinada com um stride maior que 1. Deixe um dos dois em 1.',
      'model-ends-with-dropout': '{where}: a rede não pode terminar em dropout; termine com uma camada de saída.',
      'model-needs-output': 'A última camada deve ser uma camada de saída (softmax, sigmoide ou linear); agora é {type}.',
      'model-output-not-last': 'A camada {where} é de saída mas não é a última. Use camadas densas para as ocultas.',
      'model-hidden-softmax': 'Camada {where}: softmax só é usada na camada de saída.',
      'model-too-large':
        'Treinar este modelo precisa de cerca de {estimated}, mais que o limite de {budget}. Use menos filtros ou neurônios, um lote menor ou imagens menores.',
      'model-unreadable': 'Não é possível ler o modelo em {path}. É uma pasta de modelo salvo?',
      'model-output-activation':
        'A camada de saída usa {activation}, que o formato de modelo salvo não oferece para saídas (softmax, sigmoide, identidade, tanh, degrau).',
      'data-shape-mismatch': 'As características têm {values} valores, que não são um número inteiro de amostras de {sampleSize} valores.',
      'data-empty': 'Não há amostras para treinar.',
      'data-not-finite':
        'A amostra {sample}, característica {feature}, está ausente ou não é um número finito. Remova ou preencha esse valor (por exemplo com a média da coluna) antes de treinar.',
      'data-label-count': 'Há {samples} amostras mas {labels} rótulos; dê um rótulo por amostra.',
      'data-label-out-of-range':
        'A amostra {sample} tem o rótulo {label}, mas a camada de saída tem {outputs} neurônios. Ajuste os neurônios de saída ao número de classes (com um só neurônio só se aprendem os rótulos 0 e 1).',
      'data-target-count':
        'Há {samples} amostras e {outputs} neurônios de saída: são necessários {samples}×{outputs} valores alvo, mas há {targets}.',
      'data-target-not-finite': 'O alvo da amostra {sample} não é um número finito. Corrija ou remova essa amostra.',
      'data-no-targets': 'Os dados não têm rótulos nem alvos: indique o que a rede deve aprender.',
      'data-empty-training': 'A parte de treinamento está vazia: dê a ela uma fração maior na divisão ou carregue mais amostras.',
      'data-bad-index': 'A divisão se refere à amostra {index}, mas há {samples}. Divida o conjunto novamente.',
      'data-input-mismatch':
        'Cada amostra tem forma {data}, mas a entrada do modelo espera {model}. Ajuste a forma de entrada do modelo aos dados.',
      'early-stopping-needs-validation':
        'A parada antecipada observa a perda de validação, mas não há parte de validação. Divida com uma fração de validação ou desative a parada antecipada.',
      'training-diverged':
        'A perda virou NaN ou infinita na época {epoch} (fold {fold}): os gradientes explodiram. Tente uma taxa de aprendizado menor (agora {learningRate}), escale as entradas (padronizar ou min-max) ou pesos iniciais menores (escala ×0.1). Os pesos da última época boa foram mantidos.',
      'engine-unsuitable': 'O motor didático só treina redes densas e este modelo não pode usá-lo: {reason}. Escolha o motor tfjs.',
      'workers-need-tfjs':
        'Duas threads de treino precisam do motor tfjs; o motor didático treina em uma. Escolha o motor tfjs ou uma só thread.',
      'workers-batch-norm':
        'A camada {where} é normalização em lote, cujas estatísticas seriam calculadas em cada metade do lote: um modelo com ela treina em uma só thread. Escolha uma thread ou «auto».',
      'workers-batch-of-one':
        'Duas threads de treino dividem cada lote em duas metades, e um lote de uma só amostra não pode ser dividido. Use um lote maior ou uma só thread.',
      'training-not-running': 'Não há nenhum treinamento em andamento com o identificador {taskId}.',
      'training-already-running':
        'Você já tem um treinamento em andamento (talvez iniciado em outra aba). Acompanhe-o em Treinamento ou pare-o lá antes de iniciar outro.',
      'training-crashed':
        'O processo de treinamento terminou de forma inesperada. Tente novamente; se repetir, use um modelo ou lote menor.',
      'training-failed': 'O treinamento falhou: {details}',
    },
  },
  en: {
    errors: {
      'model-window-too-large':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, which is not positive: the window does not fit. Use a smaller kernel, "same" padding, or remove a pooling layer before it.',
      'model-window-not-integer':
        '{where}: (N + 2P - F) / S + 1 = ({n} + 2·{p} - {f}) / {s} + 1 = {result}, which is not an integer: the window does not cover the image evenly. Change the stride or the kernel size, or use "same" padding.',
      'model-needs-flatten': '{where} is dense but receives an image-shaped input ({shape}). Add a flatten layer before it.',
      'model-conv-needs-image': '{where} needs an image input [height, width, channels] but receives {shape}.',
      'model-pool-needs-image': '{where} needs an image input [height, width, channels] but receives {shape}.',
      'model-dilation-with-stride': '{where}: a dilation above 1 cannot be combined with a stride above 1. Set one of them to 1.',
      'model-ends-with-dropout': '{where}: a network cannot end with dropout; end it with an output layer.',
      'model-needs-output': 'The last layer must be an output layer (softmax, sigmoid or linear); it is {type}.',
      'model-output-not-last': 'Layer {where} is an output layer but not the last one. Use dense layers for hidden layers.',
      'model-hidden-softmax': 'Layer {where}: softmax belongs to the output layer only.',
      'model-too-large':
        'Training this model needs about {estimated}, more than the {budget} budget. Use fewer filters or neurons, a smaller batch, or smaller images.',
      'model-unreadable': 'Cannot read the model in {path}. Is this a saved model folder?',
      'model-output-activation':
        'The output layer uses {activation}, which the saved model format does not offer for outputs (softmax, sigmoid, identity, tanh, step).',
      'data-shape-mismatch': 'The features have {values} values, which is not a whole number of samples of {sampleSize} values.',
      'data-empty': 'There are no samples to train on.',
      'data-not-finite':
        'Sample {sample}, feature {feature} is missing or not a finite number. Remove or fill in that value (e.g. with the column mean) before training.',
      'data-label-count': 'There are {samples} samples but {labels} labels; give one label per sample.',
      'data-label-out-of-range':
        'Sample {sample} has label {label}, but the output layer has {outputs} neurons. Set the output neurons to the number of classes (one output neuron can only learn labels 0 and 1).',
      'data-target-count':
        'There are {samples} samples and {outputs} output neurons, so {samples}×{outputs} target values are needed; got {targets}.',
      'data-target-not-finite': 'The target of sample {sample} is not a finite number. Fix or remove that sample.',
      'data-no-targets': 'The data has neither labels nor targets: say what the network should learn.',
      'data-empty-training': 'The training part is empty: give it a larger fraction in the split or load more samples.',
      'data-bad-index': 'The split refers to sample {index}, but there are {samples} samples. Make the split again.',
      'data-input-mismatch':
        'Each sample has shape {data}, but the model input expects {model}. Set the model input shape to match the data.',
      'early-stopping-needs-validation':
        'Early stopping watches the validation loss, but there is no validation part. Split with a validation fraction, or turn early stopping off.',
      'training-diverged':
        'The loss became NaN or infinite at epoch {epoch} (fold {fold}): the gradients exploded. Try a lower learning rate (now {learningRate}), scale the inputs (standardize or min-max), or smaller initial weights (scale ×0.1). The weights of the last good epoch were kept.',
      'engine-unsuitable':
        'The didactic engine trains dense networks only, and this model cannot use it: {reason}. Choose the tfjs engine.',
      'workers-need-tfjs':
        'Two training workers need the tfjs engine; the didactic engine trains on one. Choose the tfjs engine, or one worker.',
      'workers-batch-norm':
        'Layer {where} is batch normalisation, whose statistics would be computed on each half of the batch: a model with it trains on one worker. Choose one worker or "auto".',
      'workers-batch-of-one':
        'Two training workers split each batch in halves, and a batch of one sample cannot be split. Use a larger batch, or one worker.',
      'training-not-running': 'No training with id {taskId} is running.',
      'training-already-running':
        'You already have a training in progress (perhaps started in another tab). Follow it in Training, or stop it there before starting another.',
      'training-crashed': 'The training process ended unexpectedly. Try again; if it happens again, use a smaller model or batch.',
      'training-failed': 'Training failed: {details}',
    },
  },
};
