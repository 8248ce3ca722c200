/**
 * The notice shown when new data changed choices made for the previous data (shared/models/fitToDataset.ts): what
 * was changed and why, in Datos, Características, Modelo and Entrenamiento.
 */
export const datasetFit = {
  es: {
    datasetFit: {
      title: 'Ajustado a los datos nuevos',
      intro: '«{name}» es {now}; lo elegido antes era para {before}. Se cambió:',
      introFirst: '«{name}» es {now}. Se cambió:',
      traits: {
        images: 'un conjunto de imágenes con {classes} clases',
        table: 'una tabla de {columns} columnas con {classes} clases',
        regression: 'una tabla de {columns} columnas para regresión',
      },
      features: {
        columns: 'Características: ahora se usan las {columns} columnas de la tabla (los píxeles y el HOG solo existen en imágenes).',
        hog: 'Características: ahora se usa HOG con el ajuste de Características (las columnas son de las tablas).',
      },
      model: 'Modelo: una red convolucional necesita imágenes; ahora es la red de la regla empírica {name}.',
      input: 'Entrada del modelo: {from} → {to}, para coincidir con las características.',
      output: {
        classification: 'Capa de salida: {from} → {to} neuronas, una por clase.',
        regression: 'Capa de salida: {from} → 1 neurona, el valor que se predice.',
      },
      outputActivation: {
        classification: 'Activación de salida: {from} → {to}, para dar una probabilidad por clase.',
        regression: 'Activación de salida: {from} → {to}: una regresión necesita una salida sin límites ({from} solo da valores acotados).',
      },
      loss: {
        task: 'Pérdida: {from} → {to}, la que corresponde a {task}.',
        pairing: 'Pérdida: {from} → {to}, porque {from} no sirve con esta salida.',
      },
      tasks: { classification: 'una clasificación', regression: 'una regresión' },
      dismiss: 'Entendido',
    },
  },
  pt: {
    datasetFit: {
      title: 'Ajustado aos dados novos',
      intro: '«{name}» é {now}; o que foi escolhido antes era para {before}. Mudou:',
      introFirst: '«{name}» é {now}. Mudou:',
      traits: {
        images: 'um conjunto de imagens com {classes} classes',
        table: 'uma tabela de {columns} colunas com {classes} classes',
        regression: 'uma tabela de {columns} colunas para regressão',
      },
      features: {
        columns: 'Características: agora são usadas as {columns} colunas da tabela (os pixels e o HOG só existem em imagens).',
        hog: 'Características: agora é usado o HOG com o ajuste de Características (as colunas são das tabelas).',
      },
      model: 'Modelo: uma rede convolucional precisa de imagens; agora é a rede da regra prática {name}.',
      input: 'Entrada do modelo: {from} → {to}, para coincidir com as características.',
      output: {
        classification: 'Camada de saída: {from} → {to} neurônios, um por classe.',
        regression: 'Camada de saída: {from} → 1 neurônio, o valor que se prevê.',
      },
      outputActivation: {
        classification: 'Ativação de saída: {from} → {to}, para dar uma probabilidade por classe.',
        regression: 'Ativação de saída: {from} → {to}: uma regressão precisa de uma saída sem limites ({from} só dá valores limitados).',
      },
      loss: {
        task: 'Perda: {from} → {to}, a que corresponde a {task}.',
        pairing: 'Perda: {from} → {to}, porque {from} não serve com esta saída.',
      },
      tasks: { classification: 'uma classificação', regression: 'uma regressão' },
      dismiss: 'Entendi',
    },
  },
  en: {
    datasetFit: {
      title: 'Adjusted to the new data',
      intro: '“{name}” is {now}; the earlier choices were for {before}. Changed:',
      introFirst: '“{name}” is {now}. Changed:',
      traits: {
        images: 'a set of images with {classes} classes',
        table: 'a table of {columns} columns with {classes} classes',
        regression: 'a table of {columns} columns for regression',
      },
      features: {
        columns: 'Features: the {columns} columns of the table are used now (pixels and HOG exist only for images).',
        hog: 'Features: HOG with the Features step’s setting is used now (columns belong to tables).',
      },
      model: 'Model: a convolutional network needs images; it is now the rule-of-thumb network {name}.',
      input: 'Model input: {from} → {to}, to match the features.',
      output: {
        classification: 'Output layer: {from} → {to} neurons, one per class.',
        regression: 'Output layer: {from} → 1 neuron, the predicted value.',
      },
      outputActivation: {
        classification: 'Output activation: {from} → {to}, to give one probability per class.',
        regression: 'Output activation: {from} → {to}: a regression needs an unbounded output ({from} only gives bounded values).',
      },
      loss: {
        task: 'Loss: {from} → {to}, the one for {task}.',
        pairing: 'Loss: {from} → {to}, because {from} does not work with this output.',
      },
      tasks: { classification: 'a classification', regression: 'a regression' },
      dismiss: 'Got it',
    },
  },
};
