/**
 * Translations of the feature map's refusals (core/embedding: `embedding.compute`, `sinapsis embed`). `{param}`
 * placeholders come from each SinapsisError's params.
 */
export const embeddingErrors = {
  es: {
    errors: {
      'embedding-too-few-samples':
        'Hay {samples} muestras; un mapa de características necesita al menos {minimum}. Carga un conjunto de datos con más muestras.',
      'embedding-too-many-samples':
        '{method} dibuja como mucho {limit} muestras aquí y estos datos tienen {samples}. Elige PCA, que admite hasta {pcaLimit}, o carga solo una parte de los datos.',
      'embedding-layer-out-of-range': 'El modelo tiene las capas 0 a {last}; no hay capa {layer}. Elige una de ellas.',
      'embedding-dataset-mismatch':
        'La ejecución «{run}» se entrenó con «{runDataset}» y el conjunto cargado, «{dataset}», no son los mismos datos (cambian sus archivos o sus filas). Carga en Datos el conjunto de la ejecución y vuelve a intentarlo.',
      'embedding-cancelled': 'Se canceló el mapa de características; no se guardó nada. Vuelve a calcularlo cuando quieras.',
    },
  },
  pt: {
    errors: {
      'embedding-too-few-samples':
        'Há {samples} amostras; um mapa de características precisa de pelo menos {minimum}. Carregue um conjunto de dados com mais amostras.',
      'embedding-too-many-samples':
        '{method} desenha no máximo {limit} amostras aqui e estes dados têm {samples}. Escolha PCA, que aceita até {pcaLimit}, ou carregue só uma parte dos dados.',
      'embedding-layer-out-of-range': 'O modelo tem as camadas 0 a {last}; não existe a camada {layer}. Escolha uma delas.',
      'embedding-dataset-mismatch':
        'A execução «{run}» foi treinada com «{runDataset}» e o conjunto carregado, «{dataset}», não são os mesmos dados (mudam os arquivos ou as linhas). Carregue em Dados o conjunto da execução e tente de novo.',
      'embedding-cancelled': 'O mapa de características foi cancelado; nada foi guardado. Calcule-o de novo quando quiser.',
    },
  },
  en: {
    errors: {
      'embedding-too-few-samples': 'There are {samples} samples; a feature map needs at least {minimum}. Load a dataset with more samples.',
      'embedding-too-many-samples':
        '{method} maps at most {limit} samples here and this data has {samples}. Choose PCA, which takes up to {pcaLimit}, or load a subset of the data.',
      'embedding-layer-out-of-range': 'The model has layers 0 to {last}; there is no layer {layer}. Choose one of them.',
      'embedding-dataset-mismatch':
        'Run “{run}” was trained on “{runDataset}”, and the loaded dataset “{dataset}” is not the same data (its files or rows differ). Load the run’s dataset in Datos and try again.',
      'embedding-cancelled': 'The feature map was cancelled; nothing was kept. Compute it again when you want it.',
    },
  },
};
