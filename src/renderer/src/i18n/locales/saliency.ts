/** Strings of "¿Dónde mira la red?" (saliency maps in Evaluación: "Probar una imagen" and the confusion-matrix gallery) and its errors. */
export const saliency = {
  es: {
    saliency: {
      title: '¿Dónde mira la red?',
      intro:
        'Un mapa de saliencia colorea las partes de la imagen de las que depende la puntuación de una clase. No demuestra qué «entiende» la red: compara dos métodos distintos antes de sacar conclusiones.',
      method: 'Método',
      target: 'Clase explicada',
      predicted: '{label} (la predicha)',
      layer: 'Capa convolucional',
      layerOption: '{n}: {name}',
      opacity: 'Opacidad del mapa',
      low: 'bajo',
      high: 'alto',
      legend: 'Escala de color: de {low} (poca influencia) a {high} (mucha)',
      range: 'Valores del mapa: de {min} a {max}',
      computing: 'Calculando el mapa…',
      explained: 'Explica la clase {label} (probabilidad {probability}).',
      open: 'Ver dónde mira la red',
      pickSample: 'Haz clic en una imagen para ver dónde mira la red.',
      canvas: 'Mapa de saliencia sobre la imagen',
      hogCanvas: 'Pesos de las celdas y orientaciones HOG sobre el dibujo HOG',
      hogImage: 'Imagen sobre la que se calculó el HOG',
      gradcamSize: 'Mapas de la capa: {width}×{height} (por eso el mapa es grueso).',
      smoothgradUsed: 'Promedio de {samples} copias con ruido de σ = {noise} del rango de la imagen.',
      occlusionUsed: 'Cuadrado de {patch}×{patch} píxeles cada {stride} píxeles: {copies} copias clasificadas de una vez.',
      hogLegend:
        'Cada celda se colorea por su peso total para la clase. Las líneas de cada celda son sus orientaciones: naranja si esos bordes hablan a favor de la clase, azul si en contra; cuanto más larga, más pesa.',
      bins: 'Peso de cada orientación (sumado sobre las celdas)',
      bin: '{from}°–{to}°',
      methods: {
        gradcam: {
          name: 'Grad-CAM (capa convolucional)',
          explain:
            'Pondera los mapas de una capa convolucional por cuánto sube la puntuación de la clase con cada uno (el promedio de su gradiente) y se queda con lo positivo. Señala regiones, no píxeles: es tan grueso como los mapas de esa capa; la última capa ve más lejos pero con menos detalle.',
        },
        gradient: {
          name: 'Gradiente de la entrada',
          explain:
            "Cuánto cambiaría la puntuación de la clase si cambiara un poco cada píxel ({'|'}∂ puntuación / ∂ píxel{'|'}). Es fino, píxel a píxel, pero ruidoso: el gradiente de una red entrenada salta de un píxel a otro, y un píxel sensible no es necesariamente un píxel importante.",
        },
        smoothgrad: {
          name: 'SmoothGrad',
          explain:
            'El gradiente de la entrada promediado sobre varias copias de la imagen con ruido aleatorio (con semilla, así se repite): conserva lo estable y borra el ruido. Más claro que el gradiente solo, pero hereda sus límites.',
        },
        occlusion: {
          name: 'Oclusión',
          explain:
            'Tapa un cuadrado de la imagen con su valor medio, vuelve a clasificarla y mide cuánto baja la probabilidad de la clase; desliza el cuadrado por toda la imagen. No usa gradientes, así que sirve para cualquier modelo y es la comprobación independiente de los otros métodos. Es lento (una predicción por posición) y no ve lo que solo importa junto con otra parte tapada a la vez.',
        },
        hogCells: {
          name: 'Celdas y orientaciones HOG',
          explain:
            'Para un modelo sobre características HOG: gradiente por entrada de la puntuación de la clase en cada característica, sumado por celda y por orientación. En un modelo lineal es exactamente lo que cada característica aporta (peso × valor); en un MLP es una aproximación de primer orden. Con escalado z, se compara con la imagen media del entrenamiento.',
        },
      },
    },
    errors: {
      'saliency-needs-conv':
        'Grad-CAM lee los mapas de una capa convolucional, y este modelo no tiene ninguna (es un MLP). Usa el gradiente de la entrada, SmoothGrad o la oclusión.',
      'saliency-needs-pixels':
        'El modelo de esta ejecución recibe características HOG, no píxeles, así que no existe un gradiente sobre los píxeles. Usa los pesos de las celdas HOG o la oclusión.',
      'saliency-needs-hog':
        'Los pesos de las celdas HOG solo existen en ejecuciones entrenadas con HOG; esta recibe píxeles. Usa el gradiente de la entrada, Grad-CAM o la oclusión.',
      'saliency-needs-image': 'Esta ejecución se entrenó con columnas de una tabla: los mapas de saliencia se dibujan sobre imágenes.',
      'saliency-regression':
        'Esta ejecución predice un número (regresión), no una clase: los mapas de saliencia explican la puntuación de una clase.',
      'saliency-bad-class': 'No existe la clase número {class}: la ejecución tiene {total} clases. Elige una de ellas.',
      'saliency-not-a-chain':
        'La capa «{layer}» no recibe la salida de la capa anterior (el modelo tiene ramas), así que sus mapas de saliencia no se pueden calcular capa a capa. La oclusión sí funciona: solo pide predicciones al modelo.',
      'saliency-patch-too-large':
        'Un cuadrado de oclusión de {patch} píxeles no cabe en la imagen de {width}×{height} que ve el modelo. Usa un cuadrado de {largest} píxeles como mucho.',
    },
  },
  pt: {
    saliency: {
      title: 'Para onde a rede olha?',
      intro:
        'Um mapa de saliência colore as partes da imagem das quais depende a pontuação de uma classe. Ele não prova o que a rede «entende»: compare dois métodos diferentes antes de tirar conclusões.',
      method: 'Método',
      target: 'Classe explicada',
      predicted: '{label} (a prevista)',
      layer: 'Camada convolucional',
      layerOption: '{n}: {name}',
      opacity: 'Opacidade do mapa',
      low: 'baixo',
      high: 'alto',
      legend: 'Escala de cor: de {low} (pouca influência) a {high} (muita)',
      range: 'Valores do mapa: de {min} a {max}',
      computing: 'Calculando o mapa…',
      explained: 'Explica a classe {label} (probabilidade {probability}).',
      open: 'Ver para onde a rede olha',
      pickSample: 'Clique numa imagem para ver para onde a rede olha.',
      canvas: 'Mapa de saliência sobre a imagem',
      hogCanvas: 'Pesos das células e orientações HOG sobre o desenho HOG',
      hogImage: 'Imagem sobre a qual o HOG foi calculado',
      gradcamSize: 'Mapas da camada: {width}×{height} (por isso o mapa é grosseiro).',
      smoothgradUsed: 'Média de {samples} cópias com ruído de σ = {noise} da faixa da imagem.',
      occlusionUsed: 'Quadrado de {patch}×{patch} pixels a cada {stride} pixels: {copies} cópias classificadas de uma vez.',
      hogLegend:
        'Cada célula é colorida pelo seu peso total para a classe. As linhas de cada célula são suas orientações: laranja se essas bordas falam a favor da classe, azul se contra; quanto mais longa, mais pesa.',
      bins: 'Peso de cada orientação (somado sobre as células)',
      bin: '{from}°–{to}°',
      methods: {
        gradcam: {
          name: 'Grad-CAM (camada convolucional)',
          explain:
            'Pondera os mapas de uma camada convolucional por quanto a pontuação da classe sobe com cada um (a média do seu gradiente) e fica com o positivo. Aponta regiões, não pixels: é tão grosseiro quanto os mapas dessa camada; a última camada vê mais longe, mas com menos detalhe.',
        },
        gradient: {
          name: 'Gradiente da entrada',
          explain:
            "Quanto a pontuação da classe mudaria se cada pixel mudasse um pouco ({'|'}∂ pontuação / ∂ pixel{'|'}). É fino, pixel a pixel, mas ruidoso: o gradiente de uma rede treinada salta de um pixel para outro, e um pixel sensível não é necessariamente um pixel importante.",
        },
        smoothgrad: {
          name: 'SmoothGrad',
          explain:
            'O gradiente da entrada promediado sobre várias cópias da imagem com ruído aleatório (com semente, então se repete): conserva o que é estável e apaga o ruído. Mais claro que o gradiente sozinho, mas herda seus limites.',
        },
        occlusion: {
          name: 'Oclusão',
          explain:
            'Cobre um quadrado da imagem com seu valor médio, classifica-a de novo e mede quanto cai a probabilidade da classe; desliza o quadrado pela imagem inteira. Não usa gradientes, então serve para qualquer modelo e é a verificação independente dos outros métodos. É lento (uma previsão por posição) e não vê o que só importa junto com outra parte coberta ao mesmo tempo.',
        },
        hogCells: {
          name: 'Células e orientações HOG',
          explain:
            'Para um modelo sobre características HOG: gradiente vezes entrada da pontuação da classe em cada característica, somado por célula e por orientação. Num modelo linear é exatamente o que cada característica contribui (peso × valor); num MLP é uma aproximação de primeira ordem. Com escalonamento z, compara-se com a imagem média do treinamento.',
        },
      },
    },
    errors: {
      'saliency-needs-conv':
        'O Grad-CAM lê os mapas de uma camada convolucional, e este modelo não tem nenhuma (é um MLP). Use o gradiente da entrada, o SmoothGrad ou a oclusão.',
      'saliency-needs-pixels':
        'O modelo desta execução recebe características HOG, não pixels, então não existe um gradiente sobre os pixels. Use os pesos das células HOG ou a oclusão.',
      'saliency-needs-hog':
        'Os pesos das células HOG só existem em execuções treinadas com HOG; esta recebe pixels. Use o gradiente da entrada, o Grad-CAM ou a oclusão.',
      'saliency-needs-image': 'Esta execução foi treinada com colunas de uma tabela: os mapas de saliência são desenhados sobre imagens.',
      'saliency-regression':
        'Esta execução prevê um número (regressão), não uma classe: os mapas de saliência explicam a pontuação de uma classe.',
      'saliency-bad-class': 'Não existe a classe número {class}: a execução tem {total} classes. Escolha uma delas.',
      'saliency-not-a-chain':
        'A camada «{layer}» não recebe a saída da camada anterior (o modelo tem ramificações), então seus mapas de saliência não podem ser calculados camada a camada. A oclusão funciona: ela só pede previsões ao modelo.',
      'saliency-patch-too-large':
        'Um quadrado de oclusão de {patch} pixels não cabe na imagem de {width}×{height} que o modelo vê. Use um quadrado de no máximo {largest} pixels.',
    },
  },
  en: {
    saliency: {
      title: 'Where does the network look?',
      intro:
        'A saliency map colours the parts of the image a class score depends on. It does not prove what the network "understands": compare two different methods before drawing conclusions.',
      method: 'Method',
      target: 'Class explained',
      predicted: '{label} (the predicted one)',
      layer: 'Conv layer',
      layerOption: '{n}: {name}',
      opacity: 'Map opacity',
      low: 'low',
      high: 'high',
      legend: 'Colour scale: from {low} (little influence) to {high} (much)',
      range: 'Map values: from {min} to {max}',
      computing: 'Computing the map…',
      explained: 'Explains class {label} (probability {probability}).',
      open: 'See where the network looks',
      pickSample: 'Click an image to see where the network looks.',
      canvas: 'Saliency map over the image',
      hogCanvas: 'HOG cell and orientation weights over the HOG picture',
      hogImage: 'The image HOG was computed on',
      gradcamSize: "The layer's maps: {width}×{height} (which is why the map is coarse).",
      smoothgradUsed: "Mean of {samples} copies with noise of σ = {noise} of the image's range.",
      occlusionUsed: 'A {patch}×{patch}-pixel square every {stride} pixels: {copies} copies classified at once.',
      hogLegend:
        'Each cell is coloured by its total weight for the class. The lines of a cell are its orientations: orange when those edges speak for the class, blue when against; the longer, the more it weighs.',
      bins: 'Weight of each orientation (summed over the cells)',
      bin: '{from}°–{to}°',
      methods: {
        gradcam: {
          name: 'Grad-CAM (conv layer)',
          explain:
            "Weighs a conv layer's maps by how much the class score rises with each (the mean of its gradient) and keeps the positive part. It points at regions, not pixels: it is as coarse as that layer's maps; the last layer sees farther but with less detail.",
        },
        gradient: {
          name: 'Input gradient',
          explain:
            "How much the class score would change if each pixel changed a little ({'|'}∂ score / ∂ pixel{'|'}). Fine-grained, pixel by pixel, but noisy: a trained network's gradient jumps from pixel to pixel, and a sensitive pixel is not necessarily an important one.",
        },
        smoothgrad: {
          name: 'SmoothGrad',
          explain:
            'The input gradient averaged over several copies of the image with random noise (seeded, so it repeats): it keeps what is stable and washes out the noise. Clearer than the gradient alone, but it inherits its limits.',
        },
        occlusion: {
          name: 'Occlusion',
          explain:
            "Covers a square of the image with its mean value, classifies it again and measures how much the class's probability drops; the square slides over the whole image. It uses no gradients, so it works for any model and is the independent check of the other methods. It is slow (one prediction per position) and misses what matters only together with another part covered at the same time.",
        },
        hogCells: {
          name: 'HOG cells and orientations',
          explain:
            "For a model on HOG features: gradient times input of the class score for each feature, summed per cell and per orientation. For a linear model it is exactly what each feature contributes (weight × value); for an MLP a first-order estimate. With z-score scaling it is relative to the training set's average image.",
        },
      },
    },
    errors: {
      'saliency-needs-conv':
        'Grad-CAM reads the maps of a conv layer, and this model has none (it is an MLP). Use the input gradient, SmoothGrad or occlusion.',
      'saliency-needs-pixels':
        "This run's model receives HOG features, not pixels, so there is no gradient over pixels. Use the HOG-cell weights or occlusion.",
      'saliency-needs-hog':
        'HOG-cell weights exist only for runs trained on HOG features; this one receives pixels. Use the input gradient, Grad-CAM or occlusion.',
      'saliency-needs-image': 'This run was trained on table columns: saliency maps are drawn over images.',
      'saliency-regression': 'This run predicts a number (regression), not a class: saliency maps explain the score of a class.',
      'saliency-bad-class': 'There is no class number {class}: the run has {total} classes. Choose one of them.',
      'saliency-not-a-chain':
        'The layer "{layer}" does not take the output of the layer before it (the model has branches), so its saliency maps cannot be computed layer by layer. Occlusion still works: it only asks the model for predictions.',
      'saliency-patch-too-large':
        'An occlusion square of {patch} pixels does not fit in the {width}×{height} image the model sees. Use a square of at most {largest} pixels.',
    },
  },
};
