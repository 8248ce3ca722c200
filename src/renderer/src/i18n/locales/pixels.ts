/** Strings of raw-pixel features: colour mode, pixel size, resize mode, and what a preset changed to fit the data. */
export const pixels = {
  es: {
    recent: { title: 'Conjuntos recientes', detail: '{images} imágenes, {classes} clases' },
    upload: {
      title: 'Subir desde este ordenador',
      hint: 'Suelta aquí una carpeta con una subcarpeta por clase (o un .zip de ella), o elígela. Las imágenes se copian a tu espacio en el servidor y se abren como cualquier carpeta.',
      drop: 'Suelta aquí la carpeta o el .zip',
      chooseFolder: 'Elegir carpeta…',
      chooseZip: 'Elegir .zip…',
      progress: 'Subiendo {name}: {done} de {total} ({percent})',
      opening: 'Abriendo la carpeta subida…',
      cancel: 'Cancelar la subida',
      cancelled: 'Subida cancelada; el conjunto cargado antes sigue igual.',
      empty: 'No había archivos en lo que soltaste.',
    },
    data: {
      summary: {
        downscaled:
          '{count} imágenes grandes se redujeron al cargarlas a {side} píxeles en su lado mayor (los tamaños de arriba son los reducidos).',
      },
      problems: {
        code: { 'too-small': 'diminuta' },
        why: {
          'too-small':
            'solo {width}×{height} píxeles: se cargó, pero casi no muestra nada; comprueba que sea la imagen que querías (hacen falta al menos {minimum}×{minimum} para ver una forma)',
        },
      },
    },
    errors: {
      'upload-too-large':
        'Estos {files} archivos ocupan {sizeMb} MB, más de los {limitMb} MB que admite una subida. Sube menos imágenes o más pequeñas (las fotos se pueden reducir antes).',
      'upload-bad-path': '«{file}» no es una ruta dentro de la carpeta que se sube; vuelve a subir la carpeta.',
      'upload-bad-chunk': 'Un trozo de «{file}» llegó fuera de lugar; vuelve a subir la carpeta.',
      'upload-unknown': 'Esa subida ya no está en curso (terminó, se canceló o el servidor se reinició). Vuelve a subir la carpeta.',
      'upload-incomplete':
        'La subida se cortó antes del final: {missing} de {total} archivos no llegaron enteros (por ejemplo {file}). No se abrió nada y el conjunto cargado antes sigue igual; vuelve a subir la carpeta.',
      'upload-no-classes':
        '«{name}» tiene {files} archivos y ninguna subcarpeta: parece una sola clase. Suelta la carpeta de arriba, con una subcarpeta por clase (por ejemplo fotos/gatos y fotos/perros), o varias carpetas de clase a la vez.',
      'upload-zip-unsafe':
        'El zip contiene «{file}», una ruta que saldría de la carpeta donde se descomprime (absoluta, con «..» o un enlace). No se descomprimió nada; vuelve a crear el zip desde la carpeta.',
      'upload-zip-too-large':
        'El zip se expande a más de {limitMb} MB (se detuvo en «{file}»), el límite de una subida. No se guardó nada; sube menos imágenes o más pequeñas.',
      'upload-zip-corrupt': 'No se puede descomprimir el zip: {reason}. Vuelve a crearlo o sube la carpeta directamente.',
      'dataset-is-class-folder':
        '«{path}» tiene {files} archivos sueltos y ninguna subcarpeta: parece la carpeta de una sola clase. Abre la carpeta de arriba ({parent}), que debe tener una subcarpeta por clase, o reparte estas imágenes en una subcarpeta por clase.',
      'scaling-needs-pixels':
        'El escalado por canal de color solo se aplica a píxeles; para HOG y columnas de tabla elige z-score o min-max en Entrenamiento.',
    },
    inference: {
      conv: {
        filterRgb: 'Filtro {n} en color',
        rgbNote:
          'La entrada es en color: cada filtro se dibuja como un cuadrado RGB (sus pesos del rojo, el verde y el azul en una misma escala); un filtro que responde a un tono se ve de ese tono.',
      },
    },
    pixels: {
      mix: {
        grey: 'Ninguna imagen tiene color: los píxeles se usarán en gris (1 canal).',
        colour: 'Las imágenes tienen color: los píxeles en modo automático se usarán en RGB (3 canales). HOG usa gris.',
        mixed:
          '{colour} imágenes tienen color y {grey} son grises: en modo automático se entrenará en RGB y cada imagen gris tendrá su gris en los tres canales. Elige «Gris» en Modelo si el color no importa.',
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
    model: {
      presets: {
        changed: {
          input: 'la entrada pasa de {from} a {to} para coincidir con las características',
          output: 'la salida pasa de {from} a {to} neuronas, una por clase',
        },
      },
    },
  },
  pt: {
    recent: { title: 'Conjuntos recentes', detail: '{images} imagens, {classes} classes' },
    upload: {
      title: 'Enviar deste computador',
      hint: 'Solte aqui uma pasta com uma subpasta por classe (ou um .zip dela), ou escolha-a. As imagens são copiadas para o seu espaço no servidor e abertas como qualquer pasta.',
      drop: 'Solte aqui a pasta ou o .zip',
      chooseFolder: 'Escolher pasta…',
      chooseZip: 'Escolher .zip…',
      progress: 'Enviando {name}: {done} de {total} ({percent})',
      opening: 'Abrindo a pasta enviada…',
      cancel: 'Cancelar o envio',
      cancelled: 'Envio cancelado; o conjunto carregado antes continua igual.',
      empty: 'Não havia arquivos no que você soltou.',
    },
    data: {
      summary: {
        downscaled:
          '{count} imagens grandes foram reduzidas ao carregar para {side} pixels no lado maior (os tamanhos acima são os reduzidos).',
      },
      problems: {
        code: { 'too-small': 'minúscula' },
        why: {
          'too-small':
            'só {width}×{height} pixels: foi carregada, mas quase não mostra nada; confira se é a imagem que você queria (são precisos pelo menos {minimum}×{minimum} para ver uma forma)',
        },
      },
    },
    errors: {
      'upload-too-large':
        'Estes {files} arquivos ocupam {sizeMb} MB, mais que os {limitMb} MB que um envio admite. Envie menos imagens ou menores (as fotos podem ser reduzidas antes).',
      'upload-bad-path': '«{file}» não é um caminho dentro da pasta enviada; envie a pasta de novo.',
      'upload-bad-chunk': 'Um pedaço de «{file}» chegou fora de lugar; envie a pasta de novo.',
      'upload-unknown': 'Esse envio não está mais em andamento (terminou, foi cancelado ou o servidor reiniciou). Envie a pasta de novo.',
      'upload-incomplete':
        'O envio parou antes do fim: {missing} de {total} arquivos não chegaram inteiros (por exemplo {file}). Nada foi aberto e o conjunto carregado antes continua igual; envie a pasta de novo.',
      'upload-no-classes':
        '«{name}» tem {files} arquivos e nenhuma subpasta: parece uma só classe. Solte a pasta de cima, com uma subpasta por classe (por exemplo fotos/gatos e fotos/cachorros), ou várias pastas de classe de uma vez.',
      'upload-zip-unsafe':
        'O zip contém «{file}», um caminho que sairia da pasta onde é descompactado (absoluto, com «..» ou um link). Nada foi descompactado; crie o zip de novo a partir da pasta.',
      'upload-zip-too-large':
        'O zip se expande a mais de {limitMb} MB (parou em «{file}»), o limite de um envio. Nada foi guardado; envie menos imagens ou menores.',
      'upload-zip-corrupt': 'Não é possível descompactar o zip: {reason}. Crie-o de novo ou envie a pasta diretamente.',
      'dataset-is-class-folder':
        '«{path}» tem {files} arquivos soltos e nenhuma subpasta: parece a pasta de uma só classe. Abra a pasta de cima ({parent}), que deve ter uma subpasta por classe, ou distribua estas imagens em uma subpasta por classe.',
      'scaling-needs-pixels':
        'A escala por canal de cor só se aplica a pixels; para HOG e colunas de tabela escolha z-score ou min-max em Treinamento.',
    },
    inference: {
      conv: {
        filterRgb: 'Filtro {n} em cor',
        rgbNote:
          'A entrada é colorida: cada filtro é desenhado como um quadrado RGB (seus pesos do vermelho, do verde e do azul numa mesma escala); um filtro que responde a um tom aparece nesse tom.',
      },
    },
    pixels: {
      mix: {
        grey: 'Nenhuma imagem tem cor: os pixels serão usados em cinza (1 canal).',
        colour: 'As imagens têm cor: os pixels no modo automático serão usados em RGB (3 canais). HOG usa cinza.',
        mixed:
          '{colour} imagens têm cor e {grey} são cinza: no modo automático o treino será em RGB e cada imagem cinza terá seu cinza nos três canais. Escolha «Cinza» em Modelo se a cor não importar.',
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
    model: {
      presets: {
        changed: {
          input: 'a entrada passa de {from} para {to} para coincidir com as características',
          output: 'a saída passa de {from} para {to} neurônios, um por classe',
        },
      },
    },
  },
  en: {
    recent: { title: 'Recent datasets', detail: '{images} images, {classes} classes' },
    upload: {
      title: 'Upload from this computer',
      hint: 'Drop a folder with one subfolder per class here (or a .zip of it), or choose it. The images are copied to your space on the server and open like any folder.',
      drop: 'Drop the folder or the .zip here',
      chooseFolder: 'Choose folder…',
      chooseZip: 'Choose .zip…',
      progress: 'Uploading {name}: {done} of {total} ({percent})',
      opening: 'Opening the uploaded folder…',
      cancel: 'Cancel the upload',
      cancelled: 'Upload cancelled; the dataset loaded before is unchanged.',
      empty: 'There were no files in what you dropped.',
    },
    data: {
      summary: {
        downscaled: '{count} large images were shrunk on loading to {side} pixels on their longer side (the sizes above are after it).',
      },
      problems: {
        code: { 'too-small': 'tiny' },
        why: {
          'too-small':
            'only {width}×{height} pixels: loaded, but it shows almost nothing; check it is the picture you meant (at least {minimum}×{minimum} is needed to show a shape)',
        },
      },
    },
    errors: {
      'upload-too-large':
        'These {files} files hold {sizeMb} MB, more than the {limitMb} MB one upload may hold. Upload fewer or smaller images (photos can be shrunk first).',
      'upload-bad-path': '"{file}" is not a path inside the folder being uploaded; upload the folder again.',
      'upload-bad-chunk': 'A piece of "{file}" arrived out of place; upload the folder again.',
      'upload-unknown':
        'That upload is no longer in progress (it finished, was cancelled, or the server restarted). Upload the folder again.',
      'upload-incomplete':
        'The upload stopped before the end: {missing} of {total} files did not arrive whole (e.g. {file}). Nothing was opened and the dataset loaded before is unchanged; upload the folder again.',
      'upload-no-classes':
        '"{name}" holds {files} files and no subfolders: it looks like one class. Drop the folder above it, with one subfolder per class (e.g. fotos/gatos and fotos/perros), or several class folders at once.',
      'upload-zip-unsafe':
        'The zip holds "{file}", a path that would leave the folder it is unpacked into (absolute, with "..", or a link). Nothing was unpacked; make the zip again from the folder.',
      'upload-zip-too-large':
        'The zip expands to more than {limitMb} MB (it stopped at "{file}"), the limit of one upload. Nothing was kept; upload fewer or smaller images.',
      'upload-zip-corrupt': 'The zip cannot be unpacked: {reason}. Make it again, or upload the folder itself.',
      'dataset-is-class-folder':
        '"{path}" holds {files} loose files and no subfolders: it looks like one class\'s folder. Open the folder above it ({parent}), which should have one subfolder per class, or sort these images into one subfolder per class.',
      'scaling-needs-pixels':
        'Scaling per colour channel applies to raw pixels only; for HOG and table columns choose z-score or min-max in Training.',
    },
    inference: {
      conv: {
        filterRgb: 'Filter {n} in colour',
        rgbNote:
          'The input is in colour: each filter is drawn as one RGB square (its red, green and blue weights on one scale); a filter that responds to a hue shows that hue.',
      },
    },
    pixels: {
      mix: {
        grey: 'No image has colour: pixels will be used in grey (1 channel).',
        colour: 'The images have colour: pixels in automatic mode will be used in RGB (3 channels). HOG uses grey.',
        mixed:
          '{colour} images have colour and {grey} are grey: automatic mode trains in RGB and each grey image gets its grey in all three channels. Choose "Grey" in Model if colour does not matter.',
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
    model: {
      presets: {
        changed: {
          input: 'the input goes from {from} to {to} to match the features',
          output: 'the output goes from {from} to {to} units, one per class',
        },
      },
    },
  },
};
