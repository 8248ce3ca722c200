/** Translations of contract error codes (`SinapsisError.code`); `{param}` placeholders come from the error's params. */
export const errors = {
  es: {
    errors: {
      'unknown-method': 'La aplicación pidió una operación desconocida ({method}). Actualiza Sinapsis.',
      'invalid-request': 'Datos no válidos para {method}: {details}',
      'invalid-message': 'Mensaje mal formado.',
      'invalid-reply': 'El núcleo envió una respuesta que esta versión no entiende.',
      internal: 'Error inesperado en {method}: {details}',
      'connection-lost': 'Se perdió la conexión con Sinapsis; la operación no terminó. Vuelve a intentarlo.',
      forbidden: 'Operación no permitida.',
      'task-already-running': 'Ya hay una tarea en curso con el identificador {taskId}.',
      'backend-unavailable': 'El backend «{backend}» no está disponible aquí: {reason}. Elige «automático».',
    },
  },
  pt: {
    errors: {
      'unknown-method': 'O aplicativo pediu uma operação desconhecida ({method}). Atualize o Sinapsis.',
      'invalid-request': 'Dados inválidos para {method}: {details}',
      'invalid-message': 'Mensagem malformada.',
      'invalid-reply': 'O núcleo enviou uma resposta que esta versão não entende.',
      internal: 'Erro inesperado em {method}: {details}',
      'connection-lost': 'A conexão com o Sinapsis foi perdida; a operação não terminou. Tente novamente.',
      forbidden: 'Operação não permitida.',
      'task-already-running': 'Já existe uma tarefa em andamento com o identificador {taskId}.',
      'backend-unavailable': 'O backend «{backend}» não está disponível aqui: {reason}. Escolha «automático».',
    },
  },
  en: {
    errors: {
      'unknown-method': 'The app asked for an unknown operation ({method}). Update Sinapsis.',
      'invalid-request': 'Invalid data for {method}: {details}',
      'invalid-message': 'Malformed message.',
      'invalid-reply': 'The core sent a reply this version does not understand.',
      internal: 'Unexpected error in {method}: {details}',
      'connection-lost': 'The connection to Sinapsis was lost; the operation did not finish. Try again.',
      forbidden: 'Operation not allowed.',
      'task-already-running': 'A task with id {taskId} is already running.',
      'backend-unavailable': 'The "{backend}" backend is not available here: {reason}. Choose "automatic".',
    },
  },
};
