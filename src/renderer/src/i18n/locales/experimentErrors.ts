/**
 * Translations of the error codes of the experiment pipeline (src/main/core/experiment); `{param}` placeholders
 * come from each SinapsisError's params.
 */
export const experimentErrors = {
  es: {
    errors: {
      'features-wrong-kind':
        'Las características «{features}» no se aplican a este conjunto ({dataset}): usa HOG o píxeles para imágenes, y las columnas numéricas para tablas.',
      'features-none':
        'No se pudo calcular HOG para ninguna imagen ({failures} fallaron). Revisa el tamaño y las celdas en Características.',
      'pixels-size-mismatch':
        '{file} mide {width}×{height}, pero las demás imágenes miden {expectedWidth}×{expectedHeight}: los píxeles como características necesitan un solo tamaño. Elige un redimensionado en Entrenamiento.',
      'experiment-cancelled': 'El experimento se detuvo antes de empezar a entrenar; no se escribió ninguna ejecución.',
      'run-no-inspection':
        'La ejecución «{runId}» no tiene inspección guardada: es de una versión anterior o se interrumpió antes de escribirla.',
      'augmentation-needs-images':
        'El aumento de datos transforma imágenes y este conjunto es una tabla. Desactívalo en Datos para entrenar con él.',
      'run-no-predictions':
        'La ejecución «{runId}» no tiene predicciones guardadas: se interrumpió antes de evaluar o es de una versión anterior. Entrénala de nuevo para verlas.',
    },
  },
  pt: {
    errors: {
      'features-wrong-kind':
        'As características «{features}» não se aplicam a este conjunto ({dataset}): use HOG ou pixels para imagens, e as colunas numéricas para tabelas.',
      'features-none':
        'Não foi possível calcular HOG para nenhuma imagem ({failures} falharam). Verifique o tamanho e as células em Características.',
      'pixels-size-mismatch':
        '{file} mede {width}×{height}, mas as outras imagens medem {expectedWidth}×{expectedHeight}: pixels como características precisam de um só tamanho. Escolha um redimensionamento em Treinamento.',
      'experiment-cancelled': 'O experimento parou antes de começar a treinar; nenhuma execução foi gravada.',
      'run-no-inspection': 'A execução «{runId}» não tem inspeção gravada: é de uma versão anterior ou foi interrompida antes de gravá-la.',
      'augmentation-needs-images':
        'O aumento de dados transforma imagens e este conjunto é uma tabela. Desative-o em Dados para treinar com ele.',
      'run-no-predictions':
        'A execução «{runId}» não tem predições gravadas: foi interrompida antes da avaliação ou é de uma versão anterior. Treine-a de novo para vê-las.',
    },
  },
  en: {
    errors: {
      'features-wrong-kind':
        '"{features}" features do not apply to this dataset ({dataset}): use HOG or pixels for images, and the numeric columns for tables.',
      'features-none': 'HOG could not be computed for any image ({failures} failed). Check the resize and cell settings in Features.',
      'pixels-size-mismatch':
        '{file} is {width}×{height}, but the other images are {expectedWidth}×{expectedHeight}: raw-pixel features need one size. Choose a resize in Training.',
      'experiment-cancelled': 'The experiment stopped before training started; no run was written.',
      'run-no-inspection': 'Run "{runId}" has no saved inspection: it is from an older version or was interrupted before writing it.',
      'augmentation-needs-images': 'Data augmentation transforms images, and this dataset is a table. Turn it off in Data to train on it.',
      'run-no-predictions':
        'Run "{runId}" has no saved predictions: it was interrupted before evaluation, or made by an older version. Train it again to see them.',
    },
  },
};
