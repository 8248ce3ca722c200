/** Strings of the models that leave Sinapsis (Exportar modelo) and of classifying a whole folder, and their errors. */
export const modelExport = {
  es: {
    report: {
      files: {
        names: {
          'export-tfjs': 'el modelo exportado (TensorFlow.js) en un .zip',
          'export-onnx': 'el modelo exportado (ONNX) en un .zip',
          'export-pytorch': 'el modelo exportado (PyTorch) en un .zip',
          'folder-predictions': 'la última clasificación de una carpeta, una fila por imagen',
        },
      },
    },
    modelExport: {
      title: 'Exportar modelo',
      intro:
        'Lleva el modelo entrenado a otra aplicación o a un cuaderno de Python. Cada exportación es una carpeta (y un .zip) con el modelo, el preprocesamiento de la ejecución y un README con un ejemplo que se puede ejecutar.',
      format: 'Formato',
      formats: {
        tfjs: 'TensorFlow.js estándar',
        onnx: 'ONNX',
        pytorch: 'PyTorch (model.py + predict.py)',
      },
      hints: {
        tfjs: 'Solo capas estándar: lo carga tf.loadLayersModel en el navegador o en Node sin código de Sinapsis.',
        onnx: 'Un archivo .onnx (opset 13) con el escalado incluido, para ONNX Runtime, Netron u otras aplicaciones.',
        pytorch:
          'Un nn.Module con las mismas capas, sus pesos en NumPy y predict.py, que preprocesa las imágenes con OpenCV y scikit-image como esta ejecución.',
      },
      submit: 'Exportar',
      exporting: 'Exportando…',
      done: 'Exportado en {dir}',
      download: 'Descargar {name}',
      file: '{name} ({size})',
    },
    folderPredict: {
      title: 'Clasificar una carpeta',
      intro:
        'Clasifica todas las imágenes de una carpeta (también sus subcarpetas) con el modelo de esta ejecución. Si la carpeta tiene una subcarpeta por clase, se compara con la clase real.',
      path: 'Ruta de la carpeta',
      pathPlaceholder: '/home/estudiante/imagenes-nuevas',
      submit: 'Clasificar',
      cancel: 'Cancelar',
      progress: '{done} de {total} imágenes',
      cancelled: 'Clasificación cancelada.',
      summary: 'Imágenes clasificadas: {count}',
      accuracy: 'Exactitud frente a las subcarpetas: {accuracy} ({correct} de {total})',
      problems: 'Archivos omitidos: {count}',
      columns: {
        file: 'Archivo',
        predicted: 'Clase predicha',
        probability: 'Probabilidad',
        top: 'Más probables',
        trueClass: 'Clase real',
      },
      matrix: 'Matriz de confusión (filas: clase real, columnas: predicha)',
      downloadCsv: 'Descargar CSV',
      more: 'Se muestran las primeras {shown} de {total} filas; el CSV las tiene todas.',
    },
    errors: {
      'export-layer-unsupported': 'La capa {layer} ({type}) no se puede exportar: no es un tipo de capa que Sinapsis construya.',
      'export-shape-unsupported':
        'La capa {layer} no se puede exportar: su forma {shape} no es [características] ni [alto, ancho, canales].',
      'export-activation-unsupported':
        'La capa {layer} no se puede exportar: la activación «{activation}» no tiene equivalente en los formatos de exportación.',
      'export-layer-layout': 'La capa {layer} no se puede exportar: espera imágenes con los canales al final y una sola entrada y salida.',
      'export-dense-on-image':
        'La capa {layer} no se puede exportar: una capa densa sobre una imagen necesita antes una capa de aplanado (flatten).',
      'export-batchnorm-unsupported':
        'La capa {layer} no se puede exportar: la normalización por lotes debe normalizar los canales y tener escala y desplazamiento.',
      'export-prelu-shared': 'La capa {layer} no se puede exportar: sus pendientes PReLU no son una por canal (o por neurona).',
      'export-tfjs-activation':
        'La capa {layer} usa {activation}, que TensorFlow.js no tiene como capa estándar (ni se puede construir exactamente con capas estándar). Exporta este modelo como ONNX o PyTorch, o entrénalo con otra activación.',
      'export-out-not-folder': '{path} es un archivo: indica una carpeta (nueva o con una exportación anterior).',
      'folder-predict-not-folder': '{path} no es una carpeta que se pueda leer. Elige una carpeta con imágenes.',
      'folder-predict-empty': 'La carpeta {path} no tiene ninguna imagen que se pueda clasificar.',
      'folder-predict-table-run':
        'Esta ejecución se entrenó con las columnas de una tabla: clasifica una carpeta con una ejecución entrenada con imágenes.',
      'folder-predict-cancelled': 'Clasificación cancelada.',
    },
  },
  pt: {
    report: {
      files: {
        names: {
          'export-tfjs': 'o modelo exportado (TensorFlow.js) num .zip',
          'export-onnx': 'o modelo exportado (ONNX) num .zip',
          'export-pytorch': 'o modelo exportado (PyTorch) num .zip',
          'folder-predictions': 'a última classificação de uma pasta, uma linha por imagem',
        },
      },
    },
    modelExport: {
      title: 'Exportar modelo',
      intro:
        'Leve o modelo treinado para outro aplicativo ou para um notebook Python. Cada exportação é uma pasta (e um .zip) com o modelo, o pré-processamento da execução e um README com um exemplo executável.',
      format: 'Formato',
      formats: {
        tfjs: 'TensorFlow.js padrão',
        onnx: 'ONNX',
        pytorch: 'PyTorch (model.py + predict.py)',
      },
      hints: {
        tfjs: 'Só camadas padrão: tf.loadLayersModel o carrega no navegador ou no Node sem código do Sinapsis.',
        onnx: 'Um arquivo .onnx (opset 13) com a normalização incluída, para ONNX Runtime, Netron ou outros aplicativos.',
        pytorch:
          'Um nn.Module com as mesmas camadas, seus pesos em NumPy e predict.py, que pré-processa as imagens com OpenCV e scikit-image como esta execução.',
      },
      submit: 'Exportar',
      exporting: 'Exportando…',
      done: 'Exportado em {dir}',
      download: 'Baixar {name}',
      file: '{name} ({size})',
    },
    folderPredict: {
      title: 'Classificar uma pasta',
      intro:
        'Classifica todas as imagens de uma pasta (também das subpastas) com o modelo desta execução. Se a pasta tiver uma subpasta por classe, compara com a classe real.',
      path: 'Caminho da pasta',
      pathPlaceholder: '/home/estudante/imagens-novas',
      submit: 'Classificar',
      cancel: 'Cancelar',
      progress: '{done} de {total} imagens',
      cancelled: 'Classificação cancelada.',
      summary: 'Imagens classificadas: {count}',
      accuracy: 'Acurácia em relação às subpastas: {accuracy} ({correct} de {total})',
      problems: 'Arquivos ignorados: {count}',
      columns: {
        file: 'Arquivo',
        predicted: 'Classe prevista',
        probability: 'Probabilidade',
        top: 'Mais prováveis',
        trueClass: 'Classe real',
      },
      matrix: 'Matriz de confusão (linhas: classe real, colunas: prevista)',
      downloadCsv: 'Baixar CSV',
      more: 'Mostrando as primeiras {shown} de {total} linhas; o CSV tem todas.',
    },
    errors: {
      'export-layer-unsupported': 'A camada {layer} ({type}) não pode ser exportada: não é um tipo de camada que o Sinapsis construa.',
      'export-shape-unsupported':
        'A camada {layer} não pode ser exportada: sua forma {shape} não é [características] nem [altura, largura, canais].',
      'export-activation-unsupported':
        'A camada {layer} não pode ser exportada: a ativação «{activation}» não tem equivalente nos formatos de exportação.',
      'export-layer-layout': 'A camada {layer} não pode ser exportada: espera imagens com os canais no fim e uma só entrada e saída.',
      'export-dense-on-image':
        'A camada {layer} não pode ser exportada: uma camada densa sobre uma imagem precisa antes de uma camada de achatamento (flatten).',
      'export-batchnorm-unsupported':
        'A camada {layer} não pode ser exportada: a normalização em lote deve normalizar os canais e ter escala e deslocamento.',
      'export-prelu-shared': 'A camada {layer} não pode ser exportada: suas inclinações PReLU não são uma por canal (ou por neurônio).',
      'export-tfjs-activation':
        'A camada {layer} usa {activation}, que o TensorFlow.js não tem como camada padrão (nem se pode construir exatamente com camadas padrão). Exporte este modelo como ONNX ou PyTorch, ou treine-o com outra ativação.',
      'export-out-not-folder': '{path} é um arquivo: indique uma pasta (nova ou com uma exportação anterior).',
      'folder-predict-not-folder': '{path} não é uma pasta legível. Escolha uma pasta com imagens.',
      'folder-predict-empty': 'A pasta {path} não tem nenhuma imagem que possa ser classificada.',
      'folder-predict-table-run':
        'Esta execução foi treinada com as colunas de uma tabela: classifique uma pasta com uma execução treinada com imagens.',
      'folder-predict-cancelled': 'Classificação cancelada.',
    },
  },
  en: {
    report: {
      files: {
        names: {
          'export-tfjs': 'the exported model (TensorFlow.js) as a .zip',
          'export-onnx': 'the exported model (ONNX) as a .zip',
          'export-pytorch': 'the exported model (PyTorch) as a .zip',
          'folder-predictions': 'the last folder classification, one row per image',
        },
      },
    },
    modelExport: {
      title: 'Export model',
      intro:
        "Take the trained model to another application or to a Python notebook. Each export is a folder (and a .zip) with the model, the run's preprocessing and a README with a runnable example.",
      format: 'Format',
      formats: {
        tfjs: 'Standard TensorFlow.js',
        onnx: 'ONNX',
        pytorch: 'PyTorch (model.py + predict.py)',
      },
      hints: {
        tfjs: 'Standard layers only: tf.loadLayersModel loads it in the browser or in Node without Sinapsis code.',
        onnx: 'One .onnx file (opset 13) with the scaling included, for ONNX Runtime, Netron or other applications.',
        pytorch:
          'An nn.Module with the same layers, its weights as NumPy arrays and predict.py, which preprocesses images with OpenCV and scikit-image as this run did.',
      },
      submit: 'Export',
      exporting: 'Exporting…',
      done: 'Exported to {dir}',
      download: 'Download {name}',
      file: '{name} ({size})',
    },
    folderPredict: {
      title: 'Classify a folder',
      intro:
        "Classifies every image of a folder (subfolders too) with this run's model. When the folder has one subfolder per class, the true class is compared.",
      path: 'Folder path',
      pathPlaceholder: '/home/student/new-images',
      submit: 'Classify',
      cancel: 'Cancel',
      progress: '{done} of {total} images',
      cancelled: 'Classification cancelled.',
      summary: 'Images classified: {count}',
      accuracy: 'Accuracy against the subfolders: {accuracy} ({correct} of {total})',
      problems: 'Files skipped: {count}',
      columns: {
        file: 'File',
        predicted: 'Predicted class',
        probability: 'Probability',
        top: 'Most probable',
        trueClass: 'True class',
      },
      matrix: 'Confusion matrix (rows: true class, columns: predicted)',
      downloadCsv: 'Download CSV',
      more: 'Showing the first {shown} of {total} rows; the CSV has them all.',
    },
    errors: {
      'export-layer-unsupported': 'Layer {layer} ({type}) cannot be exported: it is not a layer type Sinapsis builds.',
      'export-shape-unsupported':
        'Layer {layer} cannot be exported: its shape {shape} is neither [features] nor [height, width, channels].',
      'export-activation-unsupported':
        'Layer {layer} cannot be exported: activation "{activation}" has no equivalent in the export formats.',
      'export-layer-layout': 'Layer {layer} cannot be exported: it expects channels-last images and one input and output.',
      'export-dense-on-image': 'Layer {layer} cannot be exported: a dense layer on an image needs a flatten layer before it.',
      'export-batchnorm-unsupported':
        'Layer {layer} cannot be exported: batch normalization must normalize the channels and have both scale and centre.',
      'export-prelu-shared': 'Layer {layer} cannot be exported: its PReLU slopes are not one per channel (or per neuron).',
      'export-tfjs-activation':
        'Layer {layer} uses {activation}, which TensorFlow.js has no standard layer for (and no exact construction from standard layers). Export this model as ONNX or PyTorch, or train it with another activation.',
      'export-out-not-folder': '{path} is a file: give a folder (new, or one holding an earlier export).',
      'folder-predict-not-folder': '{path} is not a folder that can be read. Choose a folder of images.',
      'folder-predict-empty': 'The folder {path} has no image that can be classified.',
      'folder-predict-table-run': 'This run was trained on table columns: classify a folder with a run trained on images.',
      'folder-predict-cancelled': 'Classification cancelled.',
    },
  },
};
