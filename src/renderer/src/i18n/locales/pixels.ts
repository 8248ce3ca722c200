/** Strings of raw-pixel features: colour mode, pixel size, resize mode, and what a preset changed to fit the data. */
export const pixels = {
  es: {
    data: {
      summary: { downscaled: '{count} imágenes grandes se redujeron al cargarlas a {side} píxeles en su lado mayor (los tamaños de arriba son los reducidos).' },
      problems: {
        code: { 'too-small': 'diminuta' },
        why: { 'too-small': 'solo {width}×{height} píxeles: se cargó, pero casi no muestra nada; comprueba que sea la imagen que querías (hacen falta al menos {minimum}×{minimum} para ver una forma)' },
      },
    },
    errors: { 'scaling-needs-pixels': 'El escalado por canal de color solo se aplica a píxeles; para HOG y columnas de tabla elige z-score o min-max en Entrenamiento.' },
    inference: { conv: { filterRgb: 'Filtro {n} en color', rgbNote: 'La entrada es en color: cada filtro se dibuja como un cuadrado RGB (sus pesos del rojo, el verde y el azul en una misma escala); un filtro que responde a un tono se ve de ese tono.' } },
    pixels: {
      mix: {
        grey: 'Ninguna imagen tiene color: los píxeles se usarán en gris (1 canal).',
        colour: 'Las imágenes tienen color: los píxeles en modo automático se usarán en RGB (3 canales). HOG usa gris.',
        mixed: '{colour} imágenes tienen color y {grey} son grises: en modo automático se entrenará en RGB y cada imagen gris tendrá su gris en los tres canales. Elige «Gris» en Modelo si el color no importa.',
      },
      colorMode: 'Color',
      mode: { auto: 'Automático ({resolved})', rgb: 'Color (RGB, 3 canales)', grayscale: 'Gris (1 canal)' },
      channels: { grey: 'gris: ninguna imagen tiene color', rgb: 'RGB: hay imágenes en color' },
      size: 'Tamaño (ancho × alto)',
      width: 'Ancho en píxeles',
      height: 'Alto en píxeles',
      suggest: 'Sugerir {width}×{height}',
      medianHint: 'Tamaño mediano de las imágenes: {width}×{height}.',
      resizeMode: 'Ajuste',
      resize: { stretch: 'Estirar', crop: 'Recortar al centro', pad: 'Rellenar (sin deformar)' },
      resizeHint: {
        stretch: 'Estirar cambia la proporción si la imagen no tiene la del tamaño elegido (como cv2.resize).',
        crop: 'Recortar conserva la proporción y quita los bordes que sobran.',
        pad: 'Rellenar conserva la imagen entera y completa con el color de su borde.',
      },
    },
    model: { presets: { changed: { input: 'la entrada pasa de {from} a {to} para coincidir con las características', output: 'la salida pasa de {from} a {to} neuronas, una por clase' } } },
  },
  pt: {
    data: {
      summary: { downscaled: '{count} imagens grandes foram reduzidas ao carregar para {side} pixels no lado maior (os tamanhos acima são os reduzidos).' },
      problems: {
        code: { 'too-small': 'minúscula' },
        why: { 'too-small': 'só {width}×{height} pixels: foi carregada, mas quase não mostra nada; confira se é a imagem que você queria (são precisos pelo menos {minimum}×{minimum} para ver uma forma)' },
      },
    },
    errors: { 'scaling-needs-pixels': 'A escala por canal de cor só se aplica a pixels; para HOG e colunas de tabela escolha z-score ou min-max em Treinamento.' },
    inference: { conv: { filterRgb: 'Filtro {n} em cor', rgbNote: 'A entrada é colorida: cada filtro é desenhado como um quadrado RGB (seus pesos do vermelho, do verde e do azul numa mesma escala); um filtro que responde a um tom aparece nesse tom.' } },
    pixels: {
      mix: {
        grey: 'Nenhuma imagem tem cor: os pixels serão usados em cinza (1 canal).',
        colour: 'As imagens têm cor: os pixels no modo automático serão usados em RGB (3 canais). HOG usa cinza.',
        mixed: '{colour} imagens têm cor e {grey} são cinza: no modo automático o treino será em RGB e cada imagem cinza terá seu cinza nos três canais. Escolha «Cinza» em Modelo se a cor não importar.',
      },
      colorMode: 'Cor',
      mode: { auto: 'Automático ({resolved})', rgb: 'Cor (RGB, 3 canais)', grayscale: 'Cinza (1 canal)' },
      channels: { grey: 'cinza: nenhuma imagem tem cor', rgb: 'RGB: há imagens coloridas' },
      size: 'Tamanho (largura × altura)',
      width: 'Largura em pixels',
      height: 'Altura em pixels',
      suggest: 'Sugerir {width}×{height}',
      medianHint: 'Tamanho mediano das imagens: {width}×{height}.',
      resizeMode: 'Ajuste',
      resize: { stretch: 'Esticar', crop: 'Recortar no centro', pad: 'Preencher (sem deformar)' },
      resizeHint: {
        stretch: 'Esticar muda a proporção se a imagem não tiver a do tamanho escolhido (como cv2.resize).',
        crop: 'Recortar mantém a proporção e tira as bordas que sobram.',
        pad: 'Preencher mantém a imagem inteira e completa com a cor da sua borda.',
      },
    },
    model: { presets: { changed: { input: 'a entrada passa de {from} para {to} para coincidir com as características', output: 'a saída passa de {from} para {to} neurônios, um por classe' } } },
  },
  en: {
    data: {
      summary: { downscaled: '{count} large images were shrunk on loading to {side} pixels on their longer side (the sizes above are after it).' },
      problems: {
        code: { 'too-small': 'tiny' },
        why: { 'too-small': 'only {width}×{height} pixels: loaded, but it shows almost nothing; check it is the picture you meant (at least {minimum}×{minimum} is needed to show a shape)' },
      },
    },
    errors: { 'scaling-needs-pixels': 'Scaling per colour channel applies to raw pixels only; for HOG and table columns choose z-score or min-max in Training.' },
    inference: { conv: { filterRgb: 'Filter {n} in colour', rgbNote: 'The input is in colour: each filter is drawn as one RGB square (its red, green and blue weights on one scale); a filter that responds to a hue shows that hue.' } },
    pixels: {
      mix: {
        grey: 'No image has colour: pixels will be used in grey (1 channel).',
        colour: 'The images have colour: pixels in automatic mode will be used in RGB (3 channels). HOG uses grey.',
        mixed: '{colour} images have colour and {grey} are grey: automatic mode trains in RGB and each grey image gets its grey in all three channels. Choose "Grey" in Model if colour does not matter.',
      },
      colorMode: 'Colour',
      mode: { auto: 'Automatic ({resolved})', rgb: 'Colour (RGB, 3 channels)', grayscale: 'Grey (1 channel)' },
      channels: { grey: 'grey: no image has colour', rgb: 'RGB: some images have colour' },
      size: 'Size (width × height)',
      width: 'Width in pixels',
      height: 'Height in pixels',
      suggest: 'Suggest {width}×{height}',
      medianHint: 'Median image size: {width}×{height}.',
      resizeMode: 'Fit',
      resize: { stretch: 'Stretch', crop: 'Crop to the centre', pad: 'Pad (no distortion)' },
      resizeHint: {
        stretch: 'Stretching changes the proportions when an image does not have those of the chosen size (as cv2.resize).',
        crop: 'Cropping keeps the proportions and cuts off the edges that do not fit.',
        pad: 'Padding keeps the whole image and fills the rest with its border colour.',
      },
    },
    model: { presets: { changed: { input: 'the input goes from {from} to {to} to match the features', output: 'the output goes from {from} to {to} units, one per class' } } },
  },
};
