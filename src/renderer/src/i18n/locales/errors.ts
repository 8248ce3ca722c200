/** Translations of contract error codes (`SinapsisError.code`); `{param}` placeholders come from the error's params. */
export const errors = {
  es: {
    errors: {
      'pdf-busy':
        'El servidor ya está haciendo un PDF o las imágenes de los gráficos y hay {waiting} más esperando turno; este no se empezó. Vuelve a intentarlo en un minuto.',
      'rate-limited':
        'Demasiadas peticiones seguidas desde esta página (más de {perSecond} por segundo); esta se rechazó. Espera un momento y vuelve a intentarlo.',
      'message-too-deep': 'La petición anida listas u objetos a más de {depth} niveles; se rechazó sin leerla.',
      'message-too-large': 'La petición de {method} ocupa más de {megabytes} MB; no se envió.',
      'server-stopping':
        'Sinapsis se está deteniendo: los entrenamientos en curso se están guardando y no puede empezar ninguna tarea nueva. Vuelve a abrirlo en un momento.',
      'unknown-method': 'La aplicación pidió una operación desconocida ({method}). Actualiza Sinapsis.',
      'invalid-request': 'Un dato enviado no es válido. Revisa los ajustes y vuelve a intentarlo.',
      'invalid-message': 'Mensaje mal formado.',
      'invalid-reply': 'El núcleo envió una respuesta que esta versión no entiende.',
      internal: 'Error inesperado en {method}: {details}',
      'connection-lost': 'Se perdió la conexión con Sinapsis; la operación no terminó. Vuelve a intentarlo.',
      forbidden: 'Operación no permitida.',
      'task-already-running': 'Ya hay una tarea en curso con el identificador {taskId}.',
      'run-not-found': 'No existe la ejecución «{runId}».',
      'run-file-missing': 'Falta {path}: esta carpeta no es una ejecución terminada de Sinapsis.',
      'run-file-corrupt': '{path} está dañado (no es JSON válido). Vuelve a entrenar para regenerarlo.',
      'run-file-invalid': '{path} no tiene el contenido esperado ({field}).',
      'run-newer-version':
        '{path} lo escribió un Sinapsis más nuevo (formato {version}; esta versión lee hasta el {supported}). Actualiza Sinapsis para abrir esta ejecución.',
      'pdf-no-chromium':
        'No se encontró Chromium ni Chrome para imprimir el PDF. Instala uno o define CHROMIUM_PATH; el informe HTML sí se escribió y puede imprimirse desde cualquier navegador.',
      'png-no-chromium':
        'No se encontró Chromium ni Chrome para dibujar los gráficos PNG. Instala uno o define CHROMIUM_PATH; los gráficos SVG sí se escribieron y se abren en cualquier navegador.',
      'run-export-missing': 'Falta {path}. Vuelve a exportar los archivos de la ejecución.',
      'run-file-too-large': '{path} es demasiado grande para descargarlo desde la aplicación; cópialo de la carpeta de la ejecución.',
      'run-file-name': '«{file}» no es un archivo de una carpeta de ejecución.',
      'run-folder-unwritable':
        'No se puede crear la carpeta de la ejecución en {root} ({reason}). Elige una carpeta de ejecuciones en la que se pueda escribir (SINAPSIS_RUNS_DIR) o libera espacio en el disco.',
      'backend-unavailable': 'El backend «{backend}» no está disponible aquí: {reason}. Elige «automático».',
    },
  },
  pt: {
    errors: {
      'pdf-busy':
        'O servidor já está fazendo um PDF ou as imagens dos gráficos e há mais {waiting} esperando a vez; este não foi iniciado. Tente novamente em um minuto.',
      'rate-limited':
        'Pedidos demais seguidos desta página (mais de {perSecond} por segundo); este foi recusado. Espere um momento e tente novamente.',
      'message-too-deep': 'O pedido aninha listas ou objetos em mais de {depth} níveis; foi recusado sem ser lido.',
      'message-too-large': 'O pedido de {method} ocupa mais de {megabytes} MB; não foi enviado.',
      'server-stopping':
        'O Sinapsis está parando: os treinamentos em andamento estão sendo salvos e nenhuma tarefa nova pode começar. Abra-o novamente em um momento.',
      'unknown-method': 'O aplicativo pediu uma operação desconhecida ({method}). Atualize o Sinapsis.',
      'invalid-request': 'Um dado enviado não é válido. Revise os ajustes e tente de novo.',
      'invalid-message': 'Mensagem malformada.',
      'invalid-reply': 'O núcleo enviou uma resposta que esta versão não entende.',
      internal: 'Erro inesperado em {method}: {details}',
      'connection-lost': 'A conexão com o Sinapsis foi perdida; a operação não terminou. Tente novamente.',
      forbidden: 'Operação não permitida.',
      'task-already-running': 'Já existe uma tarefa em andamento com o identificador {taskId}.',
      'run-not-found': 'Não existe a execução «{runId}».',
      'run-file-missing': 'Falta {path}: esta pasta não é uma execução concluída do Sinapsis.',
      'run-file-corrupt': '{path} está danificado (não é JSON válido). Treine novamente para regenerá-lo.',
      'run-file-invalid': '{path} não tem o conteúdo esperado ({field}).',
      'run-newer-version':
        '{path} foi gravado por um Sinapsis mais novo (formato {version}; esta versão lê até o {supported}). Atualize o Sinapsis para abrir esta execução.',
      'pdf-no-chromium':
        'Não foi encontrado Chromium nem Chrome para imprimir o PDF. Instale um ou defina CHROMIUM_PATH; o relatório HTML foi gravado e pode ser impresso em qualquer navegador.',
      'png-no-chromium':
        'Não foi encontrado Chromium nem Chrome para desenhar os gráficos PNG. Instale um ou defina CHROMIUM_PATH; os gráficos SVG foram gravados e abrem em qualquer navegador.',
      'run-export-missing': 'Falta {path}. Exporte de novo os arquivos da execução.',
      'run-file-too-large': '{path} é grande demais para baixar pelo aplicativo; copie-o da pasta da execução.',
      'run-file-name': '«{file}» não é um arquivo de uma pasta de execução.',
      'run-folder-unwritable':
        'Não é possível criar a pasta da execução em {root} ({reason}). Escolha uma pasta de execuções em que se possa escrever (SINAPSIS_RUNS_DIR) ou libere espaço no disco.',
      'backend-unavailable': 'O backend «{backend}» não está disponível aqui: {reason}. Escolha «automático».',
    },
  },
  en: {
    errors: {
      'pdf-busy':
        'The server is already making a PDF or chart pictures and {waiting} more are waiting their turn; this one was not started. Try again in a minute.',
      'rate-limited':
        'Too many requests from this page at once (more than {perSecond} per second); this one was refused. Wait a moment and try again.',
      'message-too-deep': 'The request nests lists or objects more than {depth} levels deep; it was refused unread.',
      'message-too-large': 'The request for {method} is larger than {megabytes} MB; it was not sent.',
      'server-stopping':
        'Sinapsis is stopping: trainings in progress are being saved and no new task can start. Open it again in a moment.',
      'unknown-method': 'The app asked for an unknown operation ({method}). Update Sinapsis.',
      'invalid-request': 'Some data sent is not valid. Check the settings and try again.',
      'invalid-message': 'Malformed message.',
      'invalid-reply': 'The core sent a reply this version does not understand.',
      internal: 'Unexpected error in {method}: {details}',
      'connection-lost': 'The connection to Sinapsis was lost; the operation did not finish. Try again.',
      forbidden: 'Operation not allowed.',
      'task-already-running': 'A task with id {taskId} is already running.',
      'run-not-found': 'There is no run "{runId}".',
      'run-file-missing': '{path} is missing: this folder is not a finished Sinapsis run.',
      'run-file-corrupt': '{path} is damaged (not valid JSON). Train again to regenerate it.',
      'run-file-invalid': '{path} does not have the expected content ({field}).',
      'run-newer-version':
        '{path} was written by a newer Sinapsis (format {version}; this version reads up to {supported}). Update Sinapsis to open this run.',
      'pdf-no-chromium':
        'No Chromium or Chrome was found to print the PDF. Install one or set CHROMIUM_PATH; the HTML report was written and can be printed from any browser.',
      'png-no-chromium':
        'No Chromium or Chrome was found to draw the PNG charts. Install one or set CHROMIUM_PATH; the SVG charts were written and open in any browser.',
      'run-export-missing': "{path} is missing. Export the run's files again.",
      'run-file-too-large': '{path} is too large to download through the app; copy it from the run folder.',
      'run-file-name': '“{file}” is not a file of a run folder.',
      'run-folder-unwritable':
        'Cannot create the run folder in {root} ({reason}). Choose a runs folder you can write to (SINAPSIS_RUNS_DIR) or free some disk space.',
      'backend-unavailable': 'The "{backend}" backend is not available here: {reason}. Choose "automatic".',
    },
  },
};
