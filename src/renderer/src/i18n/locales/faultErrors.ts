/**
 * Translations of the error codes for too little data, unwritable run files and odd text files (issue 21):
 * the minimum-data rule (core/datasets/minimumData.ts), write failures (core/runs/writeFailure.ts) and CSV
 * decoding (core/datasets/csv), and files that are no regular file (core/runs/readOwnFile.ts, atomicWrite.ts). `{param}` placeholders come from each SinapsisError's params.
 */
export const faultErrors = {
  es: {
    errors: {
      'csv-encoding-invalid':
        '«{path}» empieza con la marca de orden de bytes de {encoding}, pero la línea {line} no es {encoding} válido. Vuelve a guardarlo desde la hoja de cálculo como «CSV UTF-8».',
      'csv-encoding-unknown':
        '«{path}» no es texto UTF-8 ni Windows-1252/Latin-1 (la línea {line} tiene bytes que ninguno de los dos puede leer). Vuelve a guardarlo desde la hoja de cálculo como «CSV UTF-8».',
      'csv-nan-value':
        '«{file}», línea {line}, columna «{column}»: contiene «{value}», es decir NaN («no es un número», como pandas y NumPy escriben un valor que falta). Pon un número o borra esa fila.',
      'csv-infinite-value':
        '«{file}», línea {line}, columna «{column}»: contiene «{value}», un valor infinito. Pon un número o borra esa fila.',
      'csv-value-too-large':
        '«{file}», línea {line}, columna «{column}»: contiene «{value}», un número mayor de lo que cabe en el entrenamiento (±3,4·10³⁸ en coma flotante de 32 bits). Cambia la escala de esa columna (otra unidad o un logaritmo) o corrige la celda.',
      'data-one-class':
        'Solo hay una clase («{className}», {count} muestras) en «{path}». Un clasificador necesita al menos dos: añade muestras de otra clase.',
      'csv-one-class':
        'La columna objetivo de «{path}» tiene una sola clase («{className}», {count} filas). Un clasificador necesita al menos dos: elige otra columna objetivo o trátala como regresión.',
      'data-too-few-samples':
        '«{path}» tiene {samples} muestras: demasiado pocas para dar al menos una a cada parte de la división (se necesitan {needed}). Añade muestras o usa menos partes (por ejemplo, sin validación o con menos pliegues).',
      'data-class-too-small':
        'La clase «{className}» de «{path}» tiene {count} muestras y necesita al menos {needed}: con menos, la división no deja muestras para aprenderla y para evaluarla. Añade muestras de esa clase o quítala.',
      'run-disk-full':
        'No se pudo escribir {path}: el disco está lleno ({reason}). Libera espacio o elige una carpeta de ejecuciones en otro disco (SINAPSIS_RUNS_DIR). El entrenamiento se detuvo y lo ya escrito quedó coherente.',
      'run-read-only':
        'No se puede escribir {path}: el sistema de archivos es de solo lectura ({reason}). Elige una carpeta de ejecuciones en la que se pueda escribir (SINAPSIS_RUNS_DIR); las ejecuciones que ya hay se pueden abrir.',
      'run-permission-denied':
        'No se puede escribir {path}: permiso denegado ({reason}). Elige una carpeta de ejecuciones tuya (SINAPSIS_RUNS_DIR) o pide permiso de escritura.',
      'run-file-unwritable':
        'No se pudo escribir {path} ({reason}). Revisa el disco y la carpeta, o elige otra carpeta de ejecuciones (SINAPSIS_RUNS_DIR).',
      'file-not-regular':
        '{path} no es un archivo común (es una carpeta, un dispositivo, una tubería o un socket), así que no se leyó: una carpeta de ejecución o de modelo solo guarda los archivos que escribió Sinapsis. Quítalo y vuelve a exportar o a entrenar.',
      'run-file-unreadable': 'No se puede leer {path} ({reason}). Revisa sus permisos o vuelve a entrenar la ejecución.',
      'output-not-regular':
        '{path} no es un archivo común (es una carpeta, un dispositivo, una tubería o un socket), así que Sinapsis no escribe encima. Indica la ruta de un archivo nuevo o de uno común que se pueda reemplazar.',
    },
  },
  pt: {
    errors: {
      'csv-encoding-invalid':
        '«{path}» começa com a marca de ordem de bytes de {encoding}, mas a linha {line} não é {encoding} válido. Grave-o de novo na planilha como «CSV UTF-8».',
      'csv-encoding-unknown':
        '«{path}» não é texto UTF-8 nem Windows-1252/Latin-1 (a linha {line} tem bytes que nenhum dos dois lê). Grave-o de novo na planilha como «CSV UTF-8».',
      'csv-nan-value':
        '«{file}», linha {line}, coluna «{column}»: contém «{value}», ou seja NaN («não é um número», como pandas e NumPy escrevem um valor ausente). Coloque um número ou apague essa linha.',
      'csv-infinite-value':
        '«{file}», linha {line}, coluna «{column}»: contém «{value}», um valor infinito. Coloque um número ou apague essa linha.',
      'csv-value-too-large':
        '«{file}», linha {line}, coluna «{column}»: contém «{value}», um número maior do que cabe no treinamento (±3,4·10³⁸ em ponto flutuante de 32 bits). Mude a escala dessa coluna (outra unidade ou um logaritmo) ou corrija a célula.',
      'data-one-class':
        'Há só uma classe («{className}», {count} amostras) em «{path}». Um classificador precisa de pelo menos duas: adicione amostras de outra classe.',
      'csv-one-class':
        'A coluna alvo de «{path}» tem uma só classe («{className}», {count} linhas). Um classificador precisa de pelo menos duas: escolha outra coluna alvo ou trate-a como regressão.',
      'data-too-few-samples':
        '«{path}» tem {samples} amostras: poucas demais para dar pelo menos uma a cada parte da divisão (são necessárias {needed}). Adicione amostras ou use menos partes (por exemplo, sem validação ou com menos dobras).',
      'data-class-too-small':
        'A classe «{className}» de «{path}» tem {count} amostras e precisa de pelo menos {needed}: com menos, a divisão não deixa amostras para aprendê-la e para avaliá-la. Adicione amostras dessa classe ou remova-a.',
      'run-disk-full':
        'Não foi possível gravar {path}: o disco está cheio ({reason}). Libere espaço ou escolha uma pasta de execuções em outro disco (SINAPSIS_RUNS_DIR). O treinamento parou e o que já foi gravado ficou coerente.',
      'run-read-only':
        'Não é possível gravar {path}: o sistema de arquivos é somente leitura ({reason}). Escolha uma pasta de execuções em que se possa gravar (SINAPSIS_RUNS_DIR); as execuções existentes podem ser abertas.',
      'run-permission-denied':
        'Não é possível gravar {path}: permissão negada ({reason}). Escolha uma pasta de execuções sua (SINAPSIS_RUNS_DIR) ou peça permissão de escrita.',
      'run-file-unwritable':
        'Não foi possível gravar {path} ({reason}). Verifique o disco e a pasta, ou escolha outra pasta de execuções (SINAPSIS_RUNS_DIR).',
      'file-not-regular':
        '{path} não é um arquivo comum (é uma pasta, um dispositivo, um pipe ou um socket), por isso não foi lido: uma pasta de execução ou de modelo só guarda os arquivos que o Sinapsis gravou. Remova-o e exporte ou treine de novo.',
      'run-file-unreadable': 'Não é possível ler {path} ({reason}). Verifique as permissões dele ou treine a execução de novo.',
      'output-not-regular':
        '{path} não é um arquivo comum (é uma pasta, um dispositivo, um pipe ou um socket), por isso o Sinapsis não grava por cima. Indique o caminho de um arquivo novo ou de um comum que possa ser substituído.',
    },
  },
  en: {
    errors: {
      'csv-encoding-invalid':
        '"{path}" starts with the byte-order mark of {encoding}, but line {line} is not valid {encoding}. Save it again from the spreadsheet as "CSV UTF-8".',
      'csv-encoding-unknown':
        '"{path}" is neither UTF-8 nor Windows-1252/Latin-1 text (line {line} holds bytes neither can read). Save it again from the spreadsheet as "CSV UTF-8".',
      'csv-nan-value':
        '"{file}", line {line}, column "{column}": holds "{value}", that is NaN ("not a number", how pandas and NumPy write a missing value). Put a number there, or delete that row.',
      'csv-infinite-value':
        '"{file}", line {line}, column "{column}": holds "{value}", an infinite value. Put a number there, or delete that row.',
      'csv-value-too-large':
        '"{file}", line {line}, column "{column}": holds "{value}", a number beyond what training holds (±3.4e38 in 32-bit floats). Rescale that column (another unit or a logarithm) or fix the cell.',
      'data-one-class':
        'There is only one class ("{className}", {count} samples) in "{path}". A classifier needs at least two: add samples of another class.',
      'csv-one-class':
        'The target column of "{path}" holds a single class ("{className}", {count} rows). A classifier needs at least two: choose another target column, or treat it as regression.',
      'data-too-few-samples':
        '"{path}" has {samples} samples: too few to give every part of the split at least one ({needed} needed). Add samples, or use fewer parts (e.g. no validation part, or fewer folds).',
      'data-class-too-small':
        'Class "{className}" of "{path}" has {count} samples and needs at least {needed}: with fewer, the split leaves none to learn it from and to evaluate it on. Add samples of that class, or remove it.',
      'run-disk-full':
        'Could not write {path}: the disk is full ({reason}). Free some space, or choose a runs folder on another disk (SINAPSIS_RUNS_DIR). Training stopped, and what was written is consistent.',
      'run-read-only':
        'Cannot write {path}: the file system is read-only ({reason}). Choose a runs folder you can write to (SINAPSIS_RUNS_DIR); the runs already there can be opened.',
      'run-permission-denied':
        'Cannot write {path}: permission denied ({reason}). Choose a runs folder you own (SINAPSIS_RUNS_DIR), or ask for write access.',
      'run-file-unwritable':
        'Could not write {path} ({reason}). Check the disk and the folder, or choose another runs folder (SINAPSIS_RUNS_DIR).',
      'file-not-regular':
        '{path} is not a regular file (a folder, a device, a pipe or a socket), so it was not read: a run or model folder holds only the files Sinapsis wrote. Remove it and export or train again.',
      'run-file-unreadable': 'Cannot read {path} ({reason}). Check its permissions, or train the run again.',
      'output-not-regular':
        '{path} is not a regular file (a folder, a device, a pipe or a socket), so Sinapsis does not write over it. Give the path of a new file or of an ordinary one to replace.',
    },
  },
};
