import type { EmbeddingMethod, EmbeddingStage } from '../../../../shared/contract/embedding';

/**
 * The feature map ("Mapa de características") of Características and Evaluación: the panel, the scatter, the
 * opened sample and how to read a map. The method and stage names are checked against the contract's lists.
 */
export const embedding = {
  es: {
    embedding: {
      panel: {
        intro:
          'Cada muestra es un punto del plano, con el color y la forma de su clase. Si los puntos de cada clase se juntan y se apartan de los demás, estas características distinguen las clases.',
        method: 'Método',
        seed: 'Semilla',
        seedPca: 'PCA no usa semilla: da siempre el mismo mapa.',
        compute: 'Calcular el mapa',
        computeAll: 'Calcular los mapas',
        cancel: 'Cancelar',
        cancelled: 'Cálculo cancelado. Pulsa «Calcular» para empezar de nuevo.',
        dataChanged: 'Los datos cambiaron mientras se calculaba este mapa, así que no se muestra. Pulsa «Calcular» otra vez.',
        notYet: 'Elige el método y pulsa «Calcular».',
        summary: '{method}: {count} muestras de {dimensions} valores, en {seconds}',
        variance: 'los dos ejes explican el {first} y el {second} de la varianza',
      },
      method: {
        pca: 'PCA (lineal, rápido)',
        tsne: 't-SNE (vecinos)',
        umap: 'UMAP (vecinos y forma global)',
      } satisfies Record<EmbeddingMethod, string>,
      methodName: { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } satisfies Record<EmbeddingMethod, string>,
      progress: {
        starting: 'empezando',
        features: 'calculando las características',
        activations: 'calculando las activaciones de la capa',
        neighbours: 'buscando los vecinos de cada muestra',
        optimise: 'colocando los puntos',
      } satisfies Record<EmbeddingStage | 'starting', string>,
      scatter: {
        aria: 'Mapa de {label}: {count} muestras',
        class: 'Clase: {name}',
        predicted: 'Predicción: {name}',
        row: 'Fila {row}',
        fit: 'Encuadrar',
        zoomIn: 'Acercar',
        zoomOut: 'Alejar',
        legend: 'Clases del mapa',
        ringed: 'con anillo: mal clasificada en prueba ({count})',
        keys: 'Rueda del ratón o + y − para acercar, arrastra o usa las flechas para moverte, 0 para encuadrar; N y P recorren las muestras e Intro abre la elegida.',
      },
      opened: {
        class: 'Clase verdadera',
        predicted: 'Predicción del modelo',
        part: 'Parte de la división',
        close: 'Cerrar',
      },
      read: {
        title: 'Cómo leer el mapa',
        points:
          'Cada punto es una muestra; su color y su forma dicen su clase. Pasa el ratón por un punto para ver su imagen y haz clic para abrirla con su predicción.',
        clusters:
          'Grupos compactos de un solo color, separados entre sí: estas características distinguen esas clases. Colores mezclados en un mismo grupo: esas clases se confunden, y un clasificador también tendrá dificultades con ellas.',
        pca: 'PCA proyecta los datos sobre las dos direcciones de mayor varianza. Es lineal y sus distancias significan algo (el porcentaje dice cuánta varianza conserva cada eje), pero puede superponer clases que en todas las dimensiones están separadas.',
        tsne: 't-SNE conserva sobre todo qué muestras son vecinas: los grupos son fiables, pero el tamaño de un grupo y la distancia entre grupos no significan mucho, y otra semilla puede colocar los mismos grupos en otro sitio.',
        umap: 'UMAP también conserva los vecinos y suele respetar algo mejor la estructura global que t-SNE; aun así, no leas las distancias entre grupos como medidas.',
        compare:
          'En Evaluación, compara el mapa de las características de entrada con el de una capa oculta: si la capa separa mejor las clases, la red aprendió una representación más útil que sus entradas. Los anillos marcan las muestras de prueba mal clasificadas.',
        caution:
          'Un mapa lleva muchas dimensiones a dos: que dos clases se superpongan en el plano no prueba que se superpongan en el espacio original. La exactitud en prueba es la medida; el mapa ayuda a entenderla.',
      },
      features: {
        hog: 'HOG ({length} valores)',
        pixels: 'Píxeles ({length} valores)',
        columns: 'Columnas de la tabla ({length} valores)',
      },
      dataset: {
        title: 'Mapa de características',
        noDataset: 'Carga un conjunto en Datos para ver el mapa de sus características.',
        noFeatures: 'Características',
      },
      run: {
        title: 'Mapa de características: entradas y capa oculta',
        layer: 'Capa',
        layerOption: 'capa {position}: {type}, {units} valores',
        inputTitle: 'Entradas: {features}',
        layerTitle: 'Red: {layer}',
        layerTitleNone: 'Red: una capa',
        loadDataset: 'Carga en Datos el conjunto con el que se entrenó esta ejecución («{dataset}») para ver sus mapas.',
      },
    },
  },
  pt: {
    embedding: {
      panel: {
        intro:
          'Cada amostra é um ponto do plano, com a cor e a forma da sua classe. Se os pontos de cada classe se juntam e se afastam dos demais, estas características distinguem as classes.',
        method: 'Método',
        seed: 'Semente',
        seedPca: 'O PCA não usa semente: dá sempre o mesmo mapa.',
        compute: 'Calcular o mapa',
        computeAll: 'Calcular os mapas',
        cancel: 'Cancelar',
        cancelled: 'Cálculo cancelado. Clique em «Calcular» para começar de novo.',
        dataChanged: 'Os dados mudaram enquanto este mapa era calculado, por isso ele não é mostrado. Clique em «Calcular» de novo.',
        notYet: 'Escolha o método e clique em «Calcular».',
        summary: '{method}: {count} amostras de {dimensions} valores, em {seconds}',
        variance: 'os dois eixos explicam {first} e {second} da variância',
      },
      method: {
        pca: 'PCA (linear, rápido)',
        tsne: 't-SNE (vizinhos)',
        umap: 'UMAP (vizinhos e forma global)',
      } satisfies Record<EmbeddingMethod, string>,
      methodName: { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } satisfies Record<EmbeddingMethod, string>,
      progress: {
        starting: 'começando',
        features: 'calculando as características',
        activations: 'calculando as ativações da camada',
        neighbours: 'procurando os vizinhos de cada amostra',
        optimise: 'posicionando os pontos',
      } satisfies Record<EmbeddingStage | 'starting', string>,
      scatter: {
        aria: 'Mapa de {label}: {count} amostras',
        class: 'Classe: {name}',
        predicted: 'Predição: {name}',
        row: 'Linha {row}',
        fit: 'Enquadrar',
        zoomIn: 'Aproximar',
        zoomOut: 'Afastar',
        legend: 'Classes do mapa',
        ringed: 'com anel: classificada errado no teste ({count})',
        keys: 'Roda do mouse ou + e − para aproximar, arraste ou use as setas para mover, 0 para enquadrar; N e P percorrem as amostras e Enter abre a escolhida.',
      },
      opened: {
        class: 'Classe verdadeira',
        predicted: 'Predição do modelo',
        part: 'Parte da divisão',
        close: 'Fechar',
      },
      read: {
        title: 'Como ler o mapa',
        points:
          'Cada ponto é uma amostra; a cor e a forma dizem a sua classe. Passe o mouse sobre um ponto para ver a imagem e clique para abri-la com a predição.',
        clusters:
          'Grupos compactos de uma só cor, separados entre si: estas características distinguem essas classes. Cores misturadas num mesmo grupo: essas classes se confundem, e um classificador também terá dificuldade com elas.',
        pca: 'O PCA projeta os dados nas duas direções de maior variância. É linear e as suas distâncias significam algo (a porcentagem diz quanta variância cada eixo conserva), mas pode sobrepor classes que, em todas as dimensões, estão separadas.',
        tsne: 'O t-SNE conserva sobretudo quais amostras são vizinhas: os grupos são confiáveis, mas o tamanho de um grupo e a distância entre grupos não significam muito, e outra semente pode colocar os mesmos grupos em outro lugar.',
        umap: 'O UMAP também conserva os vizinhos e costuma respeitar um pouco melhor a estrutura global que o t-SNE; mesmo assim, não leia as distâncias entre grupos como medidas.',
        compare:
          'Em Avaliação, compare o mapa das características de entrada com o de uma camada oculta: se a camada separa melhor as classes, a rede aprendeu uma representação mais útil que as suas entradas. Os anéis marcam as amostras de teste classificadas errado.',
        caution:
          'Um mapa leva muitas dimensões a duas: duas classes sobrepostas no plano não provam que se sobrepõem no espaço original. A acurácia no teste é a medida; o mapa ajuda a entendê-la.',
      },
      features: {
        hog: 'HOG ({length} valores)',
        pixels: 'Pixels ({length} valores)',
        columns: 'Colunas da tabela ({length} valores)',
      },
      dataset: {
        title: 'Mapa de características',
        noDataset: 'Carregue um conjunto em Dados para ver o mapa das suas características.',
        noFeatures: 'Características',
      },
      run: {
        title: 'Mapa de características: entradas e camada oculta',
        layer: 'Camada',
        layerOption: 'camada {position}: {type}, {units} valores',
        inputTitle: 'Entradas: {features}',
        layerTitle: 'Rede: {layer}',
        layerTitleNone: 'Rede: uma camada',
        loadDataset: 'Carregue em Dados o conjunto com que esta execução foi treinada («{dataset}») para ver os seus mapas.',
      },
    },
  },
  en: {
    embedding: {
      panel: {
        intro:
          'Each sample is a point on the plane, in the colour and shape of its class. If the points of each class gather and keep apart from the others, these features tell the classes apart.',
        method: 'Method',
        seed: 'Seed',
        seedPca: 'PCA uses no seed: it always gives the same map.',
        compute: 'Compute the map',
        computeAll: 'Compute the maps',
        cancel: 'Cancel',
        cancelled: 'Cancelled. Press “Compute” to start again.',
        dataChanged: 'The data changed while this map was being computed, so it is not shown. Press “Compute” again.',
        notYet: 'Choose the method and press “Compute”.',
        summary: '{method}: {count} samples of {dimensions} values, in {seconds}',
        variance: 'the two axes explain {first} and {second} of the variance',
      },
      method: {
        pca: 'PCA (linear, fast)',
        tsne: 't-SNE (neighbours)',
        umap: 'UMAP (neighbours and global shape)',
      } satisfies Record<EmbeddingMethod, string>,
      methodName: { pca: 'PCA', tsne: 't-SNE', umap: 'UMAP' } satisfies Record<EmbeddingMethod, string>,
      progress: {
        starting: 'starting',
        features: 'computing the features',
        activations: 'computing the layer’s activations',
        neighbours: 'finding each sample’s neighbours',
        optimise: 'placing the points',
      } satisfies Record<EmbeddingStage | 'starting', string>,
      scatter: {
        aria: 'Map of {label}: {count} samples',
        class: 'Class: {name}',
        predicted: 'Prediction: {name}',
        row: 'Row {row}',
        fit: 'Fit to view',
        zoomIn: 'Zoom in',
        zoomOut: 'Zoom out',
        legend: 'Classes of the map',
        ringed: 'ringed: misclassified test sample ({count})',
        keys: 'Mouse wheel or + and − to zoom, drag or use the arrow keys to move, 0 to fit; N and P step through the samples and Enter opens the chosen one.',
      },
      opened: {
        class: 'True class',
        predicted: 'Model’s prediction',
        part: 'Part of the split',
        close: 'Close',
      },
      read: {
        title: 'How to read the map',
        points:
          'Each point is a sample; its colour and shape give its class. Hover over a point to see its image and click it to open it with its prediction.',
        clusters:
          'Compact one-colour groups, apart from each other: these features tell those classes apart. Mixed colours in one group: those classes are confused, and a classifier will struggle with them too.',
        pca: 'PCA projects the data onto the two directions of largest variance. It is linear and its distances mean something (the percentages say how much variance each axis keeps), but it can overlap classes that are apart in all the dimensions.',
        tsne: 't-SNE mainly keeps which samples are neighbours: the groups are reliable, but a group’s size and the distances between groups mean little, and another seed may put the same groups elsewhere.',
        umap: 'UMAP also keeps neighbours and tends to respect the global structure a little better than t-SNE; still, do not read the distances between groups as measurements.',
        compare:
          'In Evaluation, compare the map of the input features with that of a hidden layer: if the layer separates the classes better, the network learned a more useful representation than its inputs. The rings mark misclassified test samples.',
        caution:
          'A map squeezes many dimensions into two: two classes overlapping on the plane do not prove they overlap in the original space. Test accuracy is the measure; the map helps to understand it.',
      },
      features: {
        hog: 'HOG ({length} values)',
        pixels: 'Pixels ({length} values)',
        columns: 'Table columns ({length} values)',
      },
      dataset: {
        title: 'Feature map',
        noDataset: 'Load a dataset in Data to see the map of its features.',
        noFeatures: 'Features',
      },
      run: {
        title: 'Feature map: inputs and hidden layer',
        layer: 'Layer',
        layerOption: 'layer {position}: {type}, {units} values',
        inputTitle: 'Inputs: {features}',
        layerTitle: 'Network: {layer}',
        layerTitleNone: 'Network: a layer',
        loadDataset: 'Load in Data the dataset this run was trained on (“{dataset}”) to see its maps.',
      },
    },
  },
};
