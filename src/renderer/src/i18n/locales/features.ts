/** Strings of the Características (HOG features) view, and the translations of its contract errors. */
export const features = {
  es: {
    features: {
      title: 'Características: HOG',
      intro:
        'El histograma de gradientes orientados (HOG, Dalal y Triggs 2005) describe una imagen por la dirección de sus bordes. Sinapsis da exactamente los mismos números que skimage.feature.hog, así que tus resultados coinciden con los de tu cuaderno de Python.',
      source: {
        title: 'Imagen',
        datasetItem: 'Imagen {index} de {total}: {file} (clase {label})',
        opened: 'Archivo abierto: {file} (no es del conjunto de datos)',
        sampleShown: 'Imagen de ejemplo: un 3 dibujado por Sinapsis',
        previous: 'Anterior',
        next: 'Siguiente',
        file: 'Abrir una imagen…',
        sample: 'Imagen de ejemplo',
        none: 'Carga un conjunto de imágenes en Datos, abre una imagen o usa la imagen de ejemplo.',
        unreadable: 'El navegador no pudo leer «{file}» como imagen.',
      },
      params: {
        title: 'Parámetros',
        grayscale: 'Pasar a grises (cv2.cvtColor)',
        resize: 'Redimensionar (cv2.resize)',
        width: 'Ancho',
        height: 'Alto',
        interpolation: 'Interpolación',
        linear: 'bilineal (INTER_LINEAR)',
        area: 'área (INTER_AREA)',
        orientations: 'Orientaciones (bins en 0–180°)',
        cell: 'Píxeles por celda (alto × ancho)',
        block: 'Celdas por bloque (alto × ancho)',
        norm: 'Normalización de bloque',
        sqrt: 'Compresión gamma (raíz cuadrada)',
        lab: 'Ajustes del laboratorio',
      },
      length: {
        title: 'Longitud del vector',
        formula:
          '{width}×{height} px → {cellRows}×{cellColumns} celdas → {blockRows}×{blockColumns} bloques × ({perBlock} valores por bloque) = {length}',
        tooSmall:
          'Una imagen de {width}×{height} no alcanza para un bloque ({minWidth}×{minHeight} px). Usa celdas o bloques más pequeños, o una imagen más grande.',
        unused: 'Se ignoran {rows} filas abajo y {columns} columnas a la derecha: no completan una celda (igual que skimage).',
        unknown: 'La longitud depende del tamaño de la imagen: elige una imagen o un tamaño.',
      },
      view: {
        input: 'Entrada ({width}×{height})',
        prepared: 'Lo que ve HOG ({width}×{height})',
        picture: 'Imagen HOG (como skimage, visualize=True)',
        glyphs: 'Imagen HOG ampliada, celda por celda',
        pictureHint: 'En cada celda, una línea por orientación, perpendicular al gradiente (sigue el borde); más brillante = más magnitud.',
        vector: 'Vector de características ({length} valores)',
        axisIndex: 'índice del valor en el vector',
        axisValue: 'valor',
        computing: 'Calculando…',
      },
      extract: {
        title: 'Extraer de todo el conjunto',
        hint: 'Calcula el HOG de cada imagen del conjunto con estos parámetros, en todos los núcleos. Los vectores se guardan en caché: repetir con los mismos ajustes es instantáneo.',
        start: 'Extraer HOG',
        cancel: 'Cancelar',
        progress: '{done} de {total} imágenes · {rate} img/s',
        eta: 'quedan {eta}',
        done: '{extracted} vectores de {length} valores en {seconds} s ({rate} img/s, {threads}); {cached} desde la caché.',
        exportCsv: 'Descargar CSV',
        exportCsvHint:
          'Una fila por imagen: archivo, clase y los {length} valores (hog_0 … hog_{last}), para pandas o una hoja de cálculo.',
        exportedCsv: '{file} descargado: {rows} filas, {columns} columnas.',
        threads: '{count} hilo | {count} hilos',
        failures: 'Imágenes omitidas ({count})',
        code: { missing: 'no existe', 'not-a-file': 'es una carpeta', 'too-small': 'menor que un bloque', 'size-mismatch': 'otro tamaño' },
        reason: {
          'too-small':
            'Una imagen de {width}×{height} es más pequeña que un bloque HOG ({minWidth}×{minHeight} px). Activa el redimensionado (p. ej. 12×24) o usa celdas o bloques más pequeños.',
          'size-mismatch':
            'Su HOG tiene {length} valores y el de «{reference}» tiene {referenceLength}: con imágenes de distintos tamaños, activa el redimensionado (p. ej. 12×24).',
          'no-pixels': 'La imagen no tiene píxeles (ancho o alto cero).',
          missing: 'El archivo no existe (¿se movió o se borró?).',
          'not-a-file': 'Es una carpeta, no un archivo de imagen.',
          unknown: 'Falló por una causa desconocida.',
        },
        noDataset: 'Carga un conjunto de imágenes en la vista Datos para extraer sus características.',
      },
      steps: {
        title: '¿Qué hace HOG, paso a paso?',
        gamma:
          'Compresión gamma (opcional): se toma la raíz cuadrada de cada píxel. Aclara las zonas oscuras y reduce el efecto de sombras y cambios de iluminación.',
        gradients:
          'Gradientes: en cada píxel se restan los vecinos, gx = I(x+1) − I(x−1) y gy = I(y+1) − I(y−1). La magnitud es √(gx² + gy²) y la orientación atan2(gy, gx) en 0–180° (sin signo: un borde claro→oscuro y oscuro→claro cuentan igual). En color se usa, en cada píxel, el canal con el gradiente más fuerte.',
        cells:
          'Histogramas por celda: la imagen se divide en celdas (p. ej. 4×4 píxeles). Cada píxel suma su magnitud al bin de su orientación; con 8 orientaciones cada bin cubre 22,5°. Así una celda resume «hacia dónde van los bordes» sin depender de la posición exacta del píxel.',
        blocks:
          'Bloques solapados: se agrupan celdas vecinas en bloques (p. ej. 2×2 celdas) que se desplazan de a una celda. Cada celda aparece en varios bloques, normalizada cada vez con un vecindario distinto.',
        normalization:
          'Normalización: cada bloque se divide por su norma. L2: v/√(‖v‖² + ε²). L2-Hys: igual, luego recorta en 0,2 y vuelve a normalizar (un borde muy fuerte no domina). L1: v/(‖v‖₁ + ε); L1-sqrt: la raíz de L1. Esto hace al descriptor robusto al contraste.',
        vector:
          'Vector final: se concatenan todos los bloques normalizados. Su longitud = bloques en alto × bloques en ancho × celdas por bloque × orientaciones; en el laboratorio 5 × 2 × 4 × 8 = 320.',
      },
    },
    errors: {
      'hog-image-too-small':
        'Una imagen de {width}×{height} es más pequeña que un bloque HOG ({minWidth}×{minHeight} px). Redimensiónala a un tamaño mayor o usa celdas o bloques más pequeños.',
      'hog-extract-cancelled': 'Extracción cancelada. Los vectores ya calculados quedaron en la caché: volver a extraer continúa rápido.',
      'hog-worker-failed': 'Un hilo de cálculo de HOG se detuvo inesperadamente ({detail}). Vuelve a intentarlo.',
      'hog-image-index': 'El conjunto tiene {total} imágenes; no existe la imagen número {index}.',
      'feature-set-unknown': 'Ya no están en memoria las características «{id}». Vuelve a extraerlas.',
      'hog-image-unreadable': 'No se pudo leer «{file}» como imagen: {reason}.',
    },
  },
  pt: {
    features: {
      title: 'Características: HOG',
      intro:
        'O histograma de gradientes orientados (HOG, Dalal e Triggs 2005) descreve uma imagem pela direção de suas bordas. O Sinapsis dá exatamente os mesmos números que skimage.feature.hog, então seus resultados coincidem com os do seu notebook Python.',
      source: {
        title: 'Imagem',
        datasetItem: 'Imagem {index} de {total}: {file} (classe {label})',
        opened: 'Arquivo aberto: {file} (não é do conjunto de dados)',
        sampleShown: 'Imagem de exemplo: um 3 desenhado pelo Sinapsis',
        previous: 'Anterior',
        next: 'Próxima',
        file: 'Abrir uma imagem…',
        sample: 'Imagem de exemplo',
        none: 'Carregue um conjunto de imagens em Dados, abra uma imagem ou use a imagem de exemplo.',
        unreadable: 'O navegador não conseguiu ler «{file}» como imagem.',
      },
      params: {
        title: 'Parâmetros',
        grayscale: 'Converter para cinza (cv2.cvtColor)',
        resize: 'Redimensionar (cv2.resize)',
        width: 'Largura',
        height: 'Altura',
        interpolation: 'Interpolação',
        linear: 'bilinear (INTER_LINEAR)',
        area: 'área (INTER_AREA)',
        orientations: 'Orientações (bins em 0–180°)',
        cell: 'Pixels por célula (altura × largura)',
        block: 'Células por bloco (altura × largura)',
        norm: 'Normalização de bloco',
        sqrt: 'Compressão gama (raiz quadrada)',
        lab: 'Ajustes do laboratório',
      },
      length: {
        title: 'Comprimento do vetor',
        formula:
          '{width}×{height} px → {cellRows}×{cellColumns} células → {blockRows}×{blockColumns} blocos × ({perBlock} valores por bloco) = {length}',
        tooSmall:
          'Uma imagem de {width}×{height} não comporta um bloco ({minWidth}×{minHeight} px). Use células ou blocos menores, ou uma imagem maior.',
        unused: '{rows} linhas embaixo e {columns} colunas à direita são ignoradas: não completam uma célula (como no skimage).',
        unknown: 'O comprimento depende do tamanho da imagem: escolha uma imagem ou um tamanho.',
      },
      view: {
        input: 'Entrada ({width}×{height})',
        prepared: 'O que o HOG vê ({width}×{height})',
        picture: 'Imagem HOG (como skimage, visualize=True)',
        glyphs: 'Imagem HOG ampliada, célula por célula',
        pictureHint:
          'Em cada célula, uma linha por orientação, perpendicular ao gradiente (segue a borda); mais brilhante = mais magnitude.',
        vector: 'Vetor de características ({length} valores)',
        axisIndex: 'índice do valor no vetor',
        axisValue: 'valor',
        computing: 'Calculando…',
      },
      extract: {
        title: 'Extrair de todo o conjunto',
        hint: 'Calcula o HOG de cada imagem do conjunto com estes parâmetros, em todos os núcleos. Os vetores ficam em cache: repetir com os mesmos ajustes é instantâneo.',
        start: 'Extrair HOG',
        cancel: 'Cancelar',
        progress: '{done} de {total} imagens · {rate} img/s',
        eta: 'faltam {eta}',
        done: '{extracted} vetores de {length} valores em {seconds} s ({rate} img/s, {threads}); {cached} do cache.',
        exportCsv: 'Baixar CSV',
        exportCsvHint: 'Uma linha por imagem: arquivo, classe e os {length} valores (hog_0 … hog_{last}), para pandas ou uma planilha.',
        exportedCsv: '{file} baixado: {rows} linhas, {columns} colunas.',
        threads: '{count} thread | {count} threads',
        failures: 'Imagens ignoradas ({count})',
        code: { missing: 'não existe', 'not-a-file': 'é uma pasta', 'too-small': 'menor que um bloco', 'size-mismatch': 'outro tamanho' },
        reason: {
          'too-small':
            'Uma imagem de {width}×{height} é menor que um bloco HOG ({minWidth}×{minHeight} px). Ative o redimensionamento (p. ex. 12×24) ou use células ou blocos menores.',
          'size-mismatch':
            'Seu HOG tem {length} valores e o de «{reference}» tem {referenceLength}: com imagens de tamanhos diferentes, ative o redimensionamento (p. ex. 12×24).',
          'no-pixels': 'A imagem não tem pixels (largura ou altura zero).',
          missing: 'O arquivo não existe (foi movido ou apagado?).',
          'not-a-file': 'É uma pasta, não um arquivo de imagem.',
          unknown: 'Falhou por um motivo desconhecido.',
        },
        noDataset: 'Carregue um conjunto de imagens na tela Dados para extrair suas características.',
      },
      steps: {
        title: 'O que o HOG faz, passo a passo?',
        gamma:
          'Compressão gama (opcional): tira-se a raiz quadrada de cada pixel. Clareia as regiões escuras e reduz o efeito de sombras e mudanças de iluminação.',
        gradients:
          'Gradientes: em cada pixel subtraem-se os vizinhos, gx = I(x+1) − I(x−1) e gy = I(y+1) − I(y−1). A magnitude é √(gx² + gy²) e a orientação atan2(gy, gx) em 0–180° (sem sinal: bordas claro→escuro e escuro→claro contam igual). Em cores usa-se, em cada pixel, o canal com o gradiente mais forte.',
        cells:
          'Histogramas por célula: a imagem é dividida em células (p. ex. 4×4 pixels). Cada pixel soma sua magnitude ao bin de sua orientação; com 8 orientações cada bin cobre 22,5°. Assim uma célula resume «para onde vão as bordas» sem depender da posição exata do pixel.',
        blocks:
          'Blocos sobrepostos: células vizinhas são agrupadas em blocos (p. ex. 2×2 células) que se deslocam de uma em uma célula. Cada célula aparece em vários blocos, normalizada a cada vez com uma vizinhança diferente.',
        normalization:
          'Normalização: cada bloco é dividido por sua norma. L2: v/√(‖v‖² + ε²). L2-Hys: igual, depois corta em 0,2 e normaliza de novo (uma borda muito forte não domina). L1: v/(‖v‖₁ + ε); L1-sqrt: a raiz de L1. Isso torna o descritor robusto ao contraste.',
        vector:
          'Vetor final: concatenam-se todos os blocos normalizados. Comprimento = blocos na altura × blocos na largura × células por bloco × orientações; no laboratório 5 × 2 × 4 × 8 = 320.',
      },
    },
    errors: {
      'hog-image-too-small':
        'Uma imagem de {width}×{height} é menor que um bloco HOG ({minWidth}×{minHeight} px). Redimensione para um tamanho maior ou use células ou blocos menores.',
      'hog-extract-cancelled': 'Extração cancelada. Os vetores já calculados ficaram no cache: extrair de novo continua rápido.',
      'hog-worker-failed': 'Uma thread de cálculo do HOG parou inesperadamente ({detail}). Tente de novo.',
      'hog-image-index': 'O conjunto tem {total} imagens; não existe a imagem número {index}.',
      'feature-set-unknown': 'As características «{id}» não estão mais na memória. Extraia-as de novo.',
      'hog-image-unreadable': 'Não foi possível ler «{file}» como imagem: {reason}.',
    },
  },
  en: {
    features: {
      title: 'Features: HOG',
      intro:
        'The histogram of oriented gradients (HOG, Dalal and Triggs 2005) describes an image by the direction of its edges. Sinapsis gives exactly the same numbers as skimage.feature.hog, so your results match your Python notebook.',
      source: {
        title: 'Image',
        datasetItem: 'Image {index} of {total}: {file} (class {label})',
        opened: 'Opened file: {file} (not from the dataset)',
        sampleShown: 'Sample image: a 3 drawn by Sinapsis',
        previous: 'Previous',
        next: 'Next',
        file: 'Open an image…',
        sample: 'Sample image',
        none: 'Load an image dataset in Data, open an image, or use the sample image.',
        unreadable: 'The browser could not read “{file}” as an image.',
      },
      params: {
        title: 'Parameters',
        grayscale: 'Convert to grey (cv2.cvtColor)',
        resize: 'Resize (cv2.resize)',
        width: 'Width',
        height: 'Height',
        interpolation: 'Interpolation',
        linear: 'bilinear (INTER_LINEAR)',
        area: 'area (INTER_AREA)',
        orientations: 'Orientations (bins over 0–180°)',
        cell: 'Pixels per cell (height × width)',
        block: 'Cells per block (height × width)',
        norm: 'Block normalisation',
        sqrt: 'Gamma compression (square root)',
        lab: 'Lab settings',
      },
      length: {
        title: 'Vector length',
        formula:
          '{width}×{height} px → {cellRows}×{cellColumns} cells → {blockRows}×{blockColumns} blocks × ({perBlock} values per block) = {length}',
        tooSmall:
          'A {width}×{height} image cannot hold one block ({minWidth}×{minHeight} px). Use smaller cells or blocks, or a larger image.',
        unused: '{rows} bottom rows and {columns} right columns are ignored: they do not fill a whole cell (as in skimage).',
        unknown: 'The length depends on the image size: choose an image or a size.',
      },
      view: {
        input: 'Input ({width}×{height})',
        prepared: 'What HOG sees ({width}×{height})',
        picture: 'HOG picture (as skimage, visualize=True)',
        glyphs: 'HOG picture enlarged, cell by cell',
        pictureHint:
          'In each cell, one line per orientation, perpendicular to the gradient (it follows the edge); brighter = larger magnitude.',
        vector: 'Feature vector ({length} values)',
        axisIndex: 'index of the value in the vector',
        axisValue: 'value',
        computing: 'Computing…',
      },
      extract: {
        title: 'Extract from the whole dataset',
        hint: 'Computes the HOG of every image in the dataset with these parameters, on all cores. Vectors are cached: repeating with the same settings is instant.',
        start: 'Extract HOG',
        cancel: 'Cancel',
        progress: '{done} of {total} images · {rate} img/s',
        eta: '{eta} left',
        done: '{extracted} vectors of {length} values in {seconds} s ({rate} img/s, {threads}); {cached} from the cache.',
        exportCsv: 'Download CSV',
        exportCsvHint: 'One row per image: file, class and the {length} values (hog_0 … hog_{last}), for pandas or a spreadsheet.',
        exportedCsv: '{file} downloaded: {rows} rows, {columns} columns.',
        threads: '{count} thread | {count} threads',
        failures: 'Skipped images ({count})',
        code: { missing: 'missing', 'not-a-file': 'a folder', 'too-small': 'smaller than a block', 'size-mismatch': 'different size' },
        reason: {
          'too-small':
            'A {width}×{height} image is smaller than one HOG block ({minWidth}×{minHeight} px). Turn on the resize (e.g. 12×24) or use smaller cells or blocks.',
          'size-mismatch':
            'Its HOG has {length} values but that of "{reference}" has {referenceLength}: images of different sizes need the resize turned on (e.g. 12×24).',
          'no-pixels': 'The image has no pixels (zero width or height).',
          missing: 'The file does not exist (moved or deleted?).',
          'not-a-file': 'This is a folder, not an image file.',
          unknown: 'Failed for an unknown reason.',
        },
        noDataset: 'Load an image dataset in the Data view to extract its features.',
      },
      steps: {
        title: 'What does HOG do, step by step?',
        gamma:
          'Gamma compression (optional): take the square root of every pixel. It brightens dark regions and reduces the effect of shadows and lighting changes.',
        gradients:
          'Gradients: at each pixel subtract the neighbours, gx = I(x+1) − I(x−1) and gy = I(y+1) − I(y−1). The magnitude is √(gx² + gy²) and the orientation atan2(gy, gx) in 0–180° (unsigned: light→dark and dark→light edges count alike). In colour, each pixel uses the channel with the strongest gradient.',
        cells:
          'Cell histograms: the image is split into cells (e.g. 4×4 pixels). Each pixel adds its magnitude to the bin of its orientation; with 8 orientations each bin spans 22.5°. A cell thus summarises “which way the edges run” without depending on exact pixel positions.',
        blocks:
          'Overlapping blocks: neighbouring cells are grouped into blocks (e.g. 2×2 cells) that slide one cell at a time. Each cell appears in several blocks, normalised each time against a different neighbourhood.',
        normalization:
          'Normalisation: each block is divided by its norm. L2: v/√(‖v‖² + ε²). L2-Hys: the same, then clip at 0.2 and normalise again (one very strong edge cannot dominate). L1: v/(‖v‖₁ + ε); L1-sqrt: the square root of L1. This makes the descriptor robust to contrast.',
        vector:
          'Final vector: all normalised blocks concatenated. Its length = blocks down × blocks across × cells per block × orientations; in the lab 5 × 2 × 4 × 8 = 320.',
      },
    },
    errors: {
      'hog-image-too-small':
        'A {width}×{height} image is smaller than one HOG block ({minWidth}×{minHeight} px). Resize it larger or use smaller cells or blocks.',
      'hog-extract-cancelled': 'Extraction cancelled. Vectors computed so far are in the cache: extracting again resumes quickly.',
      'hog-worker-failed': 'A HOG worker thread stopped unexpectedly ({detail}). Try again.',
      'hog-image-index': 'The dataset has {total} images; there is no image number {index}.',
      'feature-set-unknown': 'Features “{id}” are no longer in memory. Extract them again.',
      'hog-image-unreadable': '“{file}” could not be read as an image: {reason}.',
    },
  },
};
